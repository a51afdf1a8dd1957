""""Signals this week": once a week, each subscriber is told the company's strongest weak
signals, as a notification that leads to the Signals page.

Delivery is idempotent: a subscription remembers when it was last served, and a week is
claimed with one conditional update before anything is sent, so two workers (or a worker and
the command line) never send the same week twice. The week starts on Monday, in the
company's time zone; nothing is sent for a week without any signal.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from .models import COMPANY, SignalSubscription

TOP = 5


def week_start(now: datetime | None = None) -> datetime:
    """Monday 00:00 of the current week, in the company's time zone."""
    local = timezone.localtime(now or timezone.now())
    monday = local - timedelta(days=local.weekday())
    return monday.replace(hour=0, minute=0, second=0, microsecond=0)


def _summary(items, language: str) -> str:
    with override(language or settings.LANGUAGE_CODE):
        terms = ", ".join(item.term for item in items)
        return (_("This week: %(terms)s") % {"terms": terms})[:200]


def do_deliver_weekly_signals(*, now: datetime | None = None) -> dict:
    """Send this week's signals to every subscriber not served yet; returns the counts."""
    from essaim.notifications.actions import do_notify
    from essaim.notifications.models import Notification
    from essaim.visibility import may_read_company_trends

    from .queries import signals

    now = now or timezone.now()
    start = week_start(now)
    due = SignalSubscription.objects.filter(
        Q(last_sent_at__isnull=True) | Q(last_sent_at__lt=start),
        user__is_active=True).select_related("user")
    sent = skipped = 0
    items = None
    for subscription in due:
        user = subscription.user
        if not may_read_company_trends(user):  # became a guest: the company's are not theirs
            skipped += 1
            continue
        if items is None:
            items = signals(user, COMPANY, limit=TOP, with_samples=False)
        if not items:
            break  # a quiet week: nobody is told about nothing, and the week stays open
        claimed = SignalSubscription.objects.filter(pk=subscription.pk).filter(
            Q(last_sent_at__isnull=True) | Q(last_sent_at__lt=start)).update(last_sent_at=now)
        if not claimed:
            continue  # served meanwhile by another run
        do_notify(user, None, Notification.Kind.SIGNALS,
                  subject=_summary(items, getattr(user, "locale", "")),
                  link=reverse("web:signals"))
        sent += 1
    return {"sent": sent, "skipped": skipped, "signals": len(items or [])}
