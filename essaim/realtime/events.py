"""What the write path tells the real-time broker, always once the transaction commits.

Messages carry only an event name and IDs (plus the visibility, so that a stream can drop a
``delete`` its viewer could never have seen); each subscriber reloads the content through the
visibility policy for its own viewer before sending anything.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction
from django_tasks import task

from . import channels
from .broker import broker

logger = logging.getLogger(__name__)


def publish_on_commit(targets: Iterable[str], message: dict) -> None:
    """Publish ``message`` on every channel in ``targets`` after the current transaction."""
    targets = list(dict.fromkeys(targets))
    if not targets:
        return

    def send() -> None:
        try:
            broker().publish_many((channel, message) for channel in targets)
        except Exception:  # never let real time break a write
            logger.exception("Real-time publication failed")

    transaction.on_commit(send)


def _post_message(event: str, post) -> dict:
    return {"event": event, "id": str(post.id), "visibility": post.visibility,
            "author_id": str(post.author_id)}


def _post_channels(post, recipient_ids: Iterable[int]) -> list[str]:
    """The channels a post appears on: recipients' homes, and the shared flows it belongs to."""
    from essaim.graph.models import ListMember
    from essaim.posts.models import Visibility

    targets = [channels.user(i) for i in recipient_ids]
    shared = post.visibility in (Visibility.PUBLIC, Visibility.COMPANY)
    if shared and post.relay_of_id is None:
        if post.in_reply_to_id is None:
            targets.append(channels.public())
        targets += [channels.hashtag(name) for name in post.hashtags.values_list("name",
                                                                                 flat=True)]
    if post.visibility != Visibility.DIRECT:
        list_ids = ListMember.objects.filter(account_id=post.author_id).values_list(
            "account_list_id", flat=True)
        targets += [channels.account_list(i) for i in list_ids]
    else:
        people = {post.author_id, *post.mentions.values_list("id", flat=True)}
        targets += [channels.direct(i) for i in people]
    return targets


def post_delivered(post, recipient_ids: Iterable[int]) -> None:
    """A new post reached its recipients' home timelines (called by the fan-out task)."""
    publish_on_commit(_post_channels(post, recipient_ids), _post_message("update", post))


def post_edited(post) -> None:
    """The recipients are computed by a task once the edit commits (never in the request)."""
    from essaim.core.jobs import enqueue_on_commit

    enqueue_on_commit(publish_post_edited, post.id)


@task()
def publish_post_edited(post_id: int) -> int:
    """Tell every stream that shows the post that it changed; returns how many channels."""
    from essaim.posts.models import Post
    from essaim.timelines.recipients import recipients

    post = (Post.objects.select_related("author", "relay_of", "relay_of__author")
            .filter(pk=post_id).first())
    if post is None:  # deleted meanwhile: its delete event says enough
        return 0
    targets = _post_channels(post, recipients(post))
    publish_on_commit(targets, _post_message("status.update", post))
    return len(targets)


def post_deleted(post) -> None:
    """Call before deleting: the post (and its relays) leave every stream that showed them."""
    from essaim.posts.models import Post
    from essaim.timelines.recipients import recipients

    publish_on_commit(_post_channels(post, recipients(post)), _post_message("delete", post))
    for relay in Post.objects.filter(relay_of=post).select_related("author", "relay_of"):
        publish_on_commit(_post_channels(relay, recipients(relay)),
                          _post_message("delete", relay))


def notification_created(notification) -> None:
    publish_on_commit([channels.user(notification.recipient_id)],
                      {"event": "notification", "id": str(notification.id)})
