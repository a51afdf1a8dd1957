"""The code of conduct, reports and their handling in the native API."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import get_language
from ninja import Router, Schema

from essaim.moderation import conduct, reports
from essaim.moderation.models import Report

from ..schemas import ErrorOut

router = Router(tags=["moderation"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}


class RuleOut(Schema):
    id: str
    text: str
    hint: str


class CodeOut(Schema):
    version: int | None
    published_at: datetime | None
    text: str
    rules: list[RuleOut]
    accepted: bool
    url: str


class ReportIn(Schema):
    post_id: str | None = None
    username: str | None = None
    category: str = "other"
    comment: str = ""
    rule_ids: list[str] = []


class ResolveIn(Schema):
    action: str
    reason: str


class ReportOut(Schema):
    id: str
    status: str
    category: str
    comment: str
    post_id: str | None
    account: str
    created_at: datetime
    outcome: str
    reason: str


class ReportsOut(Schema):
    items: list[ReportOut]


def _report(r: Report, *, moderator: bool) -> dict:
    return {"id": str(r.pk), "status": r.status, "category": r.category,
            "comment": r.comment,
            "post_id": str(r.post_id) if r.post_id else None, "account": r.account.username,
            "created_at": r.created_at, "outcome": r.outcome, "reason": r.reason}


@router.get("/code-of-conduct", response={200: CodeOut, **ERRORS}, auth=None)
def code_of_conduct(request):
    code = conduct.current()
    user = request.user
    return {"version": code.version if code else None,
            "published_at": code.published_at if code else None,
            "text": code.text(get_language() or "en") if code else "",
            "rules": conduct.rules(code, get_language() or "en"),
            "accepted": bool(user.is_authenticated and conduct.has_accepted(user, code)),
            "url": conduct.RULES_PATH}


@router.post("/code-of-conduct/accept", response={200: CodeOut, **ERRORS})
def accept(request):
    conduct.do_accept(request.auth)
    request.user = request.auth
    return code_of_conduct(request)


@router.post("/reports", response={200: ReportOut, **ERRORS})
def create_report(request, body: ReportIn):
    report = reports.do_report(request.auth, post_id=body.post_id, username=body.username,
                               category=body.category, comment=body.comment,
                               rule_ids=body.rule_ids)
    return _report(report, moderator=False)


@router.get("/reports", response={200: ReportsOut, **ERRORS})
def list_reports(request, status: str = "open"):
    """Moderators get the queue they may handle; everyone else their own reports."""
    user = request.auth
    mine = not reports.may_moderate(user) and not reports.moderated_reports(user).exists()
    qs = Report.objects.filter(reporter=user) if mine else reports.moderated_reports(user)
    if status in Report.Status.values:
        qs = qs.filter(status=status)
    return {"items": [_report(r, moderator=not mine)
                      for r in qs.select_related("account")[:100]]}


@router.post("/reports/{report_id}/resolve", response={200: ReportOut, **ERRORS})
def resolve(request, report_id: str, body: ResolveIn):
    report = reports.do_resolve(request.auth, report_id, body.action, body.reason)
    return _report(report, moderator=True)
