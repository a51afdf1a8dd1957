"""Blocking and muting."""

from __future__ import annotations

import pytest

from essaim.core.errors import ValidationFailed
from essaim.core.pagination import Cursor
from essaim.graph import queries as graph
from essaim.graph.actions import do_block, do_follow, do_mute, do_unblock, do_unmute
from essaim.graph.models import Follow
from essaim.posts.actions import do_create_post
from essaim.timelines import queries as timelines
from essaim.visibility import can_see_post


def home_ids(user) -> list[int]:
    return [p.id for p in timelines.home(user, Cursor(limit=40)).posts]


def test_blocking_removes_follows_both_ways_and_each_others_posts(alice, bob):
    do_follow(alice, bob)
    do_follow(bob, alice)
    from_alice = do_create_post(alice, "Alice here")
    from_bob = do_create_post(bob, "Bob here")
    do_block(alice, bob)
    assert not Follow.objects.exists()
    assert from_bob.id not in home_ids(alice)
    assert from_alice.id not in home_ids(bob)
    assert not can_see_post(bob, from_alice)
    assert graph.relationship(alice, bob)["blocking"]
    assert graph.relationship(bob, alice)["blocked_by"]


def test_a_blocked_persons_new_posts_stay_out_of_reach(alice, bob):
    do_block(alice, bob)
    post = do_create_post(bob, "Still talking", visibility="public")
    assert not can_see_post(alice, post)
    assert post.id not in [p.id for p in timelines.company(alice, Cursor()).posts]


def test_one_cannot_block_oneself(alice):
    with pytest.raises(ValidationFailed):
        do_block(alice, alice)


def test_unblocking_lets_posts_be_seen_again_but_does_not_restore_follows(alice, bob):
    do_follow(alice, bob)
    post = do_create_post(bob, "Hello")
    do_block(alice, bob)
    do_unblock(alice, bob)
    assert can_see_post(alice, post)
    assert not graph.is_following(alice, bob)


def test_muting_hides_posts_from_home_but_keeps_the_follow(alice, bob):
    do_follow(alice, bob)
    post = do_create_post(bob, "Noise")
    do_mute(alice, bob)
    assert post.id not in home_ids(alice)
    assert graph.is_following(alice, bob)
    assert graph.relationship(alice, bob)["muting"]
    later = do_create_post(bob, "More noise")
    assert later.id not in home_ids(alice)
    do_unmute(alice, bob)
    assert not graph.relationship(alice, bob)["muting"]
    newest = do_create_post(bob, "Welcome back")
    assert newest.id in home_ids(alice)


def test_muting_a_person_hides_their_relays_of_others_too(alice, bob, carol):
    from essaim.posts.actions import do_relay

    do_follow(alice, bob)
    relay = do_relay(bob, do_create_post(carol, "Interesting").id)
    assert relay.id in home_ids(alice)
    do_mute(alice, bob)
    assert relay.id not in home_ids(alice)
