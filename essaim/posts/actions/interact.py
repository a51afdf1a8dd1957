"""Relay, like, bookmark, pin and reply-policy changes."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import PermissionDenied, ValidationFailed
from essaim.core.jobs import enqueue_on_commit
from essaim.notifications.actions import do_notify
from essaim.notifications.models import Notification

from ..models import Bookmark, Like, Post, ReplyPolicy

MAX_PINS = 5


def _original(post: Post) -> Post:
    return post.relay_of if post.relay_of_id else post


def do_relay(user, post_id) -> Post:
    """Relay (repost) a post to one's followers; relaying twice returns the same relay."""
    from essaim.moderation.conduct import check_accepted
    from essaim.timelines.tasks import deliver_post

    check_accepted(user)
    post = _original(policy.access_post(user, post_id))
    refusal = policy.relay_refusal(user, post)
    if refusal:
        raise PermissionDenied(refusal)
    existing = Post.objects.filter(author=user, relay_of=post).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            relay = Post.objects.create(
                author=user, relay_of=post, visibility=post.visibility,
                created_at=timezone.now(), reply_policy=ReplyPolicy.NOBODY,
            )
            Post.objects.filter(pk=post.pk).update(relays_count=F("relays_count") + 1)
            do_notify(post.author, user, Notification.Kind.RELAY, post)
            enqueue_on_commit(deliver_post, relay.id)
    except IntegrityError:  # a concurrent relay won the race
        return Post.objects.get(author=user, relay_of=post)
    return relay


def do_unrelay(user, post_id) -> None:
    from .compose import do_delete_post

    post = _original(policy.access_post(user, post_id))
    relay = Post.objects.filter(author=user, relay_of=post).first()
    if relay is not None:
        do_delete_post(user, relay.pk)


def do_like(user, post_id) -> Post:
    from essaim.moderation.conduct import check_accepted

    check_accepted(user)
    post = _original(policy.access_post(user, post_id))
    with transaction.atomic():
        _like, created = Like.objects.get_or_create(user=user, post=post)
        if created:
            Post.objects.filter(pk=post.pk).update(likes_count=F("likes_count") + 1)
            do_notify(post.author, user, Notification.Kind.LIKE, post)
    post.refresh_from_db(fields=["likes_count"])
    return post


def do_unlike(user, post_id) -> Post:
    post = _original(policy.access_post(user, post_id))
    with transaction.atomic():
        deleted, _rows = Like.objects.filter(user=user, post=post).delete()
        if deleted:
            Post.objects.filter(pk=post.pk, likes_count__gt=0).update(
                likes_count=F("likes_count") - 1)
    post.refresh_from_db(fields=["likes_count"])
    return post


def do_bookmark(user, post_id) -> Post:
    post = _original(policy.access_post(user, post_id))
    Bookmark.objects.get_or_create(user=user, post=post)
    return post


def do_unbookmark(user, post_id) -> Post:
    post = _original(policy.access_post(user, post_id))
    Bookmark.objects.filter(user=user, post=post).delete()
    return post


def do_pin(user, post_id) -> Post:
    post = policy.access_post(user, post_id)
    if post.author_id != user.id:
        raise PermissionDenied(_("You can only pin your own posts."))
    if post.is_relay or post.visibility == "direct":
        raise ValidationFailed(_("Relays and direct posts cannot be pinned."))
    if post.pinned_at is None:
        if Post.objects.filter(author=user, pinned_at__isnull=False).count() >= MAX_PINS:
            raise ValidationFailed(_("You can pin at most %(n)d posts.") % {"n": MAX_PINS})
        post.pinned_at = timezone.now()
        post.save(update_fields=["pinned_at"])
    return post


def do_unpin(user, post_id) -> Post:
    post = policy.access_post(user, post_id)
    if post.author_id != user.id:
        raise PermissionDenied(_("You can only pin your own posts."))
    post.pinned_at = None
    post.save(update_fields=["pinned_at"])
    return post


def do_set_reply_policy(user, post_id, reply_policy: str) -> Post:
    from ..access import access_own_post as _access_own
    from .compose import check_choice

    post = _access_own(user, post_id)
    post.reply_policy = check_choice(reply_policy, ReplyPolicy, post.reply_policy, "reply_policy")
    post.save(update_fields=["reply_policy"])
    return post
