"""The broker interface: publish from synchronous code, subscribe from asynchronous code.

Messages are JSON-serialisable dicts. Publishing never raises: real-time delivery is a bonus on
top of the database, which stays the source of truth (clients catch up by reading timelines).
"""

from __future__ import annotations

from collections.abc import Iterable


class Subscription:
    """One listener's view of the broker: a changing set of channels and a queue of messages."""

    async def subscribe(self, *channels: str) -> None:
        """Start receiving these channels; raises ConnectionError when the broker is down."""
        raise NotImplementedError

    async def unsubscribe(self, *channels: str) -> None:
        raise NotImplementedError

    async def get(self, timeout: float | None = None) -> tuple[str, dict] | None:
        """The next (channel, message), or None when ``timeout`` seconds pass without one.

        Raises ConnectionError when the broker connection is lost.
        """
        raise NotImplementedError

    async def close(self) -> None:
        raise NotImplementedError

    @property
    def channels(self) -> frozenset[str]:
        raise NotImplementedError


class Broker:
    def publish(self, channel: str, message: dict) -> None:
        self.publish_many([(channel, message)])

    def publish_many(self, items: Iterable[tuple[str, dict]]) -> None:
        """Send each message to its channel (thread-safe, callable from any thread)."""
        raise NotImplementedError

    def subscription(self) -> Subscription:
        raise NotImplementedError
