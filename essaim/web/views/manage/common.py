"""What the administration pages share: the overview, confirmations and pagination."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from essaim.accounts import queries as accounts
from essaim.communities import queries as communities

from ..common import web_view

PAGE_SIZE = 25


@web_view()
def dashboard(request):
    """``/manage/``: how many people, departments, official accounts and communities."""
    figures = {**accounts.manage_counts(request.user),
               **communities.manage_counts(request.user)}
    from essaim.accounts.models import SecurityPolicy

    return render(request, "web/manage/dashboard.html", {
        "figures": figures, "security": SecurityPolicy.current(),
        "security_choices": SecurityPolicy.Require.choices})


def paginate(request, queryset):
    """The requested page of ``queryset`` (a bad page number gives the first or last page)."""
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def confirmed(request) -> bool:
    """Whether a destructive action's form carries its confirmation."""
    return request.method == "POST" and request.POST.get("confirm") == "yes"


def confirmation(request, *, title: str, question: str, button: str, cancel: str,
                 fields: dict | None = None, danger: bool = True):
    """The page asking to confirm a destructive action (its form posts back here)."""
    return render(request, "web/manage/confirm.html", {
        "title": title, "question": question, "button": button, "cancel": cancel,
        "fields": (fields or {}).items(), "danger": danger, "action": request.path})


def done(request, message: str, to: str, *args):
    from django.contrib import messages

    messages.success(request, message)
    return redirect(to, *args)
