"""Events: date and time in a timezone, place or link, agenda, RSVP (never to past events)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core.errors import PermissionDenied, ValidationFailed

from ..access import member_for_writing
from ..models import Event, Rsvp
from ..models.community import MODERATING_ROLES
from .communities import check_text
from .links import check_url


def check_timezone(name: str) -> str:
    name = (name or "UTC").strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationFailed(_("Unknown timezone: %(tz)s.") % {"tz": name},
                               field="timezone") from exc
    return name


def aware(moment, tz_name: str):
    """A naive local time read in ``tz_name``; an aware one is kept as it is."""
    if moment is None:
        return None
    if not isinstance(moment, datetime):
        raise ValidationFailed(_("Enter a valid date and time."), field="starts_at")
    if timezone.is_naive(moment):
        return moment.replace(tzinfo=ZoneInfo(tz_name))
    return moment


def _check_times(starts_at, ends_at, *, new: bool) -> None:
    if starts_at is None:
        raise ValidationFailed(_("An event needs a start date and time."), field="starts_at")
    if new and starts_at <= timezone.now():
        raise ValidationFailed(_("The event must start in the future."), field="starts_at")
    if ends_at is not None and ends_at <= starts_at:
        raise ValidationFailed(_("The event must end after it starts."), field="ends_at")


def do_create_event(user, community, title: str, starts_at, *, tz: str = "UTC", ends_at=None,
                    place: str = "", online_url: str = "", description: str = "",
                    agenda: str = "") -> Event:
    member_for_writing(user, community)
    title = check_text(title, 200, "title")
    if not title:
        raise ValidationFailed(_("An event needs a title."), field="title")
    tz = check_timezone(tz)
    starts_at, ends_at = aware(starts_at, tz), aware(ends_at, tz)
    _check_times(starts_at, ends_at, new=True)
    return Event.objects.create(
        community=community, title=title, starts_at=starts_at, ends_at=ends_at, timezone=tz,
        place=check_text(place, 200, "place"),
        online_url=check_url(online_url) if online_url else "",
        description=check_text(description, 4000, "description"),
        agenda=check_text(agenda, 4000, "agenda"), created_by=user)


def do_update_event(user, event: Event, **fields) -> Event:
    _check_owner(user, event)
    tz = check_timezone(fields.get("tz") or event.timezone)
    for name, limit in (("title", 200), ("place", 200), ("description", 4000),
                        ("agenda", 4000)):
        if fields.get(name) is not None:
            setattr(event, name, check_text(fields[name], limit, name))
    if fields.get("online_url") is not None:
        event.online_url = check_url(fields["online_url"]) if fields["online_url"] else ""
    if fields.get("starts_at") is not None:
        event.starts_at = aware(fields["starts_at"], tz)
    if "ends_at" in fields:
        event.ends_at = aware(fields["ends_at"], tz)
    event.timezone = tz
    _check_times(event.starts_at, event.ends_at, new=False)
    event.save()
    return event


def do_delete_event(user, event: Event) -> None:
    _check_owner(user, event)
    event.delete()


def _check_owner(user, event: Event) -> None:
    membership = member_for_writing(user, event.community)
    if membership.role not in MODERATING_ROLES and event.created_by_id != user.id:
        raise PermissionDenied(_("Only the event's organiser or an animator can change it."))


def do_rsvp(user, event: Event, answer: str) -> Rsvp:
    """Going, maybe or no; refused once the event is over."""
    member_for_writing(user, event.community)
    if answer not in Rsvp.Answer.values:
        raise ValidationFailed(_("Answer going, maybe or no."), field="answer")
    if event.is_past:
        raise ValidationFailed(_("This event is over: answers are closed."), field="answer")
    with transaction.atomic():
        rsvp, _created = Rsvp.objects.update_or_create(
            event=event, user=user, defaults={"answer": answer, "updated_at": timezone.now()})
    return rsvp
