"""Daily and weekly digests of watches: one notification per watch with news (and an e-mail
when ``ESSAIM_EMAIL_URL`` is set), counting only the posts the owner may see when it is sent.

A digest covers what the watch gathered since the last one. Each watch's period is claimed
with one conditional update before anything is sent, so two workers (or a retry) never send
the same digest twice; a quiet period sends nothing and stays open.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

from .models import Delivery, Watch, WatchMatch

PERIODS = {Delivery.DAILY: timedelta(days=1), Delivery.WEEKLY: timedelta(days=7)}
SAMPLES = 3


def _visible_matches(watch: Watch, since, until):
    from .queries import visible_matches

    return visible_matches(watch.owner, WatchMatch.objects.filter(
        watch=watch, created_at__gt=since, created_at__lte=until)) \
        .select_related("post__author").order_by("-post_id")


def do_deliver_digests(now=None) -> dict[str, int]:
    """Send the digests that are due. Returns how many were sent and how many were due but
    had nothing the owner may see."""
    now = now or timezone.now()
    sent = quiet = 0
    for delivery, period in PERIODS.items():
        due = (Watch.objects.filter(delivery=delivery, owner__is_active=True,
                                    digest_sent_at__lte=now - period)
               .select_related("owner"))
        for watch in due:
            matches = list(_visible_matches(watch, watch.digest_sent_at, now))
            if not matches:
                quiet += 1
                continue
            claimed = Watch.objects.filter(pk=watch.pk, digest_sent_at=watch.digest_sent_at) \
                .update(digest_sent_at=now)
            if claimed:
                _send(watch, matches)
                sent += 1
    return {"sent": sent, "quiet": quiet}


def _send(watch: Watch, matches: list[WatchMatch]) -> None:
    from essaim.notifications.actions import do_notify
    from essaim.notifications.models import Notification

    owner = watch.owner
    with override(owner.locale or settings.LANGUAGE_CODE):
        subject = ngettext("%(count)d new post in “%(name)s”",
                           "%(count)d new posts in “%(name)s”", len(matches)) % {
            "count": len(matches), "name": watch.name}
        do_notify(owner, None, Notification.Kind.WATCH, subject=subject,
                  link=f"/watches/{watch.id}/")
        if settings.ESSAIM_EMAIL_ENABLED and owner.email:
            _mail(watch, subject, matches)


def _mail(watch: Watch, subject: str, matches: list[WatchMatch]) -> None:
    from django.core.mail import send_mail

    scheme = "https" if settings.SECURE else "http"
    link = f"{scheme}://{settings.DOMAIN}/watches/{watch.id}/"
    lines = [f"— @{m.post.author.username}: {m.post.text[:200]}" for m in matches[:SAMPLES]]
    body = _("Your watch “%(name)s” gathered new posts:\n\n%(posts)s\n\nSee them all:\n"
             "%(link)s\n") % {"name": watch.name, "posts": "\n".join(lines), "link": link}
    send_mail(subject, body, None, [watch.owner.email], fail_silently=True)
