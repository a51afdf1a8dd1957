"""Reads of trends and signals for one viewer (always through :mod:`.policy`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from .models import HiddenTrend, Kind, Signal, TermUse, TrendingPost, TrendScore, TrendSettings
from .policy import readable_posts

DAYS = 7
SAMPLES = 3
MAX_LIMIT = 40


@dataclass
class TrendItem:
    kind: str
    key: str
    label: str
    score: float
    people: int
    departments: int
    posts: int
    observed: int
    history: list[dict] = field(default_factory=list)  # newest day first
    sparkline: list[int] = field(default_factory=list)  # people per 6 hours, oldest first
    samples: list = field(default_factory=list)


def clamp(limit, default: int = 10, top: int = MAX_LIMIT) -> int:
    try:
        value = int(limit)
    except (TypeError, ValueError):
        return default
    return max(1, min(top, value))


def _hidden() -> set[tuple[str, str]]:
    return set(HiddenTrend.objects.values_list("kind", "key"))


def _contains(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def _redundant(row: TrendScore, kept: list[TrendScore]) -> bool:
    """A sub-phrase (or longer form) of a listed term used by about the same people."""
    for other in kept:
        if other.kind != row.kind or row.kind != Kind.TERM:
            continue
        if _contains(other.key, row.key) or _contains(row.key, other.key):
            low, high = sorted((row.observed, other.observed))
            if high and low / high >= 0.7:
                return True
    return False


def trends(viewer, scope: str, *, kind: str | None = None, limit: int = 10, offset: int = 0,
           samples: bool = True, now: datetime | None = None) -> list[TrendItem]:
    now = now or timezone.now()
    min_people = TrendSettings.current().min_people
    hidden = _hidden()
    qs = TrendScore.objects.filter(scope=scope, observed__gte=min_people).order_by("-score")
    if kind:
        qs = qs.filter(kind=kind)
    kept: list[TrendScore] = []
    for row in qs[: (offset + limit) * 4 + 20]:
        if (row.kind, row.key) in hidden or _redundant(row, kept):
            continue
        kept.append(row)
        if len(kept) >= offset + limit:
            break
    kept = kept[offset:]
    items = [TrendItem(kind=r.kind, key=r.key, label=r.label, score=round(r.score, 3),
                       people=r.people, departments=r.departments, posts=r.posts,
                       observed=r.observed) for r in kept]
    _fill_history(scope, items, now)
    if samples:
        for item in items:
            ids = list(TermUse.objects.filter(scope=scope, kind=item.kind, key=item.key)
                       .order_by("-created_at").values_list("post_id", flat=True)[:20])
            item.samples = readable_posts(viewer, ids, SAMPLES)
    return items


def _fill_history(scope: str, items: list[TrendItem], now: datetime) -> None:
    if not items:
        return
    start_day = (now - timedelta(days=DAYS - 1)).date()
    start = now - timedelta(days=DAYS)
    per_day: dict = defaultdict(dict)
    slots: dict = defaultdict(lambda: defaultdict(set))
    wanted = {(i.kind, i.key) for i in items}
    rows = (TermUse.objects.filter(scope=scope, key__in={i.key for i in items},
                                   author__is_active=True, created_at__gt=start,
                                   created_at__lte=now)
            .annotate(day=TruncDate("created_at")).values("kind", "key", "day")
            .annotate(uses=Count("post_id", distinct=True),
                      accounts=Count("author_id", distinct=True)))
    for row in rows:
        if (row["kind"], row["key"]) in wanted:
            per_day[(row["kind"], row["key"])][row["day"]] = (row["uses"], row["accounts"])
    for kind, key, author, created in (
            TermUse.objects.filter(scope=scope, key__in={i.key for i in items},
                                   author__is_active=True, created_at__gt=start,
                                   created_at__lte=now)
            .values_list("kind", "key", "author_id", "created_at")):
        slot = int((created - start) / timedelta(hours=6))
        slots[(kind, key)][min(slot, 27)].add(author)
    for item in items:
        days = per_day.get((item.kind, item.key), {})
        item.history = []
        for back in range(DAYS):
            day = start_day + timedelta(days=DAYS - 1 - back)
            uses, accounts = days.get(day, (0, 0))
            item.history.append({"day": day, "uses": uses, "accounts": accounts})
        curve = slots.get((item.kind, item.key), {})
        item.sparkline = [len(curve.get(i, ())) for i in range(28)]


def trending_posts(viewer, scope: str, *, limit: int = 20, offset: int = 0) -> list:
    ids = list(TrendingPost.objects.filter(scope=scope).order_by("-score")
               .values_list("post_id", flat=True))
    return readable_posts(viewer, ids)[offset:offset + limit]


@dataclass
class SignalItem:
    term: str
    kind: str
    key: str
    related: list[str]
    score: float
    first_seen: datetime
    posts: int
    people: int
    departments: int
    organisations: int
    curve: list[int]
    samples: list
    sample_ids: list[int]


def signals(viewer, scope: str, *, limit: int = 10,
            with_samples: bool = True) -> list[SignalItem]:
    hidden = {f"{k}:{v}" for k, v in _hidden()}
    out = []
    for row in Signal.objects.filter(scope=scope).order_by("rank"):
        if hidden & set(row.keys):
            continue
        out.append(SignalItem(
            term=row.term, kind=row.kind, key=row.key, related=list(row.related),
            score=row.score, first_seen=row.first_seen, posts=row.posts, people=row.people,
            departments=row.departments, organisations=row.organisations,
            curve=list(row.curve), sample_ids=list(row.post_ids),
            samples=readable_posts(viewer, list(row.post_ids), SAMPLES) if with_samples
            else []))
        if len(out) >= limit:
            break
    return out


def audit_trail(limit: int = 50):
    from .models import TrendAudit

    return TrendAudit.objects.select_related("actor")[:limit]


def hidden_trends():
    return HiddenTrend.objects.select_related("hidden_by").order_by("-created_at")
