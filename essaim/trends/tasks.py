"""Background work for trends: index a post after its commit, refresh every few minutes."""

from __future__ import annotations

from django_tasks import task

from essaim.core.jobs import enqueue_at_most_every, enqueue_on_commit

REFRESH_EVERY = 600  # seconds


@task()
def index_post(post_id: int, edited: bool = False) -> int:
    """Count a new (or edited) post's terms in its hour's buckets. Idempotent: a new post
    indexed twice keeps one term use per term (the unique constraint refuses the second)."""
    from django.db import IntegrityError

    from .indexing import index_posts

    try:
        return index_posts([post_id], fresh=not edited)
    except IntegrityError:  # run again by the queue: index it as an edit
        return index_posts([post_id])


@task()
def refresh_trends() -> dict:
    """Refresh, then serve "Signals this week" to subscribers not served yet this week (the
    first refresh of a week does it; later ones find nobody due)."""
    from .actions import do_refresh
    from .weekly import do_deliver_weekly_signals

    report = do_refresh()
    report["weekly"] = do_deliver_weekly_signals()
    return report


def index_soon(post_id: int, *, edited: bool = False) -> None:
    enqueue_on_commit(index_post, post_id, edited)


def refresh_soon() -> None:
    """Enqueue a refresh at most every few minutes (called from the trends pages and APIs,
    so that trends stay current without a separate scheduler)."""
    enqueue_at_most_every("trends:refresh", REFRESH_EVERY, refresh_trends)
