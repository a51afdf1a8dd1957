"""Joining, leaving, approving, roles, following, invitations (by account or by e-mail)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core.errors import NotFound, PermissionDenied, ValidationFailed
from essaim.core.jobs import enqueue_on_commit
from essaim.notifications.models import Notification

from ..access import require_member, require_moderator, require_writable
from ..models import Community, Invitation, JoinRequest, Membership, Role
from ..models.community import MODERATING_ROLES
from .communities import _refresh_home
from .notify import notify

Kind = Community.Kind


def _add_member(community: Community, user, role: str, invited_by=None) -> Membership:
    """Make ``user`` a member (joining follows the community by default)."""
    with transaction.atomic():
        found = Membership.objects.filter(community=community, user=user).first()
        if found is not None:
            return found
        try:
            with transaction.atomic():
                membership = Membership.objects.create(community=community, user=user,
                                                       role=role, invited_by=invited_by)
        except IntegrityError:  # joined twice at once
            return Membership.objects.get(community=community, user=user)
        Community.objects.filter(pk=community.pk).update(members_count=F("members_count") + 1)
        JoinRequest.objects.filter(community=community, user=user).delete()
        Invitation.objects.filter(community=community, account=user, accepted_at__isnull=True,
                                  declined_at__isnull=True).update(
            accepted_at=timezone.now(), accepted_by=user)
    _refresh_home(user.id)
    return membership


def _pending_invitation(user, community) -> Invitation | None:
    return Invitation.objects.filter(community=community, account_id=user.id,
                                     accepted_at__isnull=True, declined_at__isnull=True).first()


def do_join(user, community: Community, message: str = ""):
    """Join an open community, ask to join a closed or external one, or accept an invitation.

    Returns the Membership, or the JoinRequest waiting for an animator.
    """
    require_writable(community)
    existing = Membership.objects.filter(community=community, user=user).first()
    if existing is not None:
        return existing
    invitation = _pending_invitation(user, community)
    if invitation is not None:
        return do_accept_invitation(user, invitation.pk)
    if user.is_guest:
        raise PermissionDenied(_("External guests join communities by invitation only."))
    if community.kind == Kind.SECRET:
        raise NotFound(_("This community does not exist or is not visible to you."))
    if community.kind == Kind.OPEN:
        return _add_member(community, user, Role.MEMBER)
    request, _created = JoinRequest.objects.get_or_create(
        community=community, user=user, defaults={"message": (message or "").strip()[:300]})
    if _created:
        for row in Membership.objects.filter(community=community, role__in=MODERATING_ROLES
                                             ).select_related("user"):
            notify(row.user, Notification.Kind.JOIN_REQUEST, community, actor=user)
    return request


def do_cancel_request(user, community: Community) -> None:
    JoinRequest.objects.filter(community=community, user=user).delete()


def do_approve_request(moderator, community: Community, user) -> Membership:
    require_moderator(moderator, community)
    require_writable(community)
    if not JoinRequest.objects.filter(community=community, user=user).exists():
        raise NotFound(_("This person has not asked to join."))
    membership = _add_member(community, user, Role.MEMBER, invited_by=moderator)
    notify(user, Notification.Kind.APPROVED, community, actor=moderator)
    return membership


def do_reject_request(moderator, community: Community, user) -> None:
    require_moderator(moderator, community)
    JoinRequest.objects.filter(community=community, user=user).delete()


def _remove(community: Community, user) -> None:
    with transaction.atomic():
        deleted, _rows = Membership.objects.filter(community=community, user=user).delete()
        if deleted:
            Community.objects.filter(pk=community.pk, members_count__gt=0).update(
                members_count=F("members_count") - 1)
    _refresh_home(user.id)


def _last_owner(community: Community, user) -> bool:
    owners = Membership.objects.filter(community=community, role=Role.OWNER)
    return owners.filter(user=user).exists() and owners.count() == 1


def do_leave(user, community: Community) -> None:
    require_member(user, community)
    if _last_owner(community, user) and community.members_count > 1:
        raise ValidationFailed(_("You are the only owner: make someone else owner first."))
    _remove(community, user)


def do_remove_member(moderator, community: Community, user) -> None:
    mine = require_moderator(moderator, community)
    theirs = Membership.objects.filter(community=community, user=user).first()
    if theirs is None:
        raise NotFound(_("This person is not a member."))
    if theirs.role == Role.OWNER and mine.role != Role.OWNER:
        raise PermissionDenied(_("Only an owner can remove another owner."))
    if _last_owner(community, user):
        raise ValidationFailed(_("A community keeps at least one owner."))
    _remove(community, user)


def do_set_role(owner, community: Community, user, role: str) -> Membership:
    """Change a member's role (owners only); guests always stay guests."""
    mine = require_moderator(owner, community)
    if mine.role != Role.OWNER:
        raise PermissionDenied(_("Only the community's owners can change roles."))
    if role not in (Role.OWNER, Role.ANIMATOR, Role.MEMBER):
        raise ValidationFailed(_("Unknown role."), field="role")
    theirs = Membership.objects.filter(community=community, user=user).first()
    if theirs is None:
        raise NotFound(_("This person is not a member."))
    if user.is_guest:
        raise ValidationFailed(_("External guests keep the guest role."), field="role")
    if theirs.role == Role.OWNER and role != Role.OWNER and _last_owner(community, user):
        raise ValidationFailed(_("A community keeps at least one owner."), field="role")
    theirs.role = role
    theirs.save(update_fields=["role"])
    return theirs


def do_set_following(user, community: Community, follows: bool) -> Membership:
    """Whether the community's posts reach one's home timeline."""
    membership = require_member(user, community)
    if membership.follows != follows:
        membership.follows = follows
        membership.save(update_fields=["follows"])
        _refresh_home(user.id)
    return membership


# --- Invitations --------------------------------------------------------------------------

def _check_inviter(inviter, community: Community) -> Membership:
    mine = require_member(inviter, community)
    require_writable(community)
    if inviter.is_guest:
        raise PermissionDenied(_("External guests cannot invite people."))
    if community.kind != Kind.OPEN and mine.role not in MODERATING_ROLES:
        raise PermissionDenied(_("Only the community's owners and animators can invite."))
    return mine


def do_invite_account(inviter, community: Community, account) -> Invitation:
    """Invite an existing account (guests only into external communities)."""
    _check_inviter(inviter, community)
    if not account.is_active:
        raise NotFound(_("This account does not exist or is not visible to you."))
    if account.is_guest and community.kind != Kind.EXTERNAL:
        raise ValidationFailed(_("Only external communities can include external guests."))
    if Membership.objects.filter(community=community, user=account).exists():
        raise ValidationFailed(_("%(name)s is already a member.") % {"name": account.name})
    invitation = _pending_invitation(account, community)
    if invitation is not None:
        return invitation
    invitation = Invitation.objects.create(community=community, invited_by=inviter,
                                           account=account, token=secrets.token_urlsafe(32))
    notify(account, Notification.Kind.INVITED, community, actor=inviter)
    return invitation


def check_email(email: str) -> str:
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise ValidationFailed(_("Enter a valid e-mail address."), field="email") from exc
    return email


def do_invite_email(inviter, community: Community, email: str,
                    organisation: str = "") -> Invitation:
    """Invite someone by e-mail: an existing account is invited as such; anyone else gets a
    link that creates a guest account tied to their organisation (external communities)."""
    from essaim.accounts.models import Organisation

    email = check_email(email)
    existing = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    if existing is not None:
        return do_invite_account(inviter, community, existing)
    _check_inviter(inviter, community)
    if community.kind != Kind.EXTERNAL:
        raise ValidationFailed(_("Nobody here has this address; people from outside the "
                                 "company can only join external communities."), field="email")
    organisation = " ".join((organisation or "").split())[:150]
    if not organisation:
        raise ValidationFailed(_("Say which organisation the guest belongs to."),
                               field="organisation")
    org, _created = Organisation.objects.get_or_create(name=organisation)
    pending = Invitation.objects.filter(community=community, email__iexact=email,
                                        accepted_at__isnull=True, declined_at__isnull=True)
    pending.update(declined_at=timezone.now())  # the newest link is the one that works
    invitation = Invitation.objects.create(community=community, invited_by=inviter, email=email,
                                           organisation=org, token=secrets.token_urlsafe(32))
    if settings.ESSAIM_EMAIL_ENABLED:
        from ..mail import send_invitation_email

        enqueue_on_commit(send_invitation_email, invitation.pk)
    return invitation


def access_invitation_token(token: str) -> Invitation:
    invitation = Invitation.objects.select_related("community", "organisation", "account",
                                                   "invited_by").filter(
        token=str(token or "")[:64]).first()
    if invitation is None or not invitation.is_pending:
        raise NotFound(_("This invitation does not exist or is no longer valid."))
    return invitation


def do_accept_invitation(user, invitation_id) -> Membership:
    invitation = Invitation.objects.select_related("community").filter(
        pk=_int(invitation_id), account_id=user.id).first()
    if invitation is None or not invitation.is_pending:
        raise NotFound(_("This invitation does not exist or is no longer valid."))
    community = invitation.community
    require_writable(community)
    role = Role.GUEST if user.is_guest else Role.MEMBER
    return _add_member(community, user, role, invited_by=invitation.invited_by)


def do_decline_invitation(user, invitation_id) -> None:
    Invitation.objects.filter(pk=_int(invitation_id), account_id=user.id,
                              accepted_at__isnull=True).update(declined_at=timezone.now())


def do_revoke_invitation(moderator, community: Community, invitation_id) -> None:
    require_moderator(moderator, community)
    Invitation.objects.filter(pk=_int(invitation_id), community=community,
                              accepted_at__isnull=True).update(declined_at=timezone.now())


def do_register_guest(token: str, username: str, password: str, name: str = ""):
    """Accept an e-mail invitation: create the guest account, tied to the organisation the
    invitation names, and make it a guest of the community. Returns (user, membership)."""
    from essaim.accounts.actions import do_create_user

    invitation = access_invitation_token(token)
    if invitation.account_id is not None or not invitation.email:
        raise ValidationFailed(_("This invitation is for an existing account: sign in to "
                                 "accept it."))
    require_writable(invitation.community)
    with transaction.atomic():
        user, _password = do_create_user(username, password=password, email=invitation.email,
                                         name=name, guest_of=invitation.organisation.name)
        claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True,
                                            declined_at__isnull=True).update(
            accepted_at=timezone.now(), accepted_by=user, account=user)
        if not claimed:
            raise ValidationFailed(_("This invitation has already been used."))
        membership = _add_member(invitation.community, user, Role.GUEST,
                                 invited_by=invitation.invited_by)
    return user, membership


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
