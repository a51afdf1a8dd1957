"""The code of conduct page, reporting a post, and the moderation queue."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.articles.markdown import render as render_markdown
from essaim.core.errors import ValidationFailed
from essaim.moderation import conduct, reports
from essaim.moderation.models import Report

from .common import done, web_view
from .manage.common import paginate


@web_view(login=False, methods=("GET", "POST"))
def rules(request):
    """``/about/rules/``: the current code of conduct; signed-in people accept it here."""
    code = conduct.current()
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect("web:login")
        conduct.do_accept(request.user, request.POST.get("version") or None)
        return done(request, _("Thank you: you accepted the code of conduct."), "web:home")
    accepted = request.user.is_authenticated and conduct.has_accepted(request.user, code)
    return render(request, "web/moderation/rules.html", {
        "code": code,
        "html": mark_safe(render_markdown(code.text(get_language() or "en"))) if code else "",  # noqa: S308 - sanitised by nh3
        "accepted": accepted})


@web_view(methods=("GET", "POST"))
def report(request, post_id):
    post = policy.access_post(request.user, post_id)
    error = None
    if request.method == "POST":
        try:
            reports.do_report(request.user, post_id=post.pk,
                              category=request.POST.get("category", ""),
                              comment=request.POST.get("comment", ""))
        except ValidationFailed as exc:
            error = exc
        else:
            from django.contrib import messages

            messages.success(request, _("Thank you: moderators will look at your report."))
            return redirect("web:thread", post.pk)
    return render(request, "web/moderation/report.html", {
        "post": post, "categories": Report.Category.choices, "error": error,
        "form": request.POST}, status=error.status if error else 200)


@web_view(methods=("GET", "POST"))
def queue(request):
    """``/moderation/``: the reports the signed-in moderator may handle."""
    queue = reports.moderated_reports(request.user)
    if not reports.may_moderate(request.user) and not queue.exists():
        from essaim.core.errors import PermissionDenied

        raise PermissionDenied(_("Only moderators handle reports."))
    if request.method == "POST":
        reports.do_resolve(request.user, request.POST.get("report"),
                           request.POST.get("action", ""), request.POST.get("reason", ""))
        return done(request, _("The report is resolved."), "web:moderation")
    status = request.GET.get("status", "open")
    if status not in Report.Status.values:
        status = "open"
    page = paginate(request, queue.filter(status=status).select_related(
        "post", "account", "reporter"))
    previous = {}
    for r in page:
        previous[r.pk] = Report.objects.filter(account=r.account).exclude(pk=r.pk).count()
        r.previous = previous[r.pk]
    return render(request, "web/moderation/queue.html", {
        "page": page, "status": status, "outcomes": Report.Outcome.choices,
        "current": "moderation"})
