"""A reliable task queue on Redis lists, behind Django's Tasks API.

* ``enqueue`` pushes a message on ``<prefix>:queue:<name>`` (or, with ``run_after``, on the
  ``<prefix>:delayed`` sorted set, scored by the time it is due).
* A worker moves one message at a time into its own ``<prefix>:processing:<worker>`` list
  (``BLMOVE``, atomic), runs it, then removes it from there: the acknowledgement. A worker that
  dies (kill -9, a lost host) leaves its message in its processing list; whichever worker
  notices it is dead (no heartbeat for ``ESSAIM_WORKER_HEARTBEAT`` seconds, or a process
  that no longer exists on the same host) puts the message back on its queue. Delivery is at
  least once, so tasks must be idempotent.
* A task that raises is retried with a growing delay, up to ``ESSAIM_TASK_MAX_ATTEMPTS`` runs
  (counting runs cut short by a dead worker), then kept in ``<prefix>:failed`` for a person to
  look at.

A message is ``"<attempts> <queue> <JSON>"``: Lua scripts read the first two fields without
decoding the JSON, whose 64-bit integers Lua could not hold exactly.
"""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import redis
from django.conf import settings
from django.utils import timezone
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.exceptions import InvalidTaskError
from django_tasks.signals import task_enqueued

FAILED_KEPT = 10_000  # failed messages kept for inspection

# Put every message of a dead worker back on its queue (or in failed after too many tries).
_RECOVER = """
-- KEYS: processing list, workers hash, failed list. ARGV: worker id, max attempts, prefix
local moved = 0
while true do
  local message = redis.call('RPOP', KEYS[1])
  if not message then break end
  local attempts, queue, body = string.match(message, '^(%d+) (%S+) (.*)$')
  attempts = tonumber(attempts) + 1
  local again = attempts .. ' ' .. queue .. ' ' .. body
  if attempts >= tonumber(ARGV[2]) then
    redis.call('LPUSH', KEYS[3], again)
    redis.call('LTRIM', KEYS[3], 0, %(kept)d - 1)
  else
    redis.call('RPUSH', ARGV[3] .. ':queue:' .. queue, again)
  end
  moved = moved + 1
end
redis.call('HDEL', KEYS[2], ARGV[1])
return moved
""".replace("%(kept)d", str(FAILED_KEPT))

# Move delayed messages that are due onto their queues.
_PROMOTE = """
-- KEYS: delayed set. ARGV: now, prefix
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 500)
for _, message in ipairs(due) do
  redis.call('ZREM', KEYS[1], message)
  local queue = string.match(message, '^%d+ (%S+) ')
  redis.call('LPUSH', ARGV[2] .. ':queue:' .. queue, message)
end
return #due
"""

# Acknowledge a failed run: retry later, or keep it among the failed.
_RETRY = """
-- KEYS: processing list, delayed set, failed list. ARGV: message, again, due time, give up
redis.call('LREM', KEYS[1], 1, ARGV[1])
if ARGV[4] == '1' then
  redis.call('LPUSH', KEYS[3], ARGV[2])
  redis.call('LTRIM', KEYS[3], 0, %(kept)d - 1)
else
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
end
return 1
""".replace("%(kept)d", str(FAILED_KEPT))


class Message:
    """One queued run of a task."""

    def __init__(self, raw: bytes | str):
        text = raw.decode() if isinstance(raw, bytes) else raw
        attempts, self.queue, body = text.split(" ", 2)
        self.raw, self.attempts = text, int(attempts)
        self.data = json.loads(body)

    @staticmethod
    def encode(attempts: int, queue: str, data: dict) -> str:
        return f"{attempts} {queue} {json.dumps(data, separators=(',', ':'))}"

    def again(self) -> str:
        return self.encode(self.attempts + 1, self.queue, self.data)


class RedisTaskBackend(BaseTaskBackend):
    supports_defer = True
    supports_async_task = True
    supports_get_result = False
    supports_priority = False

    def __init__(self, alias: str, params: dict) -> None:
        super().__init__(alias, params)
        self.url = self.options.get("url") or settings.REDIS_URL
        self.prefix = self.options.get("prefix", "essaim:tasks")
        self._client: redis.Redis | None = None

    @property
    def client(self) -> redis.Redis:
        if self._client is None:  # connect on first use, not when settings load
            self._client = redis.Redis.from_url(self.url)
        return self._client

    def key(self, *parts: str) -> str:
        return ":".join((self.prefix, *parts))

    def validate_task(self, task: Task) -> None:
        super().validate_task(task)
        if not task.queue_name or any(c.isspace() for c in task.queue_name):
            raise InvalidTaskError("Queue names cannot be empty or contain spaces.")

    def enqueue(self, task: Task, args: Any, kwargs: Any) -> TaskResult:
        self.validate_task(task)
        now = timezone.now()
        result: TaskResult = TaskResult(
            task=task, id=uuid.uuid4().hex, status=TaskResultStatus.READY, enqueued_at=now,
            started_at=None, last_attempted_at=None, finished_at=None, args=args,
            kwargs=kwargs, backend=self.alias, errors=[], worker_ids=[])
        data = {"id": result.id, "task": task.module_path, "args": result.args,
                "kwargs": result.kwargs, "enqueued_at": now.timestamp()}
        message = Message.encode(0, task.queue_name, data)
        if task.run_after is not None and task.run_after > now:
            self.client.zadd(self.key("delayed"), {message: task.run_after.timestamp()})
        else:
            self.client.lpush(self.key("queue", task.queue_name), message)
        task_enqueued.send(type(self), task_result=result)
        return result

    # --- what workers use ---

    def queue_key(self, name: str) -> str:
        return self.key("queue", name)

    def processing_key(self, worker_id: str) -> str:
        return self.key("processing", worker_id)

    def heartbeat_key(self, worker_id: str) -> str:
        return self.key("heartbeat", worker_id)

    def recover(self, worker_id: str) -> int:
        """Put a dead worker's unfinished messages back on their queues."""
        script = self.client.register_script(_RECOVER)
        keys = [self.processing_key(worker_id), self.key("workers"), self.key("failed")]
        return script(keys=keys, args=[worker_id, settings.ESSAIM_TASK_MAX_ATTEMPTS,
                                       self.prefix])

    def promote_due(self) -> int:
        script = self.client.register_script(_PROMOTE)
        return script(keys=[self.key("delayed")], args=[time.time(), self.prefix])

    def acknowledge(self, worker_id: str, message: Message) -> None:
        self.client.lrem(self.processing_key(worker_id), 1, message.raw)

    def retry_or_fail(self, worker_id: str, message: Message) -> bool:
        """Schedule another attempt; returns False when the message gave up for good."""
        again = message.again()
        give_up = message.attempts + 1 >= settings.ESSAIM_TASK_MAX_ATTEMPTS
        delay = min(300, 2 ** message.attempts)
        script = self.client.register_script(_RETRY)
        keys = [self.processing_key(worker_id), self.key("delayed"), self.key("failed")]
        script(keys=keys, args=[message.raw, again, time.time() + delay,
                                "1" if give_up else "0"])
        return not give_up

    def stats(self) -> dict[str, int]:
        """Queue lengths, for the worker's status line and the documentation's checks."""
        pipe = self.client.pipeline()
        for name in sorted(self.queues):
            pipe.llen(self.queue_key(name))
        pipe.zcard(self.key("delayed"))
        pipe.llen(self.key("failed"))
        pipe.hlen(self.key("workers"))
        *queued, delayed, failed, workers = pipe.execute()
        return {"queued": sum(queued), "delayed": delayed, "failed": failed,
                "workers": workers}
