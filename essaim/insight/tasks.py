"""The insight job in the background: hourly, started by the pages that read its tables."""

from __future__ import annotations

from django_tasks import task

from essaim.core.jobs import enqueue_at_most_every

EVERY = 3600  # seconds


@task()
def compute_insight() -> dict:
    from .fill import fill

    return fill()


def compute_soon() -> None:
    """Enqueue the job at most once an hour (``essaim insight compute`` does it for cron)."""
    enqueue_at_most_every("insight:compute", EVERY, compute_insight)
