"""Background work for ambassadors: the weekly Amplify digest, looked for from busy pages."""

from __future__ import annotations

from django_tasks import task

from essaim.core.jobs import enqueue_at_most_every

DIGEST_EVERY = 600  # seconds between two looks for a week to serve


@task()
def deliver_weekly_digest() -> dict:
    from .digest import do_deliver_weekly_digest

    return do_deliver_weekly_digest()


def digest_soon() -> None:
    """Enqueue a look at most every few minutes (the first one of a week serves it)."""
    from django.conf import settings

    if settings.ESSAIM_AMPLIFY_DIGEST:
        enqueue_at_most_every("advocacy:digest", DIGEST_EVERY, deliver_weekly_digest)
