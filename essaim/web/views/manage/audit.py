"""``/manage/audit/``: the audit log, searched, filtered and exported (administrators)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from essaim.accounts.actions import manage as actions
from essaim.audit import queries

from ..common import web_view
from .common import paginate


@web_view()
def audit_log(request):
    actions.check_admin(request.user)
    filters = {k: request.GET.get(k, "").strip()[:100] for k in ("q", "action", "actor", "since")}
    found = queries.entries(q=filters["q"], action=filters["action"], actor=filters["actor"],
                            since=queries.parse_since(filters["since"]))
    fmt = request.GET.get("format")
    if fmt:
        body = queries.export(found, fmt)
        kind = "text/csv" if fmt == "csv" else "application/x-ndjson"
        response = HttpResponse(body, content_type=f"{kind}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="audit.{fmt}"'
        from essaim import audit

        audit.record(request.user, "audit.export", after={"format": fmt, **filters},
                     request=request)
        return response
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "web/manage/audit.html", {
        "page": paginate(request, found), "filters": filters, "query": query.urlencode()})
