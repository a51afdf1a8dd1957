"""Background work for timelines, run through the Tasks API."""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from essaim.posts.models import Post
from essaim.realtime import events as realtime


@task()
def deliver_post(post_id: int) -> int:
    """Fan a new post out to its recipients' home timelines and notify those it concerns."""
    from essaim.notifications.delivery import notify_about_new_post

    from .fanout import already_holding, recipients
    from .store import timeline_store

    post = (Post.objects.select_related("author", "relay_of", "relay_of__author",
                                        "in_reply_to", "quote_of")
            .filter(pk=post_id).first())
    if post is None:  # deleted before delivery
        return 0
    targets = recipients(post)
    targets -= already_holding(post, targets)  # one appearance per post in a timeline
    count = timeline_store().push(post.id, post.author_id, targets)
    notify_about_new_post(post)
    realtime.post_delivered(post, targets)
    return count


@task()
def rebuild_timeline(owner_id: int) -> int:
    from .store import timeline_store

    return timeline_store().rebuild(owner_id)


def backfill_from(owner_id: int, source_id: int, limit: int = 40) -> None:
    """After a follow: bring the followee's recent posts into the follower's timeline."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from essaim import visibility as policy
    from essaim.graph.queries import following_ids

    from .store import timeline_store

    owner = get_user_model().objects.get(pk=owner_id)
    # The reply rule of fanout.home_candidates: self-threads and answers to people one follows.
    replies = (Q(in_reply_to_account__isnull=True) | Q(in_reply_to_account_id=owner_id)
               | Q(in_reply_to_account_id__in=following_ids(owner)))
    qs = policy.visible_posts(owner, Post.objects.filter(replies, author_id=source_id),
                              hide_muted=True).exclude(relay_of__author_id=owner_id)
    ids = list(qs.order_by("-id").values_list("id", flat=True)[:limit])
    store = timeline_store()
    for pid in ids:
        store.push(pid, source_id, [owner_id])
    store.trim(owner_id, settings.ESSAIM_TIMELINE_MAX)
