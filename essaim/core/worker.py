"""``essaim worker``: run the tasks queued on Redis (see ``core.tasks_redis``)."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import threading
import time
import uuid

from django.conf import settings
from django.db import close_old_connections, connections
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task_backends
from django_tasks.base import TaskContext, TaskResult, TaskResultStatus

from .tasks_redis import Message, RedisTaskBackend

logger = logging.getLogger(__name__)


def redis_backend() -> RedisTaskBackend | None:
    backend = task_backends["default"]
    return backend if isinstance(backend, RedisTaskBackend) else None


def _alive_here(info: dict) -> bool | None:
    """Whether a worker of this host still runs (None: another host, cannot tell)."""
    if info.get("host") != socket.gethostname():
        return None
    try:
        os.kill(int(info["pid"]), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, ValueError, KeyError):
        return None
    return True


class Worker:
    def __init__(self, backend: RedisTaskBackend, queues: list[str] | None = None):
        self.backend = backend
        self.client = backend.client
        self.queues = sorted(queues or backend.queues)
        self.id = f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.processing = backend.processing_key(self.id)
        self.stopping = threading.Event()
        self.done = 0

    # --- lifecycle ---

    def register(self) -> None:
        info = {"host": socket.gethostname(), "pid": os.getpid(), "started": time.time()}
        self.client.hset(self.backend.key("workers"), self.id, json.dumps(info))
        self.beat()
        threading.Thread(target=self._heartbeat, name="essaim-heartbeat", daemon=True).start()

    def beat(self) -> None:
        self.client.set(self.backend.heartbeat_key(self.id), "1",
                        ex=max(1, settings.ESSAIM_WORKER_HEARTBEAT))

    def _heartbeat(self) -> None:
        period = max(0.5, settings.ESSAIM_WORKER_HEARTBEAT / 3)
        while not self.stopping.wait(period):
            try:
                self.beat()
            except Exception:  # Redis away for a moment: try again at the next beat
                logger.warning("Worker heartbeat failed", exc_info=True)

    def unregister(self) -> None:
        self.stopping.set()
        self.backend.recover(self.id)  # normally empty: hands back anything unfinished
        self.client.delete(self.backend.heartbeat_key(self.id))

    def recover_orphans(self) -> int:
        """Hand back the work of workers that died; returns how many messages moved."""
        moved = 0
        for raw_id, raw_info in self.client.hgetall(self.backend.key("workers")).items():
            worker_id = raw_id.decode() if isinstance(raw_id, bytes) else str(raw_id)
            if worker_id == self.id:
                continue
            alive = _alive_here(json.loads(raw_info))
            if alive is None:
                alive = bool(self.client.exists(self.backend.heartbeat_key(worker_id)))
            if not alive:
                moved += self.backend.recover(worker_id)
                logger.warning("Recovered the unfinished work of dead worker %s", worker_id)
        return moved

    # --- the loop ---

    def run(self, *, burst: bool = False, max_tasks: int | None = None) -> int:
        """Run tasks until stopped (or, with ``burst``, until the queues are empty)."""
        self.register()
        try:
            self.recover_orphans()
            last_check = time.monotonic()
            while not self.stopping.is_set():
                if time.monotonic() - last_check > settings.ESSAIM_WORKER_HEARTBEAT:
                    self.recover_orphans()
                    last_check = time.monotonic()
                self.backend.promote_due()
                message = self.take(timeout=0 if burst else 1)
                if message is None:
                    if burst:
                        if not self.client.zcard(self.backend.key("delayed")):
                            break
                        time.sleep(0.1)  # retries are due later
                    continue
                self.execute(message)
                if max_tasks is not None and self.done >= max_tasks:
                    break
        finally:
            self.unregister()
        return self.done

    def take(self, timeout: int) -> Message | None:
        for name in self.queues[:-1]:
            raw = self.client.lmove(self.backend.queue_key(name), self.processing,
                                    "RIGHT", "LEFT")
            if raw is not None:
                return Message(raw)
        last = self.backend.queue_key(self.queues[-1])
        if timeout:
            raw = self.client.blmove(last, self.processing, timeout, "RIGHT", "LEFT")
        else:
            raw = self.client.lmove(last, self.processing, "RIGHT", "LEFT")
        return Message(raw) if raw is not None else None

    def execute(self, message: Message) -> bool:
        _close_old_connections()
        try:
            task = import_string(message.data["task"])
            args, kwargs = message.data.get("args", []), message.data.get("kwargs", {})
            if task.takes_context:
                task.call(TaskContext(task_result=self._result(task, message)), *args, **kwargs)
            else:
                task.call(*args, **kwargs)
        except Exception:
            retried = self.backend.retry_or_fail(self.id, message)
            logger.exception("Task %s failed (attempt %d)%s", message.data.get("task"),
                             message.attempts + 1, "" if retried else "; giving up")
            return False
        finally:
            _close_old_connections()
        self.backend.acknowledge(self.id, message)
        self.done += 1
        return True

    def _result(self, task, message: Message) -> TaskResult:
        now = timezone.now()
        return TaskResult(
            task=task, id=message.data.get("id", ""), status=TaskResultStatus.RUNNING,
            enqueued_at=None, started_at=now, last_attempted_at=now, finished_at=None,
            args=message.data.get("args", []), kwargs=message.data.get("kwargs", {}),
            backend=self.backend.alias, errors=[], worker_ids=[self.id] * (message.attempts + 1))


def _close_old_connections() -> None:
    """Drop broken or expired database connections between tasks, as between requests
    (never one holding a transaction: a worker run inside one, as in tests, keeps it)."""
    if not any(conn.in_atomic_block for conn in connections.all(initialized_only=True)):
        close_old_connections()


def run_worker(queues: list[str] | None = None, *, burst: bool = False) -> int:
    """Run one worker in this process until SIGTERM/SIGINT (finishing the current task)."""
    backend = redis_backend()
    if backend is None:
        raise RuntimeError("The task backend is not the Redis queue.")
    worker = Worker(backend, queues)

    def stop(_signum, _frame) -> None:
        worker.stopping.set()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        return worker.run(burst=burst)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
