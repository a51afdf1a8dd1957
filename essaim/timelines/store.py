from essaim.core.backends import load_engine

from .engine.base import TimelineStore


def timeline_store() -> TimelineStore:
    return load_engine("ESSAIM_TIMELINE_STORE")
