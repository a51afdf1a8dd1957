"""Enqueue background work over the Tasks API, only once the transaction commits."""

from __future__ import annotations

from typing import Any

from django.db import transaction


def enqueue_on_commit(task: Any, *args: Any, **kwargs: Any) -> None:
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))


def enqueue_at_most_every(key: str, seconds: int, task: Any, *args: Any) -> bool:
    """Enqueue ``task`` after commit unless it was already enqueued under ``key`` in the last
    ``seconds`` (periodic work started from busy pages and clocks, without a scheduler; the
    work itself must be idempotent). Returns whether it was enqueued."""
    from django.core.cache import cache

    if not cache.add(f"essaim:every:{key}", 1, timeout=seconds):
        return False
    enqueue_on_commit(task, *args)
    return True
