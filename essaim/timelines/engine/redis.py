"""The Redis timeline store: a bounded cache of each home timeline, rebuilt from the database.

Each timeline is a sorted set whose members all have score 0 and sort by their text:
``"<post ID on 19 digits>:<source ID>"``. Scores are doubles, which cannot tell apart 64-bit
post IDs above 2**53; zero-padded members compared byte by byte are exact, and ``ZRANGEBYLEX``
pages through them. A second key holds the timeline's floor (see ``engine.base``) padded the
same way. Without it the timeline is not cached (forgotten after a long absence): the next
read enqueues its rebuild and reads the database meanwhile, and a push starts it with that
post, older ones coming from the database.
Every multi-step change is one Lua script, so concurrent workers and readers never see half
of one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import cast

import redis
from django.conf import settings

from essaim.core.ids import snowflake
from essaim.core.pagination import MAX_ID, Cursor

from .base import STALE_FLOOR, TimelineStore, bounds, complete_page

WIDTH = 19  # digits of the largest signed 64-bit ID
BATCH = 500  # timelines per script call
SWEEP = 1000  # keys per SCAN step when removing posts everywhere

_PUSH = """
-- KEYS: n timeline keys then their n floor keys.
-- ARGV: member, its post prefix, keep, ttl, the floor of a timeline this push starts
local n = #KEYS / 2
local member, prefix, keep, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local added = 0
for i = 1, n do
  local key, fkey = KEYS[i], KEYS[n + i]
  local floor = redis.call('GET', fkey)
  if not floor then
    -- Not cached: start with this post; older ones are read from the database.
    floor = ARGV[5]
    redis.call('DEL', key)
    redis.call('SET', fkey, floor)
  end
  if prefix > floor then
    local found = redis.call('ZRANGEBYLEX', key, '[' .. prefix .. ':', '(' .. prefix .. ';',
                             'LIMIT', 0, 1)
    if #found == 0 then
      redis.call('ZADD', key, 0, member)
      added = added + 1
      local size = redis.call('ZCARD', key)
      if size > keep then
        local cut = redis.call('ZRANGE', key, size - keep - 1, size - keep - 1)[1]
        redis.call('ZREMRANGEBYRANK', key, 0, size - keep - 1)
        local top = string.sub(cut, 1, string.find(cut, ':') - 1)
        if top > floor then redis.call('SET', fkey, top) end
      end
    end
    redis.call('EXPIRE', key, ttl)
    redis.call('EXPIRE', fkey, ttl)
  end
end
return added
"""

_PAGE = """
-- KEYS: timeline, floor. ARGV: low (padded, exclusive), high ('+' or '(' .. padded),
-- limit, ascending ('1' or '0'), ttl. Returns {floor or false, members...}; reading a
-- timeline keeps it cached.
local floor = redis.call('GET', KEYS[2])
if not floor then return {false} end
redis.call('EXPIRE', KEYS[1], ARGV[5])
redis.call('EXPIRE', KEYS[2], ARGV[5])
local low = ARGV[1]
if floor > low then low = floor end
local result
if ARGV[4] == '1' then
  result = redis.call('ZRANGEBYLEX', KEYS[1], '(' .. low .. ';', ARGV[2], 'LIMIT', 0, ARGV[3])
else
  result = redis.call('ZREVRANGEBYLEX', KEYS[1], ARGV[2], '(' .. low .. ';', 'LIMIT', 0,
                      ARGV[3])
end
table.insert(result, 1, floor)
return result
"""

_HOLDERS = """
-- KEYS: timelines. ARGV: post prefixes. Returns the 1-based indexes of keys holding any.
local found = {}
for i = 1, #KEYS do
  for j = 1, #ARGV do
    if #redis.call('ZRANGEBYLEX', KEYS[i], '[' .. ARGV[j] .. ':', '(' .. ARGV[j] .. ';',
                   'LIMIT', 0, 1) > 0 then
      table.insert(found, i)
      break
    end
  end
end
return found
"""

_REMOVE_POSTS = """
-- KEYS: timelines. ARGV: post prefixes.
for i = 1, #KEYS do
  for j = 1, #ARGV do
    redis.call('ZREMRANGEBYLEX', KEYS[i], '[' .. ARGV[j] .. ':', '(' .. ARGV[j] .. ';')
  end
end
return 0
"""

_REMOVE_SOURCE = """
-- KEYS: timeline. ARGV: ':' .. source ID
local suffix = ARGV[1]
local gone = {}
for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if string.sub(member, -#suffix) == suffix then table.insert(gone, member) end
end
for start = 1, #gone, 1000 do
  redis.call('ZREM', KEYS[1], unpack(gone, start, math.min(start + 999, #gone)))
end
return #gone
"""

_TRIM = """
-- KEYS: timeline, floor. ARGV: keep
local keep = tonumber(ARGV[1])
local size = redis.call('ZCARD', KEYS[1])
if size <= keep then return 0 end
local cut = redis.call('ZRANGE', KEYS[1], size - keep - 1, size - keep - 1)[1]
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, size - keep - 1)
local top = string.sub(cut, 1, string.find(cut, ':') - 1)
local floor = redis.call('GET', KEYS[2])
if floor and top > floor then redis.call('SET', KEYS[2], top, 'KEEPTTL') end
return size - keep
"""

_REBUILD = """
-- KEYS: timeline, floor. ARGV: mark (padded), floor (padded), keep, ttl, members...
-- Entries of posts newer than the mark arrived while the rebuild read: they stay.
redis.call('ZREMRANGEBYLEX', KEYS[1], '-', '(' .. ARGV[1])
for start = 5, #ARGV, 1000 do
  local args = {}
  for i = start, math.min(start + 999, #ARGV) do
    table.insert(args, 0)
    table.insert(args, ARGV[i])
  end
  redis.call('ZADD', KEYS[1], unpack(args))
end
local keep, floor = tonumber(ARGV[3]), ARGV[2]
local size = redis.call('ZCARD', KEYS[1])
if size > keep then
  local cut = redis.call('ZRANGE', KEYS[1], size - keep - 1, size - keep - 1)[1]
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, size - keep - 1)
  local top = string.sub(cut, 1, string.find(cut, ':') - 1)
  if top > floor then floor = top end
end
redis.call('SET', KEYS[2], floor, 'EX', ARGV[4])
if size > 0 then redis.call('EXPIRE', KEYS[1], ARGV[4]) end
return math.min(size, keep)
"""


def pad(value: int) -> str:
    return str(max(0, min(int(value), MAX_ID))).zfill(WIDTH)


def _post_id(member: bytes) -> int:
    return int(member[:WIDTH])


class RedisTimelineStore(TimelineStore):
    def __init__(self, url: str | None = None, prefix: str = "essaim:tl:"):
        self.client = redis.Redis.from_url(url or settings.REDIS_URL)
        self.prefix = prefix
        self._push = self.client.register_script(_PUSH)
        self._page = self.client.register_script(_PAGE)
        self._holders = self.client.register_script(_HOLDERS)
        self._remove_posts = self.client.register_script(_REMOVE_POSTS)
        self._remove_source = self.client.register_script(_REMOVE_SOURCE)
        self._trim = self.client.register_script(_TRIM)
        self._rebuild = self.client.register_script(_REBUILD)

    def key(self, owner_id: int) -> str:
        return f"{self.prefix}{owner_id}"

    def floor_key(self, owner_id: int) -> str:
        return f"{self.prefix}{owner_id}:floor"

    @property
    def ttl(self) -> int:
        """Timelines nobody pushes to or rebuilds are forgotten after the active period."""
        return int(timedelta(days=settings.ESSAIM_ACTIVE_DAYS + 1).total_seconds())

    def push(self, post_id: int, source_id: int, owner_ids: Iterable[int]) -> int:
        owners = sorted(set(owner_ids))
        prefix = pad(post_id)
        keep = settings.ESSAIM_TIMELINE_MAX
        added = 0
        for start in range(0, len(owners), BATCH):
            chunk = owners[start:start + BATCH]
            keys = [self.key(o) for o in chunk] + [self.floor_key(o) for o in chunk]
            added += self._push(keys=keys, args=[f"{prefix}:{source_id}", prefix, keep,
                                                 self.ttl, pad(post_id - 1)])
        return added

    def holders(self, owner_ids: Iterable[int], post_ids: Iterable[int]) -> set[int]:
        owners, prefixes = sorted(set(owner_ids)), [pad(p) for p in set(post_ids)]
        found: set[int] = set()
        if not prefixes:
            return found
        for start in range(0, len(owners), BATCH):
            chunk = owners[start:start + BATCH]
            hits = self._holders(keys=[self.key(o) for o in chunk], args=prefixes)
            found |= {chunk[i - 1] for i in hits}
        return found

    def page(self, owner_id: int, cursor: Cursor) -> list[int]:
        window = bounds(cursor)
        if window is None:
            return []
        low, high = window
        args: list[str | int] = [pad(low), "+" if high is None else "(" + pad(high),
                                 cursor.limit, "1" if cursor.min_id is not None else "0",
                                 self.ttl]
        keys = [self.key(owner_id), self.floor_key(owner_id)]
        reply = self._page(keys=keys, args=args)
        if reply[0] is None:  # not cached: read the database until a task has rebuilt it
            from essaim.core.jobs import enqueue_on_commit

            from ..tasks import rebuild_timeline

            self.mark_stale(owner_id)
            enqueue_on_commit(rebuild_timeline, owner_id)
            reply = self._page(keys=keys, args=args)
        floor = int(cast(bytes, reply[0]) or 0)
        held = [_post_id(m) for m in reply[1:]]
        if cursor.min_id is not None:
            held.reverse()
        return complete_page(owner_id, cursor, floor, held)

    def entries(self, owner_id: int) -> list[tuple[int, int]]:
        members = cast(list[bytes], self.client.zrevrange(self.key(owner_id), 0, -1))
        return [(int(m[:WIDTH]), int(m[WIDTH + 1:])) for m in members]

    def remove_posts(self, post_ids: Iterable[int]) -> None:
        """Sweep every stored timeline (deletes are rare; reads also filter what is gone)."""
        prefixes = [pad(p) for p in set(post_ids)]
        if not prefixes:
            return
        batch: list[bytes] = []
        for key in self.client.scan_iter(match=f"{self.prefix}*", count=SWEEP):
            if not key.endswith(b":floor"):
                batch.append(key)
            if len(batch) >= SWEEP:
                self._remove_posts(keys=batch, args=prefixes)
                batch = []
        if batch:
            self._remove_posts(keys=batch, args=prefixes)

    def remove_source(self, owner_id: int, source_id: int) -> None:
        self._remove_source(keys=[self.key(owner_id)], args=[f":{source_id}"])

    def trim(self, owner_id: int, keep: int) -> None:
        self._trim(keys=[self.key(owner_id), self.floor_key(owner_id)], args=[keep])

    def rebuild(self, owner_id: int) -> int:
        from ..home import home_candidates_with_floor

        mark = snowflake()
        entries, floor = home_candidates_with_floor(owner_id, settings.ESSAIM_TIMELINE_MAX)
        members = [f"{pad(p)}:{s}" for p, s in entries]
        args: list[str | int] = [pad(mark), pad(floor), settings.ESSAIM_TIMELINE_MAX,
                                 self.ttl, *members]
        self._rebuild(keys=[self.key(owner_id), self.floor_key(owner_id)], args=args)
        return len(entries)

    def clear(self, owner_id: int) -> None:
        """Empty one timeline (it stays built: reading it gives nothing until new posts)."""
        pipe = self.client.pipeline()
        pipe.delete(self.key(owner_id))
        pipe.set(self.floor_key(owner_id), pad(0), ex=self.ttl)
        pipe.execute()

    def mark_stale(self, owner_id: int) -> None:
        self.client.set(self.floor_key(owner_id), pad(STALE_FLOOR), ex=self.ttl)

    def forget(self, owner_id: int) -> None:
        """Drop one timeline from the cache: the next read has it rebuilt (a task)."""
        self.client.delete(self.key(owner_id), self.floor_key(owner_id))
