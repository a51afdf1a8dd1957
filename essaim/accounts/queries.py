"""Read helpers for accounts: people suggestions for pickers and @mention completion."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import NotFound

SUGGEST_LIMIT = 8


def suggest_people(viewer, text: str, *, community=None, limit: int = SUGGEST_LIMIT) -> list:
    """People whose username or name starts with ``text`` (or whose name has a word starting
    with it), among those ``viewer`` may see, best matches first.

    With ``community`` (a slug), only its members, and only for a viewer who may read that
    community's content (its member list is members-only).
    """
    text = (text or "").strip().lstrip("@")[:60]
    if not text:
        return []
    people = policy.visible_accounts(viewer, get_user_model().objects.filter(is_active=True))
    if community is not None:
        found = policy.access_community(viewer, community)
        if not policy.in_community(viewer, found.pk):
            raise NotFound(_("This community does not exist or is not visible to you."))
        people = people.filter(community_memberships__community_id=found.pk)
    words = Q(username__istartswith=text) | Q(display_name__istartswith=text) | Q(
        first_name__istartswith=text) | Q(last_name__istartswith=text) | Q(
        display_name__icontains=f" {text}")
    rank = Case(When(username__iexact=text, then=Value(0)),
                When(username__istartswith=text, then=Value(1)),
                default=Value(2), output_field=IntegerField())
    return list(people.filter(words).select_related("department", "organisation")
                .annotate(rank=rank).order_by("rank", "username")[:max(1, min(limit, 20))])



# --- Administration (administrators only) -------------------------------------------------

MANAGE_KINDS = ("employee", "guest", "official", "admin")
MANAGE_STATES = ("active", "inactive")


def manage_people(actor, *, text: str = "", department=None, kind: str = "",
                  state: str = ""):
    """Every account, for the administration's people list: a search over username, names
    and e-mail, filtered by department (an id, or ``"none"``), kind and state."""
    from .actions.manage import check_admin

    check_admin(actor)
    people = get_user_model().objects.select_related("department", "organisation")
    text = (text or "").strip().lstrip("@")[:100]
    if text:
        people = people.filter(
            Q(username__icontains=text) | Q(display_name__icontains=text)
            | Q(first_name__icontains=text) | Q(last_name__icontains=text)
            | Q(email__icontains=text) | Q(job_title__icontains=text))
    if department == "none":
        people = people.filter(department__isnull=True)
    elif department:
        people = people.filter(department_id=_department_id(department))
    people = people.filter(**{
        "employee": {"kind": "employee", "is_official": False},
        "guest": {"kind": "guest"}, "official": {"is_official": True},
        "admin": {"is_staff": True}}.get(kind, {}))
    if state in MANAGE_STATES:
        people = people.filter(is_active=state == "active")
    return people.order_by("username")


def _department_id(value) -> int:
    from essaim.core.errors import ValidationFailed

    try:
        found = int(value)
    except (TypeError, ValueError):
        found = 0
    if not 0 < found < 2 ** 63:
        raise ValidationFailed(_("This department does not exist."), field="department")
    return found


def manage_counts(actor) -> dict[str, int]:
    """The figures of the administration's overview."""
    from django.db.models import Count

    from .actions.manage import check_admin
    from .models import Department

    check_admin(actor)
    figures = get_user_model().objects.aggregate(
        active=Count("pk", filter=Q(is_active=True, is_official=False)),
        inactive=Count("pk", filter=Q(is_active=False)),
        employees=Count("pk", filter=Q(is_active=True, kind="employee", is_official=False)),
        guests=Count("pk", filter=Q(is_active=True, kind="guest")),
        admins=Count("pk", filter=Q(is_active=True, is_staff=True)),
        officials=Count("pk", filter=Q(is_official=True)))
    figures["departments"] = Department.objects.count()
    return figures


def manage_departments(actor):
    """Departments with how many people (active or not) each holds."""
    from django.db.models import Count

    from .actions.manage import check_admin
    from .models import Department

    check_admin(actor)
    return Department.objects.annotate(
        people=Count("members", filter=Q(members__is_active=True)),
    ).order_by("name")


def manage_officials(actor):
    """Official accounts with their delegates, for the administration."""
    from .actions.manage import check_admin

    check_admin(actor)
    return (get_user_model().objects.filter(is_official=True)
            .prefetch_related("delegates").order_by("username"))
