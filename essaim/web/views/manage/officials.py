"""Administration of official accounts: list, create, edit, and their delegates."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from essaim.accounts import queries as accounts
from essaim.accounts.actions import officials as actions
from essaim.core.errors import NotFound, ValidationFailed

from ..common import web_view
from .common import done


@web_view(methods=("GET", "POST"))
def officials(request):
    """``/manage/official-accounts/``: every official account and who posts as it."""
    values, error = {"username": "", "name": "", "bio": ""}, None
    if request.method == "POST":
        values = {key: request.POST.get(key, "") for key in values}
        try:
            created = actions.do_create_official(request.user, values["username"],
                                                 values["name"], bio=values["bio"])
        except ValidationFailed as exc:
            error = exc
        else:
            return done(request, _("The official account %(name)s is created: add its "
                                   "delegates.") % {"name": created.name},
                        "web:manage_official", created.pk)
    found = list(accounts.manage_officials(request.user))
    return render(request, "web/manage/officials.html",
                  {"officials": found, "values": values, "error": error},
                  status=error.status if error else 200)


@web_view(methods=("GET", "POST"))
def official(request, official_id):
    """One official account: its name and description, and its delegates."""
    account = actions.access_official(request.user, official_id)
    error = None
    if request.method == "POST":
        try:
            actions.do_update_official(request.user, account, name=request.POST.get("name", ""),
                                       bio=request.POST.get("bio", ""))
        except ValidationFailed as exc:
            error = exc
            account.refresh_from_db()
        else:
            return done(request, _("The official account is saved."), "web:manage_official",
                        account.pk)
    return render(request, "web/manage/official.html", {
        "account": account, "error": error,
        "delegates": account.delegates.order_by("username")},
        status=error.status if error else 200)


@web_view(methods=("POST",))
def delegate(request, official_id, action):
    """Add (by username) or remove (by id) a delegate."""
    account = actions.access_official(request.user, official_id)
    if action == "add":
        added = actions.do_add_delegate(request.user, account, request.POST.get("username", ""))
        message = _("%(person)s can now post as %(official)s.") % {
            "person": added.name, "official": account.name}
    elif action == "remove":
        actions.do_remove_delegate(request.user, account, request.POST.get("user", ""))
        message = _("The delegate is removed.")
    else:
        raise NotFound(_("This page does not exist."))
    return done(request, message, reverse("web:manage_official", args=[account.pk]))
