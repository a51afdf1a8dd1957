"""The real-time broker: in-process by default, Redis pub/sub when ``ESSAIM_REDIS_URL`` is set.

``ESSAIM_REALTIME_BROKER`` (a dotted path) overrides the choice.
"""

from __future__ import annotations

from essaim.core.backends import load_engine, reset_engines

from .base import Broker, Subscription

INPROCESS = "essaim.realtime.broker.inprocess.InProcessBroker"
REDIS = "essaim.realtime.broker.redis.RedisBroker"


def broker() -> Broker:
    """The process's broker, loaded like every other engine (``core.backends``)."""
    return load_engine("ESSAIM_REALTIME_BROKER")


def reset_broker() -> None:
    reset_engines()


__all__ = ["Broker", "Subscription", "broker", "reset_broker"]
