"""The home timeline: who gets what."""

from __future__ import annotations

from essaim.core.pagination import Cursor
from essaim.graph.actions import do_follow, do_follow_hashtag, do_mute
from essaim.posts.actions import do_create_post, do_relay
from essaim.timelines import queries as timelines


def home_ids(user) -> list[int]:
    return [p.id for p in timelines.home(user, Cursor(limit=40)).posts]


def test_home_holds_ones_own_posts_followed_people_and_followed_hashtags(
        alice, bob, carol, make_user):
    dave = make_user("dave")
    do_follow(alice, bob)
    do_follow_hashtag(alice, "design")
    own = do_create_post(alice, "My own")
    followed = do_create_post(bob, "From Bob")
    tagged = do_create_post(carol, "New logo #design")
    stranger = do_create_post(dave, "From a stranger")
    assert home_ids(alice) == [tagged.id, followed.id, own.id]
    assert stranger.id not in home_ids(alice)


def test_a_reply_reaches_only_those_who_follow_both_people(alice, bob, carol, make_user):
    dave, erin = make_user("dave"), make_user("erin")
    do_follow(alice, bob)
    do_follow(alice, carol)
    do_follow(dave, bob)  # dave follows bob but not carol
    do_follow(carol, bob)
    question = do_create_post(carol, "Any idea?")
    answer = do_create_post(bob, "Yes", in_reply_to=question)
    assert answer.id in home_ids(alice)
    assert answer.id in home_ids(carol)  # the person answered, who follows bob
    assert answer.id not in home_ids(dave)
    do_follow(erin, bob)
    continued = do_create_post(bob, "Continuing myself", in_reply_to=do_create_post(bob, "1/2"))
    assert continued.id in home_ids(erin) and continued.id in home_ids(dave)


def test_a_direct_post_reaches_the_home_of_those_it_mentions_only(alice, bob, carol):
    do_follow(carol, alice)
    post = do_create_post(alice, "@bob psst", visibility="direct")
    assert post.id in home_ids(bob)
    assert post.id in home_ids(alice)
    assert post.id not in home_ids(carol)


def test_a_relay_reaches_followers_of_the_relayer_but_not_the_original_author(alice, bob, carol):
    do_follow(alice, bob)
    do_follow(carol, bob)
    post = do_create_post(alice, "Look at this")
    relay = do_relay(bob, post.id)
    assert relay.id in home_ids(carol)
    assert relay.id not in home_ids(alice)  # alice already has her own post
    assert post.id in home_ids(alice)


def test_a_followers_only_post_reaches_followers_who_are_employees(alice, bob, carol):
    do_follow(bob, alice)
    post = do_create_post(alice, "Among us", visibility="followers")
    assert post.id in home_ids(bob)
    assert post.id not in home_ids(carol)


def test_the_new_posts_counter_ignores_ones_own_and_muted_posts(alice, bob, carol):
    do_follow(alice, bob)
    do_follow(alice, carol)
    marker = do_create_post(alice, "Seen up to here")
    do_create_post(alice, "My own")
    do_create_post(bob, "New from Bob")
    do_create_post(carol, "New from Carol")
    do_mute(alice, carol)
    assert timelines.home_newer_count(alice, marker.id) == 1
