"""Template helpers: icons, avatars, compact times, visibility badges."""

from __future__ import annotations

import zlib
from datetime import timedelta

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from essaim.posts.models import ReplyPolicy, Visibility

from ..icons import ICONS

register = template.Library()

VISIBILITY_ICONS = {
    Visibility.PUBLIC: "globe", Visibility.COMPANY: "building",
    Visibility.FOLLOWERS: "lock", Visibility.DIRECT: "at", Visibility.COMMUNITY: "users",
}


@register.simple_tag
def icon(name: str, size: int = 20, label: str = ""):
    """An inline SVG icon; decorative unless a label is given."""
    inner = ICONS.get(name, ICONS["more"])
    if label:
        aria = format_html('role="img" aria-label="{}"', label)
    else:
        aria = mark_safe('aria-hidden="true"')  # noqa: S308 - constant markup
    return format_html(
        '<svg class="icon icon-{}" width="{}" height="{}" viewBox="0 0 24 24" fill="none" '
        'stroke="currentColor" stroke-width="1.8" stroke-linecap="round" '
        'stroke-linejoin="round" focusable="false" {}>{}</svg>',
        name, size, size, aria, mark_safe(inner),  # noqa: S308 - constant markup
    )


def initials_of(account) -> str:
    words = [w for w in (account.name or account.username).replace("_", " ").split() if w]
    letters = "".join(w[0] for w in words[:2]) or account.username[:1]
    return letters.upper()


@register.filter
def initials(account) -> str:
    return initials_of(account)


@register.filter
def account_hue(account) -> int:
    """A stable colour (hue in degrees) for a person, for initials and banners."""
    return zlib.crc32(account.username.encode()) % 360


@register.filter
def hue_class(account) -> str:
    """The person's colour as a class (``hue-0`` … ``hue-23``, 15° apart; see hues.css): no
    inline style, which the Content-Security-Policy refuses."""
    return f"hue-{account_hue(account) // 15}"


@register.simple_tag
def avatar(account, size: str = "md"):
    """The uploaded picture, or a coloured circle with the person's initials."""
    if account is None:
        return ""
    if account.avatar:
        return format_html('<img class="avatar avatar-{}" src="{}" alt="" loading="lazy">',
                           size, account.avatar.url)
    hue = account_hue(account)
    return format_html(
        '<span class="avatar avatar-{} avatar-initials hue-{}" aria-hidden="true">{}</span>',
        size, hue // 15, initials_of(account))


@register.filter
def shorttime(moment) -> str:
    """"now", "5 min", "3 h", "2 d", then a date."""
    if not moment:
        return ""
    delta = timezone.now() - moment
    if delta < timedelta(minutes=1):
        return pgettext("time", "now")
    if delta < timedelta(hours=1):
        return pgettext("time", "%(n)d min") % {"n": delta.seconds // 60}
    if delta < timedelta(days=1):
        return pgettext("time", "%(n)d h") % {"n": delta.seconds // 3600}
    if delta < timedelta(days=7):
        return pgettext("time", "%(n)d d") % {"n": delta.days}
    local = timezone.localtime(moment)
    if local.year == timezone.localtime().year:
        return date_format(local, "j M")
    return date_format(local, "j M Y")


@register.filter
def visibility_icon(value: str) -> str:
    return VISIBILITY_ICONS.get(value, "building")


@register.filter
def visibility_label(value: str) -> str:
    try:
        return str(Visibility(value).label)
    except ValueError:
        return value


@register.filter
def reply_policy_label(value: str) -> str:
    try:
        return str(ReplyPolicy(value).label)
    except ValueError:
        return value


@register.filter
def depth_class(depth) -> str:
    """Indentation level of a reply in a thread, capped so deep threads stay readable."""
    try:
        return f"depth-{min(int(depth), 5)}"
    except (TypeError, ValueError):
        return "depth-1"


@register.simple_tag
def count_label(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


@register.filter
def notification_icon(kind: str) -> str:
    return {"mention": "at", "reply": "reply", "relay": "relay", "quote": "quote",
            "like": "heart", "follow": "user", "invited": "users", "join_req": "users",
            "approved": "check", "task": "check", "task_due": "clock",
            "deadline": "clock", "praise": "heart", "endorse": "check",
            "question": "reply", "scheduled": "clock"}.get(kind, "bell")


@register.simple_tag
def notification_text(notification) -> str:
    """The sentence describing a notification, with the actor's name."""
    texts = {
        "mention": _("%(name)s mentioned you"),
        "reply": _("%(name)s replied to your post"),
        "relay": _("%(name)s relayed your post"),
        "quote": _("%(name)s quoted your post"),
        "like": _("%(name)s liked your post"),
        "follow": _("%(name)s followed you"),
        "invited": _("%(name)s invited you to a community"),
        "join_req": _("%(name)s asks to join a community you animate"),
        "approved": _("%(name)s approved your request to join"),
        "task": _("%(name)s assigned a task to you"),
        "task_due": _("A task of yours is due soon"),
        "deadline": _("A community you animate reaches its deadline soon"),
        "report": _("Your report was reviewed"),
        "moderation": _("A moderator took a decision about your account or content"),
        "appeal": _("Your appeal was decided"),
        "watch": _("New post on a subject you watch"),
        "signals": _("Signals this week"),
        "digest": _("This week's posts to amplify"),
        "praise": _("%(name)s praised you"),
        "endorse": _("%(name)s endorsed one of your skills"),
        "question": _("A question you may be able to answer"),
        "referral": _("Update on your referral"),
        "export": _("Your data export is ready"),
        "scheduled": _("A scheduled post of yours could not be published"),
    }
    text = texts.get(notification.kind, _("%(name)s did something"))
    name = format_html("<strong>{}</strong>", notification.actor.name)
    return mark_safe(escape(text) % {"name": name})  # noqa: S308 - both parts escaped
