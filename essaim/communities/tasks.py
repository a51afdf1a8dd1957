"""Background work for communities, run through the Tasks API."""

from __future__ import annotations

from django_tasks import task

from essaim.core.jobs import enqueue_at_most_every

SWEEP_EVERY = 300  # seconds


@task()
def sweep_communities() -> dict:
    """Archive communities past their deadline, remind animators before it, and remind
    assignees of tasks falling due. Idempotent: safe to run as often as one likes."""
    from .actions import do_remind_due_tasks, do_sweep_deadlines

    archived, reminded = do_sweep_deadlines()
    return {"archived": archived, "reminded": reminded, "tasks": do_remind_due_tasks()}


def sweep_soon() -> None:
    """Enqueue a sweep at most every few minutes (called from busy pages, so that the
    lifecycle runs without a separate scheduler)."""
    enqueue_at_most_every("communities:sweep", SWEEP_EVERY, sweep_communities)
