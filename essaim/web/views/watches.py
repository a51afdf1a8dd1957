"""Watches in the web UI: the list (and saving a search as a watch), each watch's timeline,
changing and deleting one. The rules are :mod:`essaim.watches`; these views only translate."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from essaim.core.errors import ValidationFailed
from essaim.watches import actions, queries
from essaim.watches.models import Delivery
from essaim.watches.tasks import digests_soon

from .common import cursor_from, done, render_feed, web_view


def _deliveries():
    return [{"value": value, "label": label} for value, label in Delivery.choices]


@web_view(methods=("GET", "POST"))
def index(request):
    context = {"watches": queries.watches_of(request.user), "deliveries": _deliveries(),
               "current": "watches", "query": request.GET.get("q", "")}
    if request.method == "POST":
        try:
            watch = actions.do_create_watch(request.user, request.POST.get("query"),
                                            name=request.POST.get("name"),
                                            delivery=request.POST.get("delivery"))
        except ValidationFailed as exc:
            context.update({"error": exc.message, "query": request.POST.get("query", ""),
                            "name": request.POST.get("name", ""),
                            "delivery": request.POST.get("delivery", "")})
            return render(request, "web/watches/index.html", context, status=400)
        messages.success(request, _("Watch “%(name)s” saved: new posts that match will "
                                    "gather here.") % {"name": watch.name})
        return redirect("web:watch", watch.id)
    digests_soon()
    return render(request, "web/watches/index.html", context)


@web_view()
def detail(request, watch_id):
    watch = actions.access_watch(request.user, watch_id)
    unread = next((w.unread for w in queries.watches_of(request.user) if w.id == watch.id), 0)
    page = queries.timeline(request.user, watch, cursor_from(request))
    return render_feed(request, "web/watches/detail.html", page, {
        "watch": watch, "unread": unread, "deliveries": _deliveries(), "current": "watches"},
        filter_context="home")


@web_view(methods=("POST",))
def seen(request, watch_id):
    actions.do_mark_seen(request.user, actions.access_watch(request.user, watch_id))
    return HttpResponse(status=204)


@web_view(methods=("POST",))
def edit(request, watch_id):
    actions.do_update_watch(request.user, watch_id, query=request.POST.get("query"),
                            name=request.POST.get("name"),
                            delivery=request.POST.get("delivery"))
    return done(request, _("Watch saved."), fallback="web:watches")


@web_view(methods=("POST",))
def delete(request, watch_id):
    actions.do_delete_watch(request.user, watch_id)
    messages.success(request, _("Watch deleted."))
    return redirect("web:watches")
