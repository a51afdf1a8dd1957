"""Scheduled posts: written now, published at a chosen time by the one compose action.

Scheduling checks what can be checked at once (the text, the visibility, the images are the
person's own uploads, the time at least five minutes ahead and at most a year); publishing
runs :func:`~essaim.posts.actions.compose.do_create_post` with the same arguments when the
time comes, so every rule of posting applies then (a post that became impossible, say a reply
to a deleted post, is not published and the author is told why). Each due post is claimed by
one conditional update, so two publishers never publish it twice.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from essaim.core.errors import EssaimError, NotFound, ValidationFailed
from essaim.core.ids import parse_pk

from ..models import ScheduledPost

log = logging.getLogger(__name__)

MIN_AHEAD = timedelta(minutes=5)
MAX_AHEAD = timedelta(days=365)
MAX_PENDING = 300
FIELDS = ("text", "visibility", "reply_policy", "in_reply_to", "quote_of", "language",
          "sensitive", "spoiler_text", "media_ids", "poll", "author")


def check_time(value) -> datetime:
    when = value if isinstance(value, datetime) else parse_datetime(str(value or "").strip())
    if when is None:
        raise ValidationFailed(_("scheduled_at must be a date and time such as "
                                 "2026-12-24T09:00:00Z."), field="scheduled_at")
    if timezone.is_naive(when):
        when = timezone.make_aware(when)
    now = timezone.now()
    if when < now + MIN_AHEAD:
        raise ValidationFailed(_("The scheduled date must be in the future"),
                               field="scheduled_at")
    if when > now + MAX_AHEAD:
        raise ValidationFailed(_("A post can be scheduled at most a year ahead."),
                               field="scheduled_at")
    return when


def _check_params(user, params: dict) -> dict:
    """The compose action's own checks, now; what to pass it at publication time."""
    from django.contrib.auth import get_user_model

    from .compose import check_compose

    clean = {k: params[k] for k in FIELDS if params.get(k) not in (None, "", [], ())}
    official = get_user_model().objects.filter(pk=clean["author"]).first() \
        if clean.get("author") else None
    checked = check_compose(
        user, clean.get("text", ""), visibility=clean.get("visibility"),
        reply_policy=clean.get("reply_policy"), in_reply_to=clean.get("in_reply_to"),
        quote_of=clean.get("quote_of"), author=official,
        spoiler_text=clean.get("spoiler_text", ""), media_ids=clean.get("media_ids", ()),
        poll=clean.get("poll"))
    clean["visibility"] = checked.visibility
    if official is not None:
        clean["author"] = checked.author.pk
    if checked.media:
        clean["media_ids"] = [m.pk for m in checked.media]
    return clean


def do_schedule_post(user, scheduled_at, **params) -> ScheduledPost:
    when = check_time(scheduled_at)
    clean = _check_params(user, params)
    if ScheduledPost.objects.filter(user=user, post__isnull=True, error="").count() \
            >= MAX_PENDING:
        raise ValidationFailed(_("You have too many scheduled posts already."))
    return ScheduledPost.objects.create(user=user, scheduled_at=when, params=clean)


def pending_of(user):
    return ScheduledPost.objects.filter(user_id=user.id, post__isnull=True, error="",
                                        claimed_at__isnull=True).order_by("scheduled_at", "id")


def access_scheduled(user, scheduled_id) -> ScheduledPost:
    pk = parse_pk(scheduled_id)
    found = pending_of(user).filter(pk=pk).first() if pk else None
    if found is None:
        raise NotFound(_("Record not found"))
    return found


def do_reschedule(user, scheduled_id, scheduled_at) -> ScheduledPost:
    found = access_scheduled(user, scheduled_id)
    found.scheduled_at = check_time(scheduled_at)
    found.save(update_fields=["scheduled_at"])
    return found


def do_cancel_scheduled(user, scheduled_id) -> None:
    access_scheduled(user, scheduled_id).delete()


def do_publish_due(now: datetime | None = None) -> dict[str, int]:
    """Publish every scheduled post whose time has come; returns how many, and failures."""
    from essaim.notifications.actions import do_notify

    from .compose import do_create_post

    now = now or timezone.now()
    published = failed = 0
    due = ScheduledPost.objects.filter(claimed_at__isnull=True, scheduled_at__lte=now) \
        .select_related("user").order_by("scheduled_at")[:200]
    for item in due:
        if not ScheduledPost.objects.filter(pk=item.pk, claimed_at__isnull=True) \
                .update(claimed_at=now):
            continue  # taken by another publisher
        params = dict(item.params)
        if params.get("author"):
            from django.contrib.auth import get_user_model

            params["author"] = get_user_model().objects.filter(pk=params["author"]).first()
        try:
            post = do_create_post(item.user, params.pop("text", ""), rate_limit=False,
                                  **params)
        except EssaimError as exc:
            ScheduledPost.objects.filter(pk=item.pk).update(error=exc.message[:300])
            do_notify(item.user, None, "scheduled", subject=_(
                "Your scheduled post could not be published: %(reason)s")
                % {"reason": exc.message}, link="/")
            failed += 1
            continue
        ScheduledPost.objects.filter(pk=item.pk).update(post=post)
        published += 1
    return {"published": published, "failed": failed}
