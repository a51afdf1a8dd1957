"""Following people and hashtags, and what it does to the home timeline."""

from __future__ import annotations

import pytest

from essaim.core.errors import NotFound, PermissionDenied, ValidationFailed
from essaim.core.pagination import Cursor
from essaim.graph import queries as graph
from essaim.graph.actions import (
    do_block,
    do_follow,
    do_follow_hashtag,
    do_unfollow,
    do_unfollow_hashtag,
)
from essaim.graph.models import Follow
from essaim.posts.actions import do_create_post
from essaim.timelines import queries as timelines


def home_ids(user) -> list[int]:
    return [p.id for p in timelines.home(user, Cursor(limit=40)).posts]


def test_one_cannot_follow_oneself(alice):
    with pytest.raises(ValidationFailed) as err:
        do_follow(alice, alice)
    assert err.value.message == "You cannot do that to yourself."
    assert not Follow.objects.exists()


def test_following_is_idempotent_and_shows_in_the_relationship(alice, bob):
    first = do_follow(alice, bob)
    assert do_follow(alice, bob) == first
    assert graph.relationship(alice, bob)["following"]
    assert graph.relationship(bob, alice)["followed_by"]
    assert not graph.relationship(bob, alice)["following"]


def test_following_brings_recent_posts_into_home_and_unfollowing_takes_them_away(alice, bob):
    older = do_create_post(bob, "Older post")
    newer = do_create_post(bob, "Newer post")
    assert home_ids(alice) == []
    do_follow(alice, bob)
    assert home_ids(alice) == [newer.id, older.id]
    later = do_create_post(bob, "After the follow")
    assert home_ids(alice) == [later.id, newer.id, older.id]
    do_unfollow(alice, bob)
    assert home_ids(alice) == []


def test_following_backfills_only_what_the_follower_may_see(alice, bob, carol):
    direct = do_create_post(bob, "@carol private", visibility="direct")
    followers = do_create_post(bob, "for followers", visibility="followers")
    do_follow(alice, bob)
    assert direct.id not in home_ids(alice)
    assert followers.id in home_ids(alice)


def test_guests_cannot_follow_nor_be_followed(alice, guest):
    with pytest.raises(NotFound):
        do_follow(guest, alice)  # a guest cannot even see the account
    with pytest.raises(PermissionDenied):
        do_follow(alice, guest)
    assert not Follow.objects.exists()


def test_one_cannot_follow_someone_who_blocked_you(alice, bob):
    do_block(bob, alice)
    with pytest.raises((NotFound, PermissionDenied)):
        do_follow(alice, bob)
    assert not Follow.objects.exists()


def test_following_a_hashtag_brings_its_posts_into_home(alice, bob):
    earlier = do_create_post(bob, "Talking about #Python")
    do_create_post(bob, "Talking about #rust")
    do_follow_hashtag(alice, "#python")
    assert home_ids(alice) == [earlier.id]
    later = do_create_post(bob, "More #python news")
    assert home_ids(alice) == [later.id, earlier.id]
    do_unfollow_hashtag(alice, "Python")
    assert home_ids(alice) == []


def test_a_followed_hashtag_does_not_leak_followers_only_posts(alice, bob):
    do_follow_hashtag(alice, "python")
    post = do_create_post(bob, "Only for my followers #python", visibility="followers")
    assert post.id not in home_ids(alice)


@pytest.mark.parametrize("name", ["", "#", "two words", "semi;colon", "x" * 101])
def test_a_malformed_hashtag_name_is_refused(alice, name):
    with pytest.raises(ValidationFailed):
        do_follow_hashtag(alice, name)


def test_guests_cannot_follow_hashtags(guest):
    with pytest.raises(PermissionDenied):
        do_follow_hashtag(guest, "python")



def test_following_backfills_self_threads_and_replies_to_people_one_follows(
        alice, bob, carol, make_user):
    from essaim.timelines.models import TimelineEntry
    from essaim.timelines.store import timeline_store

    dan = make_user("dan")
    do_follow(alice, carol)
    first = do_create_post(bob, "Thread 1/2")
    second = do_create_post(bob, "Thread 2/2", in_reply_to=first)
    to_carol = do_create_post(bob, "Hi Carol", in_reply_to=do_create_post(carol, "Hello"))
    to_dan = do_create_post(bob, "Hi Dan", in_reply_to=do_create_post(dan, "Question"))
    do_follow(alice, bob)
    home = home_ids(alice)
    assert {first.id, second.id, to_carol.id} <= set(home)
    assert to_dan.id not in home
    backfilled = set(TimelineEntry.objects.filter(owner=alice).values_list("post_id", "source_id"))
    timeline_store().rebuild(alice.id)
    rebuilt = set(TimelineEntry.objects.filter(owner=alice).values_list("post_id", "source_id"))
    assert backfilled == rebuilt
