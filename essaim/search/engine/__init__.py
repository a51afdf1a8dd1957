"""Search engines behind one interface, chosen by ``ESSAIM_SEARCH_ENGINE``."""

from __future__ import annotations

from essaim.core.backends import load_engine

from .base import SearchEngine


def search_engine() -> SearchEngine:
    return load_engine("ESSAIM_SEARCH_ENGINE")


__all__ = ["SearchEngine", "search_engine"]
