"""Lists: one's own selections of people, each with its timeline."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import EssaimError, NotFound
from essaim.graph import actions as graph_actions
from essaim.graph import queries as graph_queries
from essaim.timelines import queries as timelines

from ..forms import ListForm, ListMemberForm
from .common import cursor_from, done, render_feed, web_view


def _form_error(form) -> EssaimError:
    for errors in form.errors.values():
        return EssaimError(errors[0])
    return EssaimError(_("Check the form and try again."))


@web_view(methods=("GET", "POST"))
def index(request):
    form = ListForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            raise _form_error(form)
        account_list = graph_actions.do_create_list(request.user, form.cleaned_data["title"])
        messages.success(request, _("List “%(title)s” created.") % {"title": account_list.title})
        return redirect("web:list", account_list.id)
    lists = graph_queries.lists_of(request.user).annotate(size=Count("members"))
    return render(request, "web/lists/index.html", {"lists": lists, "form": form})


@web_view()
def detail(request, list_id):
    account_list = graph_actions.access_list(request.user, list_id)
    page = timelines.account_list(request.user, account_list, cursor_from(request))
    members = policy.visible_accounts(request.user).filter(
        list_memberships__account_list=account_list).select_related("department")
    return render_feed(request, "web/lists/detail.html", page, {
        "account_list": account_list, "members": members.order_by("username"),
        "rename_form": ListForm(initial={"title": account_list.title}),
        "member_form": ListMemberForm(),
    }, filter_context="home")


@web_view(methods=("POST",))
def rename(request, list_id):
    form = ListForm(request.POST)
    if not form.is_valid():
        raise _form_error(form)
    graph_actions.do_rename_list(request.user, list_id, form.cleaned_data["title"])
    return done(request, _("List renamed."))


@web_view(methods=("POST",))
def delete(request, list_id):
    graph_actions.do_delete_list(request.user, list_id)
    messages.success(request, _("List deleted."))
    return redirect("web:lists")


@web_view(methods=("POST",))
def add_member(request, list_id):
    form = ListMemberForm(request.POST)
    if not form.is_valid():
        raise _form_error(form)
    account = graph_actions.find_account(form.cleaned_data["username"])
    if account is None:
        raise NotFound(_("Nobody has the username @%(name)s.")
                       % {"name": form.cleaned_data["username"].strip().lstrip("@")})
    graph_actions.do_add_to_list(request.user, list_id, [account])
    return done(request, _("%(name)s added to the list.") % {"name": account.name})


@web_view(methods=("POST",))
def remove_member(request, list_id, username):
    account = graph_actions.find_account(username)
    if account is None:
        raise NotFound(_("This account does not exist or is not visible to you."))
    graph_actions.do_remove_from_list(request.user, list_id, [account])
    return done(request, _("%(name)s removed from the list.") % {"name": account.name})
