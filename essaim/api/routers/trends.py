"""Trends and weak signals (company-wide for employees, per community for its members)."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status

from essaim import visibility
from essaim.core.errors import ValidationFailed
from essaim.trends import actions, queries
from essaim.trends.models import Kind
from essaim.trends.tasks import refresh_soon

from ..schemas import ErrorOut

router = Router(tags=["trends"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class DayOut(Schema):
    day: str
    uses: int
    people: int


class TrendOut(Schema):
    kind: str
    term: str
    key: str
    score: float
    people: int
    departments: int
    posts: int
    history: list[DayOut]
    sparkline: list[int]
    samples: list[str]


class TrendsOut(Schema):
    items: list[TrendOut]


class SignalOut(Schema):
    term: str
    related: list[str]
    score: float
    first_seen: datetime
    posts: int
    people: int
    departments: int
    samples: list[str]


class SignalsOut(Schema):
    items: list[SignalOut]


class HideIn(Schema):
    kind: str
    key: str
    reason: str = ""


class HiddenOut(Schema):
    kind: str
    key: str
    label: str


def _limit(limit: int) -> int:
    if not 1 <= limit <= queries.MAX_LIMIT:
        raise ValidationFailed(_("limit must be between 1 and %(max)d.")
                               % {"max": queries.MAX_LIMIT}, field="limit")
    return limit


def _kind(kind: str | None) -> str | None:
    if kind and kind not in Kind.values:
        raise ValidationFailed(_("The kind must be one of: %(kinds)s.")
                               % {"kinds": ", ".join(Kind.values)}, field="kind")
    return kind or None


@router.get("/trends", response={200: TrendsOut, **ERRORS},
            summary="What is talked about now (hashtags, terms, links), best first")
def trends(request, kind: str | None = None, community: str | None = None, limit: int = 10,
           offset: int = 0):
    """Company trends for employees; ``community=<slug>`` for that community's members."""
    scope = visibility.access_trend_scope(request.auth, community)
    if offset < 0:
        raise ValidationFailed(_("offset must not be negative."), field="offset")
    refresh_soon()
    items = queries.trends(request.auth, scope, kind=_kind(kind), limit=_limit(limit),
                           offset=offset)
    return {"items": [{
        "kind": t.kind, "term": t.label, "key": t.key, "score": t.score, "people": t.people,
        "departments": t.departments, "posts": t.posts,
        "history": [{"day": d["day"].isoformat(), "uses": d["uses"], "people": d["accounts"]}
                    for d in t.history],
        "sparkline": t.sparkline, "samples": [str(p.id) for p in t.samples]} for t in items]}


@router.get("/signals", response={200: SignalsOut, **ERRORS},
            summary="Weak signals: new subjects spreading across people and departments")
def signals(request, limit: int = 10, community: str | None = None):
    scope = visibility.access_trend_scope(request.auth, community)
    refresh_soon()
    return {"items": [signal_json(s) for s in
                      queries.signals(request.auth, scope, limit=_limit(limit))]}


def signal_json(s) -> dict:
    return {"term": s.term, "related": s.related, "score": s.score,
            "first_seen": s.first_seen, "posts": s.posts, "people": s.people,
            "departments": s.departments, "samples": [str(p.id) for p in s.samples]}


@router.post("/trends/hidden", response={201: HiddenOut, **ERRORS},
             summary="Hide a trend everywhere (administrators; recorded in the audit trail)")
def hide(request, payload: HideIn):
    hidden = actions.do_hide_trend(request.auth, payload.kind, payload.key,
                                   reason=payload.reason)
    return Status(201, {"kind": hidden.kind, "key": hidden.key, "label": hidden.label})


@router.delete("/trends/hidden/{kind}/{key}", response={204: None, **ERRORS},
               summary="Show a hidden trend again (administrators)")
def unhide(request, kind: str, key: str):
    actions.do_unhide_trend(request.auth, kind, key)
    return Status(204, None)
