"""Background work for timelines, run through the Tasks API.

Every task here is idempotent: a worker killed half-way through one (the queue then runs it
again) delivers nothing twice. Pushing an entry a timeline already holds is a no-op, and the
notifications of a post are written in one transaction, once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django_tasks import task

from essaim.posts.models import Post
from essaim.realtime import events as realtime


def _load(post_id: int) -> Post | None:
    # The post replied to and the quoted one are read only when notifying (rarely).
    found = Post.objects.select_related("author", "relay_of", "relay_of__author").filter(
        pk=post_id)
    return next(iter(found), None)


@task()
def deliver_post(post_id: int) -> int:
    """Fan a new post out to its recipients' home timelines and notify those it concerns.

    Recipients are the recently active ones (the others are rebuilt when they return); the
    followers of a broadcaster are left out: its posts are merged into their homes when read.
    Large audiences are split into ``deliver_batch`` tasks of ``ESSAIM_FANOUT_BATCH``.
    """
    from .broadcasters import merged_audience, note_broadcaster
    from .recipients import recipients

    post = _load(post_id)
    if post is None:  # deleted before delivery
        return 0
    _notify_once(post)
    note_broadcaster(post.author_id)
    targets = recipients(post, active_only=True)
    pushed = sorted(targets - (merged_audience(post) - {post.author_id}))
    batch = max(1, settings.ESSAIM_FANOUT_BATCH)
    count = _push(post, set(pushed[:batch]))
    for start in range(batch, len(pushed), batch):
        deliver_batch.enqueue(post.id, pushed[start:start + batch])
    realtime.post_delivered(post, targets)
    return count


@task()
def deliver_batch(post_id: int, owner_ids: list[int]) -> int:
    """Push one post into some home timelines (a slice of a large fan-out)."""
    post = _load(post_id)
    if post is None:
        return 0
    return _push(post, set(owner_ids))


def _push(post: Post, owner_ids: set[int]) -> int:
    from .recipients import already_holding
    from .store import timeline_store

    owner_ids = owner_ids - already_holding(post, owner_ids)  # one appearance per post
    if not owner_ids:
        return 0
    return timeline_store().push(post.id, post.author_id, owner_ids)


def _notify_once(post: Post) -> None:
    """Mention, reply and quote notifications, unless an earlier run of the task sent them."""
    from essaim.notifications.delivery import notify_about_new_post
    from essaim.notifications.models import Notification

    if post.relay_of_id is not None:
        return  # the relay action notifies
    if not (post.in_reply_to_id or post.quote_of_id or post.mentions.exists()):
        return  # nobody to tell: no query for notifications, no write transaction
    if Notification.objects.filter(post=post, actor_id=post.author_id).exists():
        return
    with transaction.atomic():
        notify_about_new_post(post)


@task()
def rebuild_timeline(owner_id: int) -> int:
    from .store import timeline_store

    return timeline_store().rebuild(owner_id)


def backfill_from(owner_id: int, source_id: int, limit: int = 40) -> None:
    """After a follow: bring the followee's recent posts into the follower's timeline."""
    from django.contrib.auth import get_user_model

    from essaim import visibility as policy

    from .broadcasters import is_broadcaster
    from .rules import reply_rule
    from .store import timeline_store

    if is_broadcaster(source_id):
        return  # merged into the home when it is read
    owner = get_user_model().objects.get(pk=owner_id)
    qs = policy.visible_posts(owner, Post.objects.filter(reply_rule(owner), author_id=source_id,
                                                         community__isnull=True),
                              hide_muted=True).exclude(relay_of__author_id=owner_id)
    ids = list(qs.order_by("-id").values_list("id", flat=True)[:limit])
    store = timeline_store()
    for pid in ids:
        store.push(pid, source_id, [owner_id])
    store.trim(owner_id, settings.ESSAIM_TIMELINE_MAX)
