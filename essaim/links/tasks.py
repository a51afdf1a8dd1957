"""Background fetching of link cards, queued once a post (or its edit) commits."""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from essaim.core.jobs import enqueue_on_commit


@task()
def fetch_post_card(post_id: int, refresh: bool = False) -> bool:
    """Fetch the card of a post's first link. Idempotent: a retry links the same card."""
    from .actions import do_update_post_card

    return do_update_post_card(post_id, refresh=refresh) is not None


def card_soon(post, *, edited: bool = False) -> None:
    """After commit, fetch the post's card, when link previews are on and the post has text
    (an edit fetches again, and a post whose edit dropped its link loses its card)."""
    if not settings.ESSAIM_LINK_PREVIEWS or post.relay_of_id is not None:
        return
    from .actions import first_link

    if first_link(post.text) is None and not edited:
        return
    enqueue_on_commit(fetch_post_card, post.id, edited)
