from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from essaim.graph.models import Block, Mute
from essaim.realtime import events as realtime

from .models import Notification

POST_KINDS = {Notification.Kind.REPLY, Notification.Kind.MENTION, Notification.Kind.QUOTE}


def do_notify(recipient, actor, kind: str, post=None, *, community=None,
              subject: str = "", link: str = "") -> Notification | None:
    """Tell ``recipient`` that ``actor`` did something (``actor`` None: a reminder from Essaim
    itself, about ``community``); silent for oneself, inactive accounts, blocks and mutes.
    ``link`` is a path inside Essaim for notifications about neither a post nor a community."""
    _check_link(link)
    if not recipient.is_active or (actor is not None and recipient.id == actor.id):
        return None
    if actor is not None:
        if Block.objects.filter(blocker_id=recipient.id, blocked_id=actor.id).exists():
            return None
        if Block.objects.filter(blocker_id=actor.id, blocked_id=recipient.id).exists():
            return None
        if Mute.objects.filter(muter_id=recipient.id, muted_id=actor.id).exists():
            return None
    if post is not None:
        from essaim.visibility import can_see_post

        if not can_see_post(recipient, post):
            return None
    notification = Notification.objects.create(
        recipient=recipient, actor=actor or recipient, kind=kind, post=post,
        community=community, subject=subject[:200], link=link[:500],
        created_at=_moment(actor or recipient, kind, post))
    realtime.notification_created(notification)
    return notification


def _check_link(link: str) -> None:
    if link and (not link.startswith("/") or link.startswith("//")):
        raise ValueError("a notification link is a path inside Essaim")


def do_notify_many(recipients, actor, kind: str, post) -> list[Notification]:
    """:func:`do_notify` for many recipients of one post at once, under the same rules
    (silent for the author, inactive accounts, blocks either way, mutes, and anyone who may
    not read the post), in a few queries whatever their number. ``recipients`` are
    ``(person, subject, link)`` triples."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from essaim.visibility import readers_filter

    wanted: dict[int, tuple] = {}
    for person, subject, link in recipients:
        _check_link(link)
        if person.is_active and person.id != actor.id:
            wanted.setdefault(person.id, (person, subject, link))
    if not wanted:
        return []
    blocked = set(Block.objects.filter(blocker_id__in=wanted, blocked_id=actor.id)
                  .values_list("blocker_id", flat=True))
    blocked |= set(Block.objects.filter(blocker_id=actor.id, blocked_id__in=wanted)
                   .values_list("blocked_id", flat=True))
    muted = set(Mute.objects.filter(muter_id__in=wanted, muted_id=actor.id)
                .values_list("muter_id", flat=True))
    readers = set(get_user_model().objects.filter(Q(pk__in=list(wanted)) & readers_filter(post))
                  .values_list("pk", flat=True))
    moment = _moment(actor, kind, post)
    rows = [Notification(recipient=person, actor=actor, kind=kind, post=post,
                         subject=subject[:200], link=link[:500], created_at=moment)
            for pk, (person, subject, link) in wanted.items()
            if pk in readers and pk not in blocked | muted]
    Notification.objects.bulk_create(rows)
    for notification in rows:
        realtime.notification_created(notification)
    return rows


def _moment(actor, kind: str, post) -> datetime:
    """A reply, mention or quote happened when its post was written (imports can be older)."""
    if post is not None and post.author_id == actor.id and kind in POST_KINDS:
        return min(post.created_at, timezone.now())
    return timezone.now()


def do_mark_read(user, up_to_id: int | None = None) -> int:
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if up_to_id is not None:
        qs = qs.filter(id__lte=up_to_id)
    return qs.update(read_at=timezone.now())


def do_dismiss(user, notification_id: int) -> int:
    deleted, _rows = Notification.objects.filter(recipient=user, id=notification_id).delete()
    return deleted


def do_clear(user) -> int:
    deleted, _rows = Notification.objects.filter(recipient=user).delete()
    return deleted
