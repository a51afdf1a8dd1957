"""Writes of the trends app: the refresh, and administrators' decisions (with their audit)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core.errors import ValidationFailed

from . import indexing, scoring, signals
from .models import (
    COMPANY,
    HiddenTrend,
    Kind,
    Signal,
    SignalSubscription,
    TermUse,
    TrendAudit,
    TrendScore,
    TrendSettings,
    community_scope,
)
from .policy import check_administer

MAX_MIN_PEOPLE = 1000


def _scopes() -> list[str]:
    from essaim.communities.models import Community

    return [COMPANY] + [community_scope(cid) for cid in
                        Community.objects.values_list("id", flat=True)]


def do_refresh(*, now: datetime | None = None, rebuild: bool = False) -> dict:
    """Index posts not indexed yet, rebuild recent buckets (dropping removed posts and
    deactivated people), then score trends, trending posts and weak signals in every scope."""
    started = time.perf_counter()
    now = now or timezone.now()
    if rebuild:
        TermUse.objects.all().delete()
        TrendSettings.objects.update_or_create(pk=1, defaults={"indexed_until": 0})
    indexed = indexing.index_new_posts()
    indexing.prune(now)
    since = now - timedelta(days=indexing.RETENTION_DAYS if rebuild else indexing.RECENT_DAYS)
    indexing.rebuild_buckets(indexing.hour_of(since))
    min_people = TrendSettings.current().min_people
    report: dict[str, float] = {"indexed_uses": indexed, "trends": 0, "posts": 0, "signals": 0}
    for scope in _scopes():
        with transaction.atomic():
            report["trends"] += scoring.score_scope(scope, now, min_people)
            report["posts"] += scoring.score_posts(scope, now, min_people)
            report["signals"] += signals.store(scope, now)
    TrendSettings.objects.update_or_create(pk=1, defaults={"refreshed_at": now})
    report["seconds"] = round(time.perf_counter() - started, 3)
    return report


def _check_kind(kind: str) -> str:
    if kind not in Kind.values:
        raise ValidationFailed(_("The kind must be one of: %(kinds)s.")
                               % {"kinds": ", ".join(Kind.values)}, field="kind")
    return kind


def do_hide_trend(viewer, kind: str, key: str, *, reason: str = "") -> HiddenTrend:
    """Take a term out of trends and signals everywhere (recorded in the audit trail)."""
    check_administer(viewer)
    kind = _check_kind(kind)
    key = (key or "").strip()[:200]
    if not key:
        raise ValidationFailed(_("Say which trend to hide."), field="key")
    label = (TrendScore.objects.filter(kind=kind, key=key).values_list("label", flat=True)
             .first() or key)
    with transaction.atomic():
        hidden, _created = HiddenTrend.objects.get_or_create(
            kind=kind, key=key, defaults={"label": label, "hidden_by": viewer,
                                          "reason": reason[:300]})
        TrendAudit.objects.create(actor=viewer, action=TrendAudit.Action.HIDE, kind=kind,
                                  key=key, value=reason[:300])
        Signal.objects.filter(kind=kind, key=key).delete()
    return hidden


def do_unhide_trend(viewer, kind: str, key: str) -> None:
    check_administer(viewer)
    kind = _check_kind(kind)
    with transaction.atomic():
        HiddenTrend.objects.filter(kind=kind, key=key).delete()
        TrendAudit.objects.create(actor=viewer, action=TrendAudit.Action.UNHIDE, kind=kind,
                                  key=key)


def do_set_min_people(viewer, value) -> int:
    """The minimum number of distinct people a trend needs (applies from the next refresh)."""
    check_administer(viewer)
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise ValidationFailed(_("The minimum must be a whole number."),
                               field="min_people") from exc
    if not 1 <= number <= MAX_MIN_PEOPLE:
        raise ValidationFailed(_("The minimum must be between 1 and %(max)d.")
                               % {"max": MAX_MIN_PEOPLE}, field="min_people")
    with transaction.atomic():
        TrendSettings.objects.update_or_create(pk=1, defaults={"min_people": number})
        TrendAudit.objects.create(actor=viewer, action=TrendAudit.Action.MIN_PEOPLE,
                                  value=str(number))
    return number


def do_subscribe_signals(viewer, subscribe: bool = True) -> bool:
    from essaim.visibility import may_read_company_trends

    if subscribe and not may_read_company_trends(viewer):
        from essaim.core.errors import PermissionDenied

        raise PermissionDenied(_("Signals of the company are for employees."))
    if subscribe:
        SignalSubscription.objects.get_or_create(user=viewer)
    else:
        SignalSubscription.objects.filter(user=viewer).delete()
    return subscribe


__all__ = ["do_hide_trend", "do_refresh", "do_set_min_people",
           "do_subscribe_signals", "do_unhide_trend"]
