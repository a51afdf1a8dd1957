"""Insight: one's own network, and company aggregates for administrators and analysts."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from ninja import Router, Schema

from essaim import visibility
from essaim.insight import queries
from essaim.insight.tasks import compute_soon

from ..schemas import ErrorOut

router = Router(tags=["insight"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class BrokerageOut(Schema):
    coordinator: int = 0
    itinerant: int = 0
    gatekeeper: int = 0
    representative: int = 0
    liaison: int = 0
    total: int = 0


class GroupWeightOut(Schema):
    group: str
    weight: int
    external: bool


class NetworkOut(Schema):
    ties: int
    departments: int | None
    diversity: float | None
    constraint: float | None
    effective_size: float | None
    brokerage: BrokerageOut | None
    scout: float
    connector: int
    window_days: int
    is_scout: bool
    is_connector: bool
    thresholds: dict[str, float]
    reason: str | None
    by_department: list[GroupWeightOut]


class DepartmentOut(Schema):
    department: str
    members: int
    internal: int
    external: int
    ei_index: float | None


class DepartmentsOut(Schema):
    items: list[DepartmentOut]
    window_days: int


class MatrixOut(Schema):
    departments: list[str]
    weights: list[list[int]]
    bridges: int
    window_days: int


class AdoptionItemOut(Schema):
    period: str
    contributors: int
    posting: int
    replying: int
    reacting: int
    posts: int
    replies: int
    reactions: int
    readers: int | None
    active: int | None


class AdoptionOut(Schema):
    items: list[AdoptionItemOut]


def _network(request, days, username=None) -> dict:
    person = visibility.access_own_network(request.auth, username)
    compute_soon()
    data = queries.my_network(person, queries.check_days(days))
    data["brokerage"] = data["brokerage"] or None
    return data


def _csv(rows: list[dict], columns: list[str], name: str) -> HttpResponse:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


@router.get("/me/network", response={200: NetworkOut, **ERRORS})
def my_network(request, days: str | None = None):
    """Your own interaction network over the window (7–365 days, default 90)."""
    return _network(request, days)


@router.get("/people/{username}/network", response={200: NetworkOut, **ERRORS})
def person_network(request, username: str, days: str | None = None):
    """Refused (403) for anyone but that person: network measures are individual."""
    return _network(request, days, username)


@router.get("/analytics/departments", response={200: DepartmentsOut, **ERRORS})
def departments(request, days: str | None = None, format: str | None = None):
    visibility.check_analytics(request.auth)
    compute_soon()
    window = queries.check_days(days)
    items = queries.departments(window)
    if format == "csv":
        return _csv(items, ["department", "members", "internal", "external", "ei_index"],
                    "departments")
    return {"items": items, "window_days": window}


@router.get("/analytics/departments/matrix", response={200: MatrixOut, **ERRORS})
def department_matrix(request, days: str | None = None):
    visibility.check_analytics(request.auth)
    return queries.matrix(queries.check_days(days))


@router.get("/analytics/adoption", response={200: AdoptionOut, **ERRORS})
def adoption(request, period: str = "week", count: int = 12, format: str | None = None):
    visibility.check_analytics(request.auth)
    items = queries.adoption(period, count)
    if format == "csv":
        return _csv(items, list(AdoptionItemOut.model_fields), f"adoption-{period}")
    return {"items": items}
