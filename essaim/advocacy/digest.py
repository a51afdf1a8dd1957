"""The weekly Amplify digest: once a week, each employee who has not turned it off is told
which posts the communication team asks to amplify, as a notification leading to Amplify.

Idempotent like "Signals this week": each person's week is claimed with one conditional
update before anything is sent, so two workers never send the same week twice; a week with
no campaign sends nothing and stays open. Sharing stays voluntary: the digest only lists the
campaigns, and nobody learns who did not share.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext, override

from .models import AdvocacyProfile


def _subject(campaigns: list, language: str) -> str:
    with override(language or settings.LANGUAGE_CODE):
        names = ", ".join(c.name for c in campaigns[:3])
        return (ngettext("This week, %(count)d post to amplify: %(names)s",
                         "This week, %(count)d posts to amplify: %(names)s",
                         len(campaigns)) % {"count": len(campaigns), "names": names})[:200]


def do_deliver_weekly_digest(*, now: datetime | None = None) -> dict:
    """Send this week's digest to every employee not served yet; returns the counts."""
    from essaim.notifications.actions import do_notify
    from essaim.notifications.models import Notification
    from essaim.trends.weekly import week_start
    from essaim.visibility import can_see_post

    from .queries import active_campaigns

    now = now or timezone.now()
    campaigns = list(active_campaigns())
    if not campaigns:
        return {"sent": 0, "campaigns": 0}
    start = week_start(now)
    User = get_user_model()
    employees = User.objects.filter(is_active=True, kind=User.Kind.EMPLOYEE, is_official=False)
    missing = employees.exclude(pk__in=AdvocacyProfile.objects.values("user_id"))
    AdvocacyProfile.objects.bulk_create([AdvocacyProfile(user_id=pk) for pk in
                                         missing.values_list("pk", flat=True)],
                                        ignore_conflicts=True)
    due = Q(digest_sent_at__isnull=True) | Q(digest_sent_at__lt=start)
    sent = 0
    for profile in (AdvocacyProfile.objects.filter(due, weekly_digest=True,
                                                   user__in=employees)
                    .select_related("user")):
        user = profile.user
        visible = [c for c in campaigns if can_see_post(user, c.post)]
        if not visible:
            continue
        if not AdvocacyProfile.objects.filter(due, pk=profile.pk).update(digest_sent_at=now):
            continue  # served meanwhile by another run
        do_notify(user, None, Notification.Kind.DIGEST,
                  subject=_subject(visible, user.locale), link=reverse("web:amplify"))
        sent += 1
    return {"sent": sent, "campaigns": len(campaigns)}


def do_set_weekly_digest(user, on: bool) -> None:
    AdvocacyProfile.objects.update_or_create(user=user, defaults={"weekly_digest": bool(on)})
