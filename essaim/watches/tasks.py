"""Background work for watches: digests, sent by a task enqueued from busy pages."""

from __future__ import annotations

from django_tasks import task

from essaim.core.jobs import enqueue_at_most_every

DIGEST_EVERY = 600  # seconds between two looks for digests that are due


@task()
def deliver_digests() -> dict:
    """Send the daily and weekly digests that are due. Idempotent (each period is claimed)."""
    from .delivery import do_deliver_digests

    return do_deliver_digests()


def digests_soon() -> None:
    """Enqueue a look for due digests at most every few minutes (from the pages people open,
    so that digests go out without a separate scheduler; ``essaim watches deliver`` for cron)."""
    enqueue_at_most_every("watches:digests", DIGEST_EVERY, deliver_digests)
