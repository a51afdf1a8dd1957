"""Administration of communities by the company's administrators (not members): archive,
reopen, delete, and choose owners and animators. Every function checks the actor first."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from essaim import audit
from essaim.accounts.actions.manage import _as_id, check_admin
from essaim.core.errors import NotFound, ValidationFailed

from ..models import Community, Membership, Role
from . import communities
from .members import _add_member, _last_owner

ADMIN_ROLES = (Role.OWNER, Role.ANIMATOR, Role.MEMBER)


def access_community(actor, community_id) -> Community:
    """Any community, secret ones included, for an administrator."""
    check_admin(actor)
    found = Community.objects.filter(pk=_as_id(community_id)).first()
    if found is None:
        raise NotFound(_("This community does not exist."))
    return found


def do_admin_archive(actor, community: Community) -> Community:
    check_admin(actor)
    audit.record(actor, "community.archive", target=community)
    return communities.archive(community)


def do_admin_unarchive(actor, community: Community) -> Community:
    check_admin(actor)
    audit.record(actor, "community.reopen", target=community)
    return communities.unarchive(community)


def do_admin_delete(actor, community: Community) -> None:
    check_admin(actor)
    audit.record(actor, "community.delete", target=community,
                 before={"name": community.name, "kind": community.kind})
    communities.delete(community)


def _account(username: str):
    username = (username or "").strip().lstrip("@").lower()[:150]
    found = get_user_model().objects.filter(username__iexact=username).first() \
        if username else None
    if found is None or not found.is_active:
        raise ValidationFailed(_("Nobody active has the username @%(name)s.")
                               % {"name": username}, field="username")
    return found


def do_admin_set_role(actor, community: Community, username: str, role: str) -> Membership:
    """Make someone owner, animator or plain member of ``community`` (adding them if they are
    not a member yet); external guests keep the guest role, and a community keeps an owner."""
    check_admin(actor)
    if role not in ADMIN_ROLES:
        raise ValidationFailed(_("Unknown role."), field="role")
    account = _account(username)
    audit.record(actor, "community.role", target=community,
                 after={"username": account.username, "role": role})
    if account.is_guest or account.is_official:
        raise ValidationFailed(_("Only an employee can be an owner or an animator."),
                               field="username")
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(
            community=community, user=account).first()
        if membership is None:
            return _add_member(community, account, role)
        if membership.role == Role.OWNER and role != Role.OWNER \
                and _last_owner(community, account):
            raise ValidationFailed(_("A community keeps at least one owner: make someone "
                                     "else owner first."), field="role")
        membership.role = role
        membership.save(update_fields=["role"])
    return membership

