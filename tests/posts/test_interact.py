"""Relays, likes, bookmarks and pins."""

from __future__ import annotations

import pytest

from essaim.core.errors import NotFound, PermissionDenied, ValidationFailed
from essaim.core.pagination import Cursor
from essaim.graph.actions import do_follow
from essaim.posts.actions import (
    do_bookmark,
    do_create_post,
    do_like,
    do_pin,
    do_relay,
    do_unbookmark,
    do_unlike,
    do_unpin,
    do_unrelay,
)
from essaim.posts.actions.interact import MAX_PINS
from essaim.posts.models import Post
from essaim.posts.queries import hydrate
from essaim.timelines import queries as timelines


def home_ids(user) -> list[int]:
    return [p.id for p in timelines.home(user, Cursor(limit=40)).posts]


def count(post: Post, field: str) -> int:
    post.refresh_from_db()
    return getattr(post, field)


def test_a_relay_reaches_the_relayers_followers(alice, bob, carol):
    do_follow(carol, bob)
    post = do_create_post(alice, "Worth reading")
    relay = do_relay(bob, post.id)
    assert relay.relay_of == post and relay.author == bob
    assert relay.id in home_ids(carol)
    card = hydrate(carol, timelines.home(carol, Cursor()).posts)[0]
    assert card.post == post and card.relayed_by == bob


def test_relaying_twice_gives_the_same_relay_and_counts_once(alice, bob):
    post = do_create_post(alice, "Worth reading")
    first = do_relay(bob, post.id)
    second = do_relay(bob, post.id)
    assert first.id == second.id
    assert Post.objects.filter(relay_of=post).count() == 1
    assert count(post, "relays_count") == 1


def test_relaying_a_relay_relays_the_original(alice, bob, carol):
    post = do_create_post(alice, "Worth reading")
    relay = do_relay(bob, post.id)
    assert do_relay(carol, relay.id).relay_of == post
    assert count(post, "relays_count") == 2


@pytest.mark.parametrize("visibility", ["followers", "direct"])
def test_followers_only_and_direct_posts_cannot_be_relayed(alice, bob, visibility):
    do_follow(bob, alice)
    post = do_create_post(alice, "@bob not for sharing", visibility=visibility)
    with pytest.raises(PermissionDenied) as err:
        do_relay(bob, post.id)
    assert "cannot be relayed" in err.value.message
    assert not Post.objects.filter(relay_of=post).exists()


def test_a_post_one_cannot_see_cannot_be_relayed_liked_or_bookmarked(alice, guest):
    post = do_create_post(alice, "Internal")
    for action in (do_relay, do_like, do_bookmark):
        with pytest.raises(NotFound):
            action(guest, post.id)


def test_unrelaying_removes_the_relay_from_timelines_and_the_count(alice, bob, carol):
    do_follow(carol, bob)
    post = do_create_post(alice, "Worth reading")
    relay = do_relay(bob, post.id)
    do_unrelay(bob, post.id)
    assert not Post.objects.filter(pk=relay.pk).exists()
    assert relay.id not in home_ids(carol)
    assert count(post, "relays_count") == 0
    do_unrelay(bob, post.id)  # nothing left to undo: no error
    assert count(post, "relays_count") == 0


def test_likes_are_counted_once_per_person_and_can_be_taken_back(alice, bob, carol):
    post = do_create_post(alice, "Like me")
    assert do_like(bob, post.id).likes_count == 1
    assert do_like(bob, post.id).likes_count == 1
    assert do_like(carol, post.id).likes_count == 2
    assert do_unlike(bob, post.id).likes_count == 1
    assert do_unlike(bob, post.id).likes_count == 1
    assert hydrate(carol, [post])[0].liked
    assert not hydrate(bob, [post])[0].liked


def test_liking_a_relay_likes_the_original(alice, bob, carol):
    post = do_create_post(alice, "Like me")
    relay = do_relay(bob, post.id)
    do_like(carol, relay.id)
    assert count(post, "likes_count") == 1
    assert count(relay, "likes_count") == 0


def test_bookmarks_are_private_and_listed_newest_first(alice, bob):
    first = do_create_post(alice, "First")
    second = do_create_post(alice, "Second")
    do_bookmark(bob, first.id)
    do_bookmark(bob, second.id)
    do_bookmark(bob, second.id)
    assert [p.id for p in timelines.bookmarks(bob, Cursor()).posts] == [second.id, first.id]
    assert timelines.bookmarks(alice, Cursor()).posts == []
    do_unbookmark(bob, first.id)
    assert [p.id for p in timelines.bookmarks(bob, Cursor()).posts] == [second.id]
    assert hydrate(bob, [second])[0].bookmarked


def test_one_can_pin_up_to_the_limit_of_ones_own_posts(alice, bob):
    posts = [do_create_post(alice, f"Post {i}") for i in range(MAX_PINS + 1)]
    for post in posts[:MAX_PINS]:
        do_pin(alice, post.id)
    with pytest.raises(ValidationFailed) as err:
        do_pin(alice, posts[-1].id)
    assert f"at most {MAX_PINS}" in err.value.message
    do_pin(alice, posts[0].id)  # pinning a pinned post again is fine
    do_unpin(alice, posts[0].id)
    do_pin(alice, posts[-1].id)
    assert Post.objects.filter(author=alice, pinned_at__isnull=False).count() == MAX_PINS


def test_one_cannot_pin_someone_elses_post_a_relay_or_a_direct_post(alice, bob):
    post = do_create_post(alice, "Alice's")
    with pytest.raises(PermissionDenied):
        do_pin(bob, post.id)
    with pytest.raises(ValidationFailed):
        do_pin(bob, do_relay(bob, post.id).id)
    with pytest.raises(ValidationFailed):
        do_pin(alice, do_create_post(alice, "@bob hi", visibility="direct").id)
