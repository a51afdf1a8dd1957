"""Caches that every web process sees alike: posts, accounts and tokens read on every request.

One interface, two engines:

* :class:`RedisCache` (``ESSAIM_REDIS_URL`` set): entries live in Redis, shared by every
  process; forgetting a key is one write there.
* :class:`LocalCache` (the embedded default): entries live in each process (a bounded LRU,
  nothing to serialise across a network), and forgetting a key is appended to a small log
  file in the data directory, which every process reads before its next lookup (one
  ``stat`` when nothing changed). A forgotten key is gone from every process at its next
  request.

Both give the same guarantees (``tests/core/test_sharedcache.py`` runs one contract suite on
each):

* ``forget`` takes effect in this process at once and again when the transaction commits,
  and in every other process before its next lookup after the commit;
* a forgotten key leaves a *tombstone* for a few seconds: a reader that loaded the old row
  just before the write cannot store it back (fills only add keys that are absent);
* entries expire after their time to live, so a value written by a path that forgot to call
  ``forget`` can only be so old.

Values are pickled (Django model instances, as Django's own cache does): they come out as
copies, which a request may change without touching the cache.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.db import transaction

TOMBSTONE_SECONDS = 10  # longer than any fill takes between its read and its store
_TOMB = b"\x00tomb"


class SharedCache:
    """``get_many`` / ``add_many`` / ``forget`` under a name (``posts``, ``accounts``…)."""

    def __init__(self, name: str, *, ttl: float, capacity: int = 50_000):
        self.name, self.ttl, self.capacity = name, ttl, capacity

    def get_many(self, keys: Iterable[int | str]) -> dict:
        raise NotImplementedError

    def add_many(self, values: dict) -> None:
        """Store the values whose keys are absent (neither cached nor tombstoned)."""
        raise NotImplementedError

    def forget(self, keys: Iterable[int | str]) -> None:
        """Drop ``keys`` now and when the current transaction commits, in every process."""
        names = [str(k) for k in keys]
        if not names:
            return
        self._forget(names)
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(lambda: self._forget(names))

    def _forget(self, keys: list[str]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError


# --- the embedded engine: an LRU per process and a log of forgotten keys ------------------

class InvalidationLog:
    """An append-only file of ``name writer key`` lines, shared by the processes of one machine
    (a writer skips its own lines: it forgot those keys when it wrote them).

    Writers append under an exclusive lock; when the file grows past ``limit`` bytes it is
    replaced by an empty one (a new inode), and a reader that sees another inode drops
    everything it holds (it cannot know what it missed).
    """

    def __init__(self, path: Path, limit: int = 4 * 2**20):
        self.path, self.limit = Path(path), limit
        self._lock = threading.Lock()
        self._inode, self._offset = self._position()
        self._listeners: dict[str, LocalCache] = {}
        self.writer = uuid.uuid4().hex[:12]

    def _position(self) -> tuple[int, int]:
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return 0, 0
        return stat.st_ino, stat.st_size

    def listen(self, cache: LocalCache) -> None:
        self._listeners[cache.name] = cache

    def append(self, name: str, keys: list[str]) -> None:
        data = "".join(f"{name} {self.writer} {key}\n" for key in keys).encode()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                if self.path.exists() and self.path.stat().st_size > self.limit:
                    fresh = self.path.with_suffix(".new")
                    fresh.write_bytes(b"")
                    os.replace(fresh, self.path)
                with open(self.path, "ab") as log:
                    log.write(data)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def catch_up(self) -> None:
        """Apply what other processes forgot since the last call (one ``stat`` if nothing)."""
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return
        if stat.st_ino == self._inode and stat.st_size == self._offset:
            return
        with self._lock:
            if stat.st_ino != self._inode:
                if self._inode:  # replaced: what was in the old file is unknown
                    for cache in self._listeners.values():
                        cache.drop_all()
                self._inode, self._offset = stat.st_ino, 0  # (or created: all of it is new)
            with open(self.path, "rb") as log:
                log.seek(self._offset)
                data = log.read(max(0, stat.st_size - self._offset))
            end = data.rfind(b"\n") + 1  # a line being written is read next time
            self._offset += end
        forgotten: dict[str, list[str]] = {}
        for line in data[:end].decode().splitlines():
            name, writer, key = (line.split(" ", 2) + ["", ""])[:3]
            if writer != self.writer:
                forgotten.setdefault(name, []).append(key)
        for name, keys in forgotten.items():
            if name in self._listeners:
                self._listeners[name].drop(keys, tombstone=True)


_logs: dict[str, InvalidationLog] = {}
_logs_lock = threading.Lock()


def invalidation_log() -> InvalidationLog:
    path = str(Path(settings.DATA_DIR) / "cache-invalidations.log")
    with _logs_lock:
        if path not in _logs:
            _logs[path] = InvalidationLog(Path(path))
        return _logs[path]


class LocalCache(SharedCache):
    def __init__(self, name: str, *, ttl: float, capacity: int = 50_000,
                 log: InvalidationLog | None = None):
        super().__init__(name, ttl=ttl, capacity=capacity)
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self._log = log
        if log is not None:
            log.listen(self)

    @property
    def log(self) -> InvalidationLog:
        if self._log is None:
            self._log = invalidation_log()
            self._log.listen(self)
        return self._log

    def get_many(self, keys):
        self.log.catch_up()
        now = time.monotonic()
        found = {}
        with self._lock:
            for key in keys:
                entry = self._entries.get(str(key))
                if entry is None or entry[1] == _TOMB:
                    continue
                if entry[0] < now:
                    del self._entries[str(key)]
                    continue
                self._entries.move_to_end(str(key))
                found[key] = entry[1]
        return {key: pickle.loads(raw) for key, raw in found.items()}  # noqa: S301

    def add_many(self, values: dict) -> None:
        if not values:
            return
        packed = {str(k): pickle.dumps(v, pickle.HIGHEST_PROTOCOL) for k, v in values.items()}
        now = time.monotonic()
        with self._lock:
            for key, raw in packed.items():
                entry = self._entries.get(key)
                if entry is not None and entry[0] >= now:
                    continue  # cached, or tombstoned
                self._entries[key] = (now + self.ttl, raw)
            while len(self._entries) > self.capacity:
                self._entries.popitem(last=False)

    def _forget(self, keys: list[str]) -> None:
        self.drop(keys, tombstone=True)
        self.log.append(self.name, keys)

    def drop(self, keys: list[str], *, tombstone: bool) -> None:
        until = time.monotonic() + TOMBSTONE_SECONDS
        with self._lock:
            for key in keys:
                if tombstone:
                    self._entries[key] = (until, _TOMB)
                    self._entries.move_to_end(key)
                else:
                    self._entries.pop(key, None)

    def drop_all(self) -> None:
        with self._lock:
            self._entries.clear()

    def clear(self) -> None:
        self.drop_all()


# --- the scale engine: Redis -------------------------------------------------------------

class RedisCache(SharedCache):
    def __init__(self, name: str, *, ttl: float, capacity: int = 0, url: str | None = None):
        super().__init__(name, ttl=ttl, capacity=capacity)
        import redis

        self._client = redis.Redis.from_url(url or settings.REDIS_URL)
        self._prefix = f"essaim:cache:{name}:"

    def get_many(self, keys):
        keys = list(keys)
        if not keys:
            return {}
        raws = self._client.mget([self._prefix + str(k) for k in keys])
        return {key: pickle.loads(raw) for key, raw in zip(keys, raws, strict=True)  # noqa: S301
                if raw is not None and raw != _TOMB}

    def add_many(self, values: dict) -> None:
        if not values:
            return
        pipe = self._client.pipeline(transaction=False)
        ttl = max(1, int(self.ttl))
        for key, value in values.items():
            pipe.set(self._prefix + str(key), pickle.dumps(value, pickle.HIGHEST_PROTOCOL),
                     ex=ttl, nx=True)
        pipe.execute()

    def _forget(self, keys: list[str]) -> None:
        pipe = self._client.pipeline(transaction=False)
        for key in keys:
            pipe.set(self._prefix + key, _TOMB, ex=TOMBSTONE_SECONDS)
        pipe.execute()

    def clear(self) -> None:
        for key in self._client.scan_iter(match=self._prefix + "*", count=1000):
            self._client.delete(key)


_caches: dict[tuple[str, str], SharedCache] = {}


def shared_cache(name: str, *, ttl: float) -> SharedCache:
    """The process's cache called ``name``: in Redis when configured, else local with the log."""
    engine = "redis" if settings.REDIS_URL else "local"
    key = (name, engine + ":" + str(settings.REDIS_URL or settings.DATA_DIR))
    found = _caches.get(key)
    if found is None:
        capacity = settings.ESSAIM_CACHE_ENTRIES
        found = (RedisCache(name, ttl=ttl) if engine == "redis"
                 else LocalCache(name, ttl=ttl, capacity=capacity))
        _caches[key] = found
    return found


_memos: list = []


def process_memo() -> dict:
    """A dict this process keeps beside the caches (emptied with them by :func:`clear_all`)."""
    memo: dict = {}
    _memos.append(memo)
    return memo


def clear_all() -> None:
    """Empty every cache of this process (tests, after a database is replaced)."""
    for cache in _caches.values():
        cache.clear()
    for memo in _memos:
        memo.clear()
