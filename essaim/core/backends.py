"""Load a pluggable engine from a dotted path in settings (the Django cache pattern)."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string


@cache
def load_engine(setting_name: str) -> Any:
    path = getattr(settings, setting_name)
    return import_string(path)()


def reset_engines() -> None:
    load_engine.cache_clear()
