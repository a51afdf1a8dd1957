"""Creating communities, joining, approving, inviting, roles, leaving, archiving, deleting."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from essaim import visibility as policy
from essaim.communities import actions
from essaim.communities.models import Community, Invitation, JoinRequest, Membership
from essaim.core.errors import NotFound, PermissionDenied, ValidationFailed
from essaim.notifications.models import Notification
from essaim.posts.actions import do_create_post


def role(user, community):
    row = Membership.objects.filter(user=user, community=community).first()
    return row.role if row else None


def test_the_creator_of_a_community_becomes_its_owner(alice):
    community = actions.do_create_community(alice, "  Green   Office ", description="Less waste",
                                            tags="#Ecology, energy, ecology")
    assert community.name == "Green Office"
    assert community.slug == "green-office"
    assert community.tag_list() == ["ecology", "energy"]
    assert role(alice, community) == "owner"
    assert community.members_count == 1


def test_two_communities_with_the_same_name_get_different_addresses(alice):
    first = actions.do_create_community(alice, "Atlas")
    second = actions.do_create_community(alice, "Atlas")
    assert first.slug != second.slug


def test_guests_cannot_create_communities(guest):
    with pytest.raises(PermissionDenied):
        actions.do_create_community(guest, "Outside club")


def test_a_community_needs_a_name_and_a_known_kind(alice):
    with pytest.raises(ValidationFailed):
        actions.do_create_community(alice, "   ")
    with pytest.raises(ValidationFailed):
        actions.do_create_community(alice, "Atlas", kind="public-ish")
    assert not Community.objects.exists()


def test_the_call_for_tenders_template_prepares_a_folder_a_task_list_and_is_closed(alice):
    deadline = timezone.now() + timedelta(days=10)
    community = actions.do_create_community(alice, "Tender ACME", template="tender",
                                            deadline=deadline)
    assert community.kind == "closed"
    assert [f.name for f in community.folders.all()] == ["Bid documents"]
    assert [t.name for t in community.task_lists.all()] == ["Bid tasks"]
    assert community.deadline == deadline


def test_anyone_joins_an_open_community_at_once(make_community, alice, bob):
    community = make_community(alice, kind="open")
    membership = actions.do_join(bob, community)
    assert isinstance(membership, Membership)
    assert membership.follows
    community.refresh_from_db()
    assert community.members_count == 2


def test_joining_a_closed_community_waits_for_an_animators_approval(make_community, alice,
                                                                    bob):
    community = make_community(alice, kind="closed")
    request = actions.do_join(bob, community, "I work on the bid")
    assert isinstance(request, JoinRequest)
    assert role(bob, community) is None
    notice = Notification.objects.get(recipient=alice, kind="join_req")
    assert notice.community == community and notice.actor == bob
    with pytest.raises(PermissionDenied):
        actions.do_approve_request(bob, community, bob)
    actions.do_approve_request(alice, community, bob)
    assert role(bob, community) == "member"
    assert Notification.objects.filter(recipient=bob, kind="approved").exists()


def test_a_secret_community_cannot_be_joined_without_an_invitation(make_community, alice,
                                                                   bob):
    community = make_community(alice, kind="secret")
    with pytest.raises(NotFound):
        actions.do_join(bob, community)
    assert not JoinRequest.objects.exists()
    invitation = actions.do_invite_account(alice, community, bob)
    assert policy.can_see_community(bob, community)  # the invitee sees what they are invited to
    assert actions.do_join(bob, community).role == "member"
    assert not Invitation.objects.get(pk=invitation.pk).is_pending


def test_guests_join_only_external_communities_and_only_by_invitation(make_community, alice,
                                                                      guest):
    internal = make_community(alice, kind="open")
    external = make_community(alice, "Client Horizon", kind="external")
    with pytest.raises(PermissionDenied):
        actions.do_join(guest, internal)
    with pytest.raises(ValidationFailed):
        actions.do_invite_account(alice, internal, guest)
    with pytest.raises(PermissionDenied):
        actions.do_join(guest, external)
    invitation = actions.do_invite_account(alice, external, guest)
    assert Notification.objects.filter(recipient=guest, kind="invited").exists()
    assert actions.do_accept_invitation(guest, invitation.pk).role == "guest"


def test_an_email_invitation_creates_a_guest_account_tied_to_the_organisation(
        make_community, alice, client):
    external = make_community(alice, "Client Horizon", kind="external")
    invitation = actions.do_invite_email(alice, external, "jordan@horizon.example",
                                         "Client Horizon")
    user, membership = actions.do_register_guest(invitation.token, "jordan",
                                                 "a long enough password", "Jordan L.")
    assert user.is_guest and user.organisation.name == "Client Horizon"
    assert user.email == "jordan@horizon.example"
    assert membership.role == "guest" and membership.community == external
    with pytest.raises(NotFound):  # a link works once
        actions.do_register_guest(invitation.token, "jordan2", "a long enough password")


def test_an_email_invitation_to_an_internal_community_must_name_a_colleague(make_community,
                                                                            alice, bob):
    community = make_community(alice, kind="closed")
    with pytest.raises(ValidationFailed):
        actions.do_invite_email(alice, community, "stranger@else.example", "Else")
    bob.email = "bob@example.com"
    bob.save()
    invitation = actions.do_invite_email(alice, community, "BOB@example.com")
    assert invitation.account == bob


def test_only_animators_invite_into_closed_communities(make_community, alice, bob, carol):
    community = make_community(alice, kind="closed", members=[bob])
    with pytest.raises(PermissionDenied):
        actions.do_invite_account(bob, community, carol)
    actions.do_set_role(alice, community, bob, "animator")
    assert actions.do_invite_account(bob, community, carol).account == carol


def test_the_last_owner_cannot_leave_nor_be_demoted(make_community, alice, bob):
    community = make_community(alice, members=[bob])
    with pytest.raises(ValidationFailed):
        actions.do_leave(alice, community)
    with pytest.raises(ValidationFailed):
        actions.do_set_role(alice, community, alice, "member")
    actions.do_set_role(alice, community, bob, "owner")
    actions.do_leave(alice, community)
    assert role(alice, community) is None
    community.refresh_from_db()
    assert community.members_count == 1


def test_guests_keep_the_guest_role(make_community, alice, guest):
    community = make_community(alice, kind="external", guests=[guest])
    with pytest.raises(ValidationFailed):
        actions.do_set_role(alice, community, guest, "animator")


def test_animators_remove_members_but_not_owners(make_community, alice, bob, carol):
    community = make_community(alice, members=[bob, carol])
    actions.do_set_role(alice, community, bob, "animator")
    with pytest.raises(PermissionDenied):
        actions.do_remove_member(bob, community, alice)
    actions.do_remove_member(bob, community, carol)
    assert role(carol, community) is None


def test_an_archived_community_is_read_only(make_community, alice, bob):
    community = make_community(alice, members=[bob])
    post = do_create_post(bob, "Before archiving", community=community)
    actions.do_archive(alice, community)
    with pytest.raises(PermissionDenied):
        do_create_post(bob, "After archiving", community=community)
    with pytest.raises(PermissionDenied):
        do_create_post(bob, "A late reply", in_reply_to=post)
    assert policy.can_see_post(bob, post)  # still readable by its members
    actions.do_unarchive(alice, community)
    assert do_create_post(bob, "Back again", community=community).community == community


def test_a_community_past_its_deadline_is_archived_and_animators_are_reminded_before(
        make_community, alice, bob):
    soon = make_community(alice, "Tender", deadline=timezone.now() + timedelta(days=2),
                          members=[bob])
    later = make_community(alice, "Later", deadline=timezone.now() + timedelta(days=30))
    assert actions.do_sweep_deadlines() == (0, 1)
    assert actions.do_sweep_deadlines() == (0, 0)  # one reminder only
    reminder = Notification.objects.get(kind="deadline")
    assert reminder.recipient == alice and reminder.community == soon
    assert not Notification.objects.filter(recipient=bob, kind="deadline").exists()
    archived, _reminded = actions.do_sweep_deadlines(now=timezone.now() + timedelta(days=3))
    assert archived == 1
    soon.refresh_from_db()
    later.refresh_from_db()
    assert soon.archived_at is not None and later.archived_at is None


def test_the_deadline_closes_the_community_even_before_the_sweep_runs(make_community, alice):
    community = make_community(alice, deadline=timezone.now() + timedelta(days=1))
    Community.objects.filter(pk=community.pk).update(
        deadline=timezone.now() - timedelta(minutes=1))
    community.refresh_from_db()
    with pytest.raises(PermissionDenied):
        do_create_post(alice, "Too late", community=community)


def test_deleting_a_community_deletes_its_posts_and_only_owners_may(make_community, alice,
                                                                    bob):
    community = make_community(alice, members=[bob])
    post = do_create_post(bob, "Inside", community=community)
    with pytest.raises(PermissionDenied):
        actions.do_delete_community(bob, community)
    actions.do_delete_community(alice, community)
    assert not Community.objects.exists()
    with pytest.raises(NotFound):
        policy.access_post(bob, post.id)
