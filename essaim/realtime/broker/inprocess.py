"""In-process pub/sub: enough for the embedded default (one server process).

Publishers run in worker threads (Django's synchronous code); subscribers live on an asyncio
event loop. Messages cross over with ``call_soon_threadsafe``, as JSON text so that nothing
is shared between the publisher and its subscribers.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Iterable

from .base import Broker, Subscription

logger = logging.getLogger(__name__)
QUEUE_SIZE = 1000


class InProcessSubscription(Subscription):
    def __init__(self, broker: InProcessBroker):
        self._broker = broker
        self._channels: set[str] = set()
        self._queue: asyncio.Queue | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False

    def _bind(self) -> asyncio.Queue:
        if self._queue is None:
            self._loop = asyncio.get_running_loop()
            self._queue = asyncio.Queue(maxsize=QUEUE_SIZE)
        return self._queue

    @property
    def channels(self) -> frozenset[str]:
        return frozenset(self._channels)

    async def subscribe(self, *channels: str) -> None:
        self._bind()
        self._channels.update(channels)
        self._broker._attach(self, channels)

    async def unsubscribe(self, *channels: str) -> None:
        self._channels.difference_update(channels)
        self._broker._detach(self, channels)

    async def get(self, timeout: float | None = None) -> tuple[str, dict] | None:
        queue = self._bind()
        try:
            channel, raw = await asyncio.wait_for(queue.get(), timeout)
        except TimeoutError:
            return None
        return channel, json.loads(raw)

    async def close(self) -> None:
        self._closed = True
        self._broker._detach(self, list(self._channels))
        self._channels.clear()

    def _deliver(self, channel: str, raw: str) -> None:
        """Called from the publisher's thread."""
        if self._closed or self._loop is None or self._loop.is_closed():
            return
        try:
            self._loop.call_soon_threadsafe(self._put, channel, raw)
        except RuntimeError:  # the loop stopped in between
            pass

    def _put(self, channel: str, raw: str) -> None:
        if self._closed or channel not in self._channels or self._queue is None:
            return
        if self._queue.full():
            logger.warning("Real-time subscriber too slow: dropping a message on %s", channel)
            return
        self._queue.put_nowait((channel, raw))


class InProcessBroker(Broker):
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: dict[str, set[InProcessSubscription]] = {}

    def _attach(self, sub: InProcessSubscription, channels: Iterable[str]) -> None:
        with self._lock:
            for channel in channels:
                self._listeners.setdefault(channel, set()).add(sub)

    def _detach(self, sub: InProcessSubscription, channels: Iterable[str]) -> None:
        with self._lock:
            for channel in channels:
                listeners = self._listeners.get(channel)
                if listeners is not None:
                    listeners.discard(sub)
                    if not listeners:
                        del self._listeners[channel]

    def listening(self, channel: str) -> bool:
        with self._lock:
            return bool(self._listeners.get(channel))

    def publish_many(self, items: Iterable[tuple[str, dict]]) -> None:
        deliveries = []
        with self._lock:
            for channel, message in items:
                listeners = self._listeners.get(channel)
                if listeners:  # publish only when someone listens
                    raw = json.dumps(message)
                    deliveries.extend((sub, channel, raw) for sub in listeners)
        for sub, channel, raw in deliveries:
            sub._deliver(channel, raw)

    def subscription(self) -> InProcessSubscription:
        return InProcessSubscription(self)
