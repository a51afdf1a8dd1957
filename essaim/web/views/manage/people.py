"""Administration of people: the searchable list, one person's page and its actions."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from essaim.accounts import queries as accounts
from essaim.accounts.actions import manage as actions
from essaim.accounts.models import Department
from essaim.communities.models import Membership
from essaim.core.errors import NotFound, ValidationFailed

from ..common import web_view
from .common import confirmation, confirmed, done, paginate


@web_view()
def people(request):
    """``/manage/people/``: search, filter by department, kind and state, paginated."""
    filters = {"text": request.GET.get("q", ""), "department": request.GET.get("department", ""),
               "kind": request.GET.get("kind", ""), "state": request.GET.get("state", "")}
    found = accounts.manage_people(request.user, **filters)
    return render(request, "web/manage/people.html", {
        "page_obj": paginate(request, found), "filters": filters,
        "departments": Department.objects.order_by("name"),
        "kinds": accounts.MANAGE_KINDS, "states": accounts.MANAGE_STATES})


@web_view()
def person(request, user_id):
    """One person: who they are, where they belong, and the forms to change it."""
    account = actions.access_person(request.user, user_id)
    memberships = (Membership.objects.filter(user=account).select_related("community")
                   .order_by("community__name"))
    return render(request, "web/manage/person.html", {
        "account": account, "departments": Department.objects.order_by("name"),
        "memberships": memberships,
        "official_accounts": account.official_accounts.filter(is_official=True)
        .order_by("username"),
        "delegates": account.delegates.order_by("username") if account.is_official else []})


@web_view(methods=("GET", "POST"))
def person_new(request):
    """Add an employee; the generated password is shown once, to hand over."""
    actions.check_admin(request.user)
    values = {"username": "", "name": "", "email": "", "department": ""}
    error = None
    if request.method == "POST":
        values = {key: request.POST.get(key, "").strip() for key in values}
        try:
            account, password = actions.do_admin_create_person(
                request.user, values["username"], name=values["name"], email=values["email"],
                department_id=values["department"] or None)
        except ValidationFailed as exc:
            error = exc
        else:
            return render(request, "web/manage/person_created.html",
                          {"account": account, "password": password})
    return render(request, "web/manage/person_new.html", {
        "values": values, "error": error, "departments": Department.objects.order_by("name")},
        status=error.status if error else 200)


def _deactivate(request, account):
    if not confirmed(request):
        return confirmation(
            request, title=_("Deactivate %(name)s") % {"name": account.name},
            question=_("%(name)s will be signed out everywhere and can no longer sign in; "
                       "their posts disappear from view. You can reactivate the account "
                       "later.") % {"name": account.name},
            button=_("Deactivate"), cancel=_person_url(account))
    actions.do_set_active(request.user, account, False)
    return _('%(name)s is deactivated.')


def _revoke_admin(request, account):
    if not confirmed(request):
        return confirmation(
            request, title=_("Remove administrator rights"),
            question=_("%(name)s will no longer reach the administration.")
            % {"name": account.name},
            button=_("Remove administrator rights"), cancel=_person_url(account))
    actions.do_set_admin(request.user, account, False)
    return _("%(name)s is no longer an administrator.")


def _make_guest(request, account):
    organisation = request.POST.get("organisation", "").strip()
    if not organisation:
        raise ValidationFailed(_("Name the guest's organisation."), field="organisation")
    if not confirmed(request):
        return confirmation(
            request, title=_("Make %(name)s an external guest") % {"name": account.name},
            question=_("%(name)s will become an external guest of %(organisation)s: they "
                       "lose access to the company's posts, people and communities and keep "
                       "only the communities they are members of.")
            % {"name": account.name, "organisation": organisation},
            button=_("Make an external guest"), cancel=_person_url(account),
            fields={"organisation": organisation})
    actions.do_make_guest(request.user, account, organisation)
    return _("%(name)s is now an external guest.")


def _activate(request, account):
    actions.do_set_active(request.user, account, True)
    return _("%(name)s is active again.")


def _grant_admin(request, account):
    actions.do_set_admin(request.user, account, True)
    return _("%(name)s is now an administrator.")


def _department(request, account):
    actions.do_set_department(request.user, account, request.POST.get("department") or None)
    return _("The department of %(name)s is saved.")


PERSON_ACTIONS = {"deactivate": _deactivate, "activate": _activate,
                  "grant-admin": _grant_admin, "revoke-admin": _revoke_admin,
                  "department": _department, "guest": _make_guest}
CONFIRMED_BY_GET = {"deactivate", "revoke-admin"}


@web_view(methods=("GET", "POST"))
def person_action(request, user_id, action):
    """One action on a person; destructive ones ask for a confirmation first."""
    account = actions.access_person(request.user, user_id)
    handler = PERSON_ACTIONS.get(action)
    if handler is None or (request.method == "GET" and action not in CONFIRMED_BY_GET):
        raise NotFound(_("This page does not exist."))
    answer = handler(request, account)
    if not isinstance(answer, str):
        return answer
    return done(request, answer % {"name": account.name}, _person_url(account))


def _person_url(account) -> str:
    return reverse("web:manage_person", args=[account.pk])
