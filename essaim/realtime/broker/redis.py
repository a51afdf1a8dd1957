"""Redis pub/sub: several server processes share the same streams.

Publishing uses the synchronous client in one pipelined round trip; each subscription holds
its own ``redis.asyncio`` pub/sub connection.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterable

import redis
import redis.asyncio as aioredis
from django.conf import settings

from .base import Broker, Subscription

logger = logging.getLogger(__name__)
PREFIX = "essaim:rt:"
QUEUE_SIZE = 1000
CONFIRM_SECONDS = 5.0


class RedisSubscription(Subscription):
    """One pub/sub connection, read by a single background task that queues the messages."""

    def __init__(self, url: str, prefix: str):
        self._url = url
        self._prefix = prefix
        self._client: aioredis.Redis | None = None
        self._pubsub = None
        self._reader: asyncio.Task | None = None
        self._queue: asyncio.Queue = asyncio.Queue(maxsize=QUEUE_SIZE)
        self._confirmations: dict[str, asyncio.Future] = {}
        self._channels: set[str] = set()
        self._failure: Exception | None = None

    @property
    def channels(self) -> frozenset[str]:
        return frozenset(self._channels)

    async def subscribe(self, *channels: str) -> None:
        new = [c for c in dict.fromkeys(channels) if c not in self._channels]
        if not new:
            return
        if self._pubsub is None:
            self._client = aioredis.Redis.from_url(self._url)
            self._pubsub = self._client.pubsub()
        loop = asyncio.get_running_loop()
        waiting = [self._confirmations.setdefault(self._prefix + c, loop.create_future())
                   for c in new]
        self._channels.update(new)
        try:
            await self._pubsub.subscribe(*[self._prefix + c for c in new])
        except (redis.RedisError, OSError) as exc:
            self._channels.difference_update(new)
            raise ConnectionError(f"Redis is unreachable: {exc}") from exc
        if self._reader is None:
            self._reader = asyncio.ensure_future(self._read())
        try:  # publishing right after subscribing must not be lost
            await asyncio.wait_for(asyncio.gather(*waiting), CONFIRM_SECONDS)
        except TimeoutError:
            logger.warning("Redis did not confirm a subscription to %s", new)

    async def unsubscribe(self, *channels: str) -> None:
        gone = [c for c in channels if c in self._channels]
        if gone and self._pubsub is not None:
            self._channels.difference_update(gone)
            await self._pubsub.unsubscribe(*[self._prefix + c for c in gone])

    async def _read(self) -> None:
        try:
            while True:
                message = await self._pubsub.get_message(timeout=1.0)
                if message is None:
                    continue
                channel = message.get("channel")
                channel = channel.decode() if isinstance(channel, bytes) else str(channel)
                if message["type"] == "subscribe":
                    future = self._confirmations.pop(channel, None)
                    if future is not None and not future.done():
                        future.set_result(True)
                elif message["type"] == "message":
                    name = channel.removeprefix(self._prefix)
                    if name in self._channels and not self._queue.full():
                        self._queue.put_nowait((name, message["data"]))
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the connection broke: listeners end and clients reconnect
            logger.warning("Real-time subscription lost its Redis connection: %s", exc)
            self._failure = exc
            self._queue.put_nowait(None)

    async def get(self, timeout: float | None = None) -> tuple[str, dict] | None:
        if self._failure is not None:
            raise ConnectionError(str(self._failure))
        try:
            item = await asyncio.wait_for(self._queue.get(), timeout)
        except TimeoutError:
            return None
        if item is None:
            raise ConnectionError(str(self._failure))
        return item[0], json.loads(item[1])

    async def close(self) -> None:
        self._channels.clear()
        if self._reader is not None:
            self._reader.cancel()
            await asyncio.gather(self._reader, return_exceptions=True)
            self._reader = None
        if self._pubsub is not None:
            try:
                await self._pubsub.aclose()
            finally:
                await self._client.aclose()
            self._pubsub = self._client = None


class RedisBroker(Broker):
    def __init__(self, url: str | None = None, prefix: str = PREFIX):
        self._url = url or settings.REDIS_URL
        self._prefix = prefix
        self._client = redis.Redis.from_url(self._url)

    def publish_many(self, items: Iterable[tuple[str, dict]]) -> None:
        items = list(items)
        if not items:
            return
        try:
            pipe = self._client.pipeline(transaction=False)
            for channel, message in items:
                pipe.publish(self._prefix + channel, json.dumps(message))
            pipe.execute()
        except redis.RedisError as exc:  # real time is best effort; the database is the truth
            logger.warning("Could not publish %d real-time messages: %s", len(items), exc)

    def subscription(self) -> RedisSubscription:
        return RedisSubscription(self._url, self._prefix)
