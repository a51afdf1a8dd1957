"""Trends and Signals pages, and the administrators' trend decisions."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _

from essaim import visibility
from essaim.communities.models import Community
from essaim.trends import actions, queries
from essaim.trends import policy as trends_policy
from essaim.trends.models import Kind, SignalSubscription, TrendSettings
from essaim.trends.tasks import refresh_soon
from essaim.watches.actions import signal_query

from .common import done, web_view

SECTIONS = ((Kind.TAG, "hashtags"), (Kind.TERM, "terms"), (Kind.LINK, "links"))


def _sparkline(values: list[int], name: str) -> dict:
    return {"kind": "sparkline", "x": list(range(len(values))),
            "series": [{"name": name, "values": values}]}


def _scope_context(request) -> dict:
    """The scope asked for, plus the communities the viewer may switch to."""
    slug = request.GET.get("community") or None
    communities = list(Community.objects.filter(
        id__in=visibility.member_community_ids(request.user)).order_by("name"))
    if slug is None and request.user.is_guest:
        return {"scope": None, "communities": communities, "community": None}
    scope = visibility.access_trend_scope(request.user, slug)
    community = next((c for c in communities if trends_policy.community_id(scope) == c.id),
                     None)
    return {"scope": scope, "communities": communities, "community": community}


@web_view()
def trends_page(request):
    context = _scope_context(request)
    refresh_soon()
    scope = context["scope"]
    people = _("people")
    sections = []
    if scope is not None:
        for kind, name in SECTIONS:
            items = queries.trends(request.user, scope, kind=kind, limit=10)
            for item in items:
                item.chart = _sparkline(item.sparkline, people)
            sections.append({"kind": kind, "name": name, "items": items})
        context["posts"] = queries.trending_posts(request.user, scope, limit=5)
    context.update({"sections": sections, "current": "trends",
                    "settings": TrendSettings.current()})
    if trends_policy.may_administer(request.user):
        context.update({"admin": True, "hidden": queries.hidden_trends()[:50],
                        "audit": queries.audit_trail(30)})
    return render(request, "web/trends/trends.html", context)


@web_view()
def signals_page(request):
    context = _scope_context(request)
    refresh_soon()
    items = []
    if context["scope"] is not None:
        items = queries.signals(request.user, context["scope"], limit=10)
        for item in items:
            item.chart = _sparkline(item.curve, _("people"))
            item.watch_query = signal_query(item.kind, item.term, item.related)
    context.update({"signals": items, "current": "signals",
                    "subscribed": SignalSubscription.objects.filter(
                        user_id=request.user.id).exists()})
    return render(request, "web/trends/signals.html", context)


@web_view(methods=("POST",))
def hide(request):
    actions.do_hide_trend(request.user, request.POST.get("kind", ""),
                          request.POST.get("key", ""), reason=request.POST.get("reason", ""))
    return done(request, _("The trend is hidden."), "web:trends")


@web_view(methods=("POST",))
def unhide(request):
    actions.do_unhide_trend(request.user, request.POST.get("kind", ""),
                            request.POST.get("key", ""))
    return done(request, _("The trend is shown again."), "web:trends")


@web_view(methods=("POST",))
def trend_settings(request):
    number = actions.do_set_min_people(request.user, request.POST.get("min_people"))
    return done(request, _("Trends now need at least %(n)d people.") % {"n": number},
                "web:trends")


@web_view(methods=("POST",))
def subscribe(request):
    wanted = request.POST.get("subscribe") == "1"
    actions.do_subscribe_signals(request.user, wanted)
    return done(request, _("You will receive Signals this week.") if wanted else
                _("You will no longer receive Signals this week."), "web:signals")
