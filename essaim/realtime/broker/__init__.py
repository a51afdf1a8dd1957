"""The real-time broker: in-process by default, Redis pub/sub when ``ESSAIM_REDIS_URL`` is set.

``ESSAIM_REALTIME_BROKER`` (a dotted path) overrides the choice.
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import Broker, Subscription

INPROCESS = "essaim.realtime.broker.inprocess.InProcessBroker"
REDIS = "essaim.realtime.broker.redis.RedisBroker"


@cache
def broker() -> Broker:
    path = getattr(settings, "ESSAIM_REALTIME_BROKER", "") or (
        REDIS if getattr(settings, "REDIS_URL", "") else INPROCESS)
    return import_string(path)()


def reset_broker() -> None:
    broker.cache_clear()


__all__ = ["Broker", "Subscription", "broker", "reset_broker"]
