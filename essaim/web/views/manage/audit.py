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


@web_view(methods=("GET", "POST"))
def conduct_page(request):
    """``/manage/rules/``: publish a new version of the code of conduct (both languages)."""
    from essaim.core.errors import ValidationFailed
    from essaim.moderation import conduct

    actions.check_admin(request.user)
    code = conduct.current()
    error = None
    form = {"text_en": code.text_en if code else "", "text_fr": code.text_fr if code else ""}
    if request.method == "POST":
        form = {k: request.POST.get(k, "") for k in ("text_en", "text_fr")}
        try:
            published = conduct.do_publish(request.user, form["text_en"], form["text_fr"])
        except ValidationFailed as exc:
            error = exc
        else:
            from django.utils.translation import gettext as _

            from .common import done

            return done(request, _("Version %(n)d of the code of conduct is published: everyone "
                                   "accepts it before contributing again.")
                        % {"n": published.version}, "web:manage_rules")
    return render(request, "web/manage/rules.html", {"code": code, "form": form,
                                                      "error": error},
                  status=error.status if error else 200)
