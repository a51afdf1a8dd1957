"""The insight job in the background: hourly, started by the pages that read its tables."""

from __future__ import annotations

from django.core.cache import cache
from django_tasks import task

from essaim.core.jobs import enqueue_on_commit

EVERY = 3600  # seconds


@task()
def compute_insight() -> dict:
    from .fill import fill

    return fill()


def compute_soon() -> None:
    """Enqueue the job at most once an hour (``essaim insight compute`` does it for cron)."""
    if cache.add("insight:compute", 1, timeout=EVERY):
        enqueue_on_commit(compute_insight)
