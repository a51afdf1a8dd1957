"""``/scheduled/``: one's posts waiting for their time, to cancel (the composer schedules)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from essaim.posts.actions import scheduled as actions

from .common import web_view


@web_view()
def index(request):
    return render(request, "web/scheduled.html",
                  {"items": list(actions.pending_of(request.user)), "current": "scheduled"})


@web_view(methods=("POST",))
def cancel(request, scheduled_id):
    actions.do_cancel_scheduled(request.user, scheduled_id)
    messages.success(request, _("The scheduled post is cancelled."))
    return redirect("web:scheduled")
