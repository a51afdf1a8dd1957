"""Lists of accounts and their timelines."""

from __future__ import annotations

import pytest

from essaim.core.errors import NotFound, ValidationFailed
from essaim.core.pagination import Cursor
from essaim.graph import queries as graph
from essaim.graph.actions import (
    do_add_to_list,
    do_block,
    do_create_list,
    do_delete_list,
    do_remove_from_list,
    do_rename_list,
)
from essaim.graph.models import AccountList
from essaim.posts.actions import do_create_post
from essaim.timelines import queries as timelines


def list_ids(user, account_list) -> list[int]:
    return [p.id for p in timelines.account_list(user, account_list, Cursor(limit=40)).posts]


def test_a_list_can_be_created_renamed_and_deleted(alice):
    team = do_create_list(alice, "  Team  ")
    assert team.title == "Team"
    assert do_rename_list(alice, team.id, "Core team").title == "Core team"
    assert list(graph.lists_of(alice)) == [team]
    do_delete_list(alice, team.id)
    assert not AccountList.objects.exists()


@pytest.mark.parametrize("title", ["", "   ", "x" * 101])
def test_a_list_needs_a_sensible_title(alice, title):
    with pytest.raises(ValidationFailed):
        do_create_list(alice, title)
    assert not AccountList.objects.exists()


def test_someone_elses_list_is_not_found(alice, bob):
    team = do_create_list(alice, "Team")
    for action in (lambda: do_rename_list(bob, team.id, "Mine"),
                   lambda: do_delete_list(bob, team.id),
                   lambda: do_add_to_list(bob, team.id, [alice]),
                   lambda: do_rename_list(alice, "not-a-number", "x")):
        with pytest.raises(NotFound):
            action()
    team.refresh_from_db()
    assert team.title == "Team"


def test_the_list_timeline_shows_what_its_members_post(alice, bob, carol, make_user):
    dave = make_user("dave")
    team = do_create_list(alice, "Team")
    do_add_to_list(alice, team.id, [bob, carol])
    from_bob = do_create_post(bob, "Bob's news")
    from_carol = do_create_post(carol, "Carol's news")
    do_create_post(dave, "Dave is not in the list")
    inside_reply = do_create_post(carol, "Replying to Bob", in_reply_to=from_bob)
    outside_reply = do_create_post(bob, "Replying to Dave",
                                   in_reply_to=do_create_post(dave, "Dave asks"))
    ids = list_ids(alice, team)
    assert ids == [inside_reply.id, from_carol.id, from_bob.id]
    assert outside_reply.id not in ids
    do_remove_from_list(alice, team.id, [bob])
    assert list_ids(alice, team) == [from_carol.id]  # the reply now answers an outsider


def test_the_list_timeline_respects_visibility(alice, bob, guest):
    team = do_create_list(alice, "Team")
    do_add_to_list(alice, team.id, [bob])
    hidden = do_create_post(bob, "For my followers", visibility="followers")
    assert hidden.id not in list_ids(alice, team)


def test_one_cannot_add_an_invisible_account_to_a_list(alice, bob, guest):
    team = do_create_list(alice, "Team")
    do_block(bob, alice)
    with pytest.raises(NotFound):
        do_add_to_list(alice, team.id, [bob])
    guest_list = do_create_list(guest, "Mine")
    with pytest.raises(NotFound):
        do_add_to_list(guest, guest_list.id, [alice])
