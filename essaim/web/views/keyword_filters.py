"""Keyword filters in the web UI: the list and a new filter, one filter's settings, keywords
and posts, and deleting it. The rules are :mod:`essaim.filters`; these views only translate."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from essaim.core.errors import ValidationFailed
from essaim.filters import actions
from essaim.filters.models import Action, Context
from essaim.filters.queries import filters_of

from .common import done, web_view

EXPIRIES = [("", _lazy("Never")), ("3600", _lazy("In an hour")), ("86400", _lazy("In a day")),
            ("604800", _lazy("In a week")), ("2592000", _lazy("In a month"))]


def _choices(current=None) -> dict:
    return {"contexts": Context.choices, "actions": Action.choices,
            "expiries": [(v, str(label)) for v, label in EXPIRIES],
            "current": "filters", **(current or {})}


def _keywords(raw: str | None) -> list[str]:
    """One keyword per line (or separated by commas)."""
    text = (raw or "").replace(",", "\n")
    return [line.strip() for line in text.splitlines() if line.strip()]


@web_view(methods=("GET", "POST"))
def index(request):
    context = _choices({"filters": filters_of(request.user),
                        "chosen": ["home", "public", "thread"]})
    if request.method == "POST":
        whole = request.POST.get("whole_word") == "on"
        try:
            created = actions.do_create_filter(
                request.user, title=request.POST.get("title"),
                context=request.POST.getlist("context"),
                action=request.POST.get("action"),
                expires_in=request.POST.get("expires_in") or None,
                keywords=[(k, whole) for k in _keywords(request.POST.get("keywords"))])
        except ValidationFailed as exc:
            context.update({"error": exc.message, "form": request.POST,
                            "chosen": request.POST.getlist("context")})
            return render(request, "web/filters/index.html", context, status=400)
        messages.success(request, _("Filter “%(title)s” saved.") % {"title": created.title})
        return redirect("web:filters")
    return render(request, "web/filters/index.html", context)


@web_view()
def detail(request, filter_id):
    found = actions.access_filter(request.user, filter_id)
    full = next(f for f in filters_of(request.user) if f.id == found.id)
    return render(request, "web/filters/detail.html", _choices({"filter": full}))


@web_view(methods=("POST",))
def edit(request, filter_id):
    expires = request.POST.get("expires_in")
    actions.do_update_filter(
        request.user, filter_id, title=request.POST.get("title"),
        context=request.POST.getlist("context"), action=request.POST.get("action"),
        expires_in=... if expires == "keep" else (expires or None))
    return done(request, _("Filter saved."), fallback="web:filters")


@web_view(methods=("POST",))
def add_keyword(request, filter_id):
    for keyword in _keywords(request.POST.get("keywords")) or [""]:
        actions.do_add_keyword(request.user, filter_id, keyword,
                               request.POST.get("whole_word") == "on")
    return done(request, _("Keywords added."), fallback="web:filters")


@web_view(methods=("POST",))
def remove_keyword(request, keyword_id):
    actions.do_delete_keyword(request.user, keyword_id)
    return done(request, _("Keyword removed."), fallback="web:filters")


@web_view(methods=("POST",))
def remove_status(request, status_id):
    actions.do_delete_filter_status(request.user, status_id)
    return done(request, _("The post is no longer filtered."), fallback="web:filters")


@web_view(methods=("POST",))
def delete(request, filter_id):
    actions.do_delete_filter(request.user, filter_id)
    messages.success(request, _("Filter deleted."))
    return redirect("web:filters")
