"""A post shows once in a home timeline, however many followed people relay it."""

from essaim.core.pagination import Cursor
from essaim.graph.actions import do_follow
from essaim.posts.actions import do_create_post, do_relay
from essaim.timelines import queries
from essaim.timelines.store import timeline_store


def shown(user):
    return [(p.relay_of_id or p.id) for p in queries.home(user, Cursor(limit=40)).posts]


def test_a_post_relayed_by_two_followed_people_appears_once(alice, bob, carol, make_user):
    dan = make_user("dan")
    do_follow(dan, bob)
    do_follow(dan, carol)
    original = do_create_post(alice, "Worth a read")
    do_relay(bob, original)
    do_relay(carol, original)
    assert shown(dan) == [original.id]


def test_a_relay_of_a_post_already_on_home_is_not_added_again(alice, bob, carol):
    do_follow(carol, alice)
    do_follow(carol, bob)
    original = do_create_post(alice, "Seen already")
    do_relay(bob, original)
    assert shown(carol) == [original.id]


def test_a_rebuild_keeps_the_first_appearance_only(alice, bob, carol, make_user):
    dan = make_user("dan")
    do_follow(dan, bob)
    do_follow(dan, carol)
    original = do_create_post(alice, "Relayed twice")
    first = do_relay(bob, original)
    do_relay(carol, original)
    timeline_store().rebuild(dan.id)
    assert [p.id for p in queries.home(dan, Cursor()).posts] == [first.id]
