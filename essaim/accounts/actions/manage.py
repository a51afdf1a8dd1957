"""Everyday administration of people and departments, for administrators (staff) only.

Every function checks the actor first (:func:`check_admin`), so no surface can forget it.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from essaim import audit
from essaim.core.errors import NotFound, PermissionDenied, ValidationFailed

from ..models import Department, Organisation
from .admin import do_create_department, do_create_user, do_deactivate_user, do_reactivate_user


def check_admin(actor) -> None:
    """Refuse anyone the policy does not let administer (:func:`visibility.may_administer`)."""
    from essaim import visibility as policy

    if not policy.may_administer(actor):
        raise PermissionDenied(_("This page is reserved for administrators."))


def _as_id(value) -> int | None:
    try:
        found = int(value)
    except (TypeError, ValueError):
        return None
    return found if 0 < found < 2 ** 63 else None


def access_person(actor, user_id):
    check_admin(actor)
    found = get_user_model().objects.filter(pk=_as_id(user_id)).first()
    if found is None:
        raise NotFound(_("This account does not exist."))
    return found


def access_department(actor, department_id) -> Department:
    check_admin(actor)
    found = Department.objects.filter(pk=_as_id(department_id)).first()
    if found is None:
        raise NotFound(_("This department does not exist."))
    return found


def do_admin_create_person(actor, username: str, *, name: str = "", email: str = "",
                           department_id=None):
    """Create an employee account; returns (account, generated password)."""
    check_admin(actor)
    department = access_department(actor, department_id) if department_id else None
    account, password = do_create_user(username, name=name, email=email, department=department)
    audit.record(actor, "account.create", target=account,
                 after={"username": account.username, "department": department and department.name})
    return account, password


def do_set_active(actor, account, active: bool) -> None:
    check_admin(actor)
    if account.pk == actor.pk and not active:
        raise ValidationFailed(_("You cannot deactivate your own account."))
    (do_reactivate_user if active else do_deactivate_user)(account)
    audit.record(actor, "account.reactivate" if active else "account.deactivate",
                 target=account, before={"active": not active}, after={"active": active})


def do_set_admin(actor, account, admin: bool) -> None:
    check_admin(actor)
    if account.pk == actor.pk and not admin:
        raise ValidationFailed(_("You cannot remove your own administrator rights."))
    if admin and account.is_guest:
        raise ValidationFailed(_("An external guest cannot be an administrator."))
    before = account.is_staff
    account.is_staff = admin
    account.save(update_fields=["is_staff"])
    audit.record(actor, "account.role", target=account, before={"admin": before},
                 after={"admin": admin})


def do_set_department(actor, account, department_id) -> None:
    check_admin(actor)
    if account.is_guest and department_id:
        raise ValidationFailed(_("An external guest belongs to an organisation, not to a "
                                 "department."))
    before = account.department.name if account.department_id else None
    account.department = access_department(actor, department_id) if department_id else None
    account.save(update_fields=["department"])
    audit.record(actor, "account.department", target=account, before={"department": before},
                 after={"department": account.department.name if account.department else None})


def do_make_guest(actor, account, organisation: str) -> None:
    """Mark an account as an external guest of ``organisation`` (it loses company access)."""
    check_admin(actor)
    organisation = (organisation or "").strip()[:150]
    if not organisation:
        raise ValidationFailed(_("Name the guest's organisation."), field="organisation")
    if account.pk == actor.pk or account.is_staff:
        raise ValidationFailed(_("An administrator cannot be made an external guest."))
    with transaction.atomic():
        found, _created = Organisation.objects.get_or_create(name=organisation)
        User = get_user_model()
        before = account.kind
        account.kind, account.organisation, account.department = User.Kind.GUEST, found, None
        account.save(update_fields=["kind", "organisation", "department"])
        audit.record(actor, "account.kind", target=account, before={"kind": before},
                     after={"kind": "guest", "organisation": found.name})


def do_admin_create_department(actor, name: str) -> Department:
    check_admin(actor)
    name = (name or "").strip()[:100]
    if Department.objects.filter(name__iexact=name).exists():
        raise ValidationFailed(_("This department exists already."), field="name")
    department = do_create_department(name)
    audit.record(actor, "department.create", target=department, after={"name": name})
    return department


def do_rename_department(actor, department: Department, name: str) -> Department:
    check_admin(actor)
    name = (name or "").strip()[:100]
    if not name:
        raise ValidationFailed(_("A department needs a name."), field="name")
    if Department.objects.filter(name__iexact=name).exclude(pk=department.pk).exists():
        raise ValidationFailed(_("This department exists already."), field="name")
    before = department.name
    department.name = name
    department.save(update_fields=["name"])
    audit.record(actor, "department.rename", target=department, before={"name": before},
                 after={"name": name})
    return department


def do_merge_departments(actor, source: Department, target: Department) -> int:
    """Move everyone of ``source`` into ``target`` and delete ``source``; returns how many
    people moved."""
    from essaim.posts.cache import forget_accounts

    check_admin(actor)
    if source.pk == target.pk:
        raise ValidationFailed(_("Choose another department to merge into."))
    with transaction.atomic():
        people = get_user_model().objects.filter(department=source)
        forget_accounts(list(people.values_list("id", flat=True)))  # update() sends no signal
        moved = people.update(department=target)
        audit.record(actor, "department.merge", target=target,
                     before={"department": source.name}, after={"into": target.name,
                                                                "people": moved})
        source.delete()
    return moved
