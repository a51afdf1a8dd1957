"""The one visibility policy: each rule in its queryset form and its per-object form.

``sees`` asks both forms and fails if they disagree, so every rule below also checks that
``visible_posts`` and ``can_see_post`` give the same answer.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essaim import visibility as policy
from essaim.accounts.actions import do_deactivate_user
from essaim.core.errors import NotFound
from essaim.core.pagination import Cursor
from essaim.graph.actions import do_block, do_follow, do_mute
from essaim.notifications.queries import notifications_for
from essaim.posts.actions import do_create_post, do_relay
from essaim.posts.models import Post
from essaim.timelines import queries as timelines
from tests.core import worlds

ANONYMOUS = AnonymousUser()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def sees(viewer, post: Post) -> bool:
    """Whether ``viewer`` sees ``post``, asserting both forms of the policy agree."""
    post = Post.objects.select_related("author", "relay_of__author").get(pk=post.pk)
    if viewer is not None and viewer.is_authenticated:
        viewer.refresh_from_db()
    listed = policy.visible_posts(viewer).filter(pk=post.pk).exists()
    checked = policy.can_see_post(viewer, post)
    assert listed == checked, f"visible_posts says {listed}, can_see_post says {checked}"
    batched = policy.visible_among(viewer, [post]) == [post]
    assert batched == checked, f"visible_among says {batched}, can_see_post says {checked}"
    return checked


def ids(page) -> list[int]:
    return [p.id for p in page.posts]


def test_a_public_post_is_visible_to_everyone_including_anonymous_visitors_and_guests(
        alice, bob, guest):
    post = do_create_post(alice, "Hello world", visibility="public")
    assert sees(ANONYMOUS, post)
    assert sees(None, post)
    assert sees(bob, post)
    assert sees(guest, post)
    assert sees(alice, post)


def test_a_company_post_is_hidden_from_anonymous_visitors_and_external_guests(alice, bob, guest):
    post = do_create_post(alice, "Quarterly results are in", visibility="company")
    assert sees(bob, post)
    assert not sees(ANONYMOUS, post)
    assert not sees(guest, post)


def test_a_followers_only_post_is_seen_by_followers_and_mentioned_people_only(
        alice, bob, carol, make_user):
    dave = make_user("dave")
    do_follow(bob, alice)
    post = do_create_post(alice, "Just for my followers, and @dave", visibility="followers")
    assert sees(alice, post)
    assert sees(bob, post)
    assert sees(dave, post)
    assert not sees(carol, post)
    assert not sees(ANONYMOUS, post)
    assert post.id not in ids(timelines.company(bob, Cursor()))
    assert post.id not in ids(timelines.company(carol, Cursor()))


def test_a_direct_post_is_seen_only_by_its_author_and_the_people_it_mentions(
        alice, bob, carol):
    do_follow(carol, alice)
    post = do_create_post(alice, "@bob a word in private", visibility="direct")
    assert sees(alice, post)
    assert sees(bob, post)
    assert not sees(carol, post)  # following the author is not enough
    assert not sees(ANONYMOUS, post)


def test_a_guest_sees_a_direct_post_that_mentions_them_but_not_a_followers_only_one(
        alice, guest):
    direct = do_create_post(alice, "@gail welcome aboard", visibility="direct")
    followers = do_create_post(alice, "@gail internal note", visibility="followers")
    assert sees(guest, direct)
    assert not sees(guest, followers)


def test_a_guest_never_reaches_company_or_followers_posts_by_any_read_path(alice, bob, guest):
    do_follow(bob, alice)
    root = do_create_post(alice, "Public launch #launch", visibility="public")
    company = do_create_post(alice, "Internal details #launch @gail", visibility="company")
    followers = do_create_post(alice, "For followers #launch", visibility="followers")
    internal_reply = do_create_post(bob, "Inside comment", in_reply_to=root)
    public_reply = do_create_post(bob, "Public comment", in_reply_to=root, visibility="public")
    hidden = {company.id, followers.id, internal_reply.id}

    visible_ids = set(policy.visible_posts(guest).values_list("id", flat=True))
    assert visible_ids == {root.id, public_reply.id}
    for post in (company, followers, internal_reply):
        assert not sees(guest, post)
        with pytest.raises(NotFound):
            policy.access_post(guest, post.id)
    assert not hidden & set(ids(timelines.home(guest, Cursor(limit=40))))
    assert not hidden & set(ids(timelines.company(guest, Cursor(limit=40, ))))
    assert not hidden & set(ids(timelines.hashtag(guest, "launch", Cursor(limit=40))))
    _ancestors, descendants = timelines.thread(guest, root)
    assert [p.id for p in descendants] == [public_reply.id]
    assert not notifications_for(guest).exists()  # the mention in a company post is not shown


def test_blocking_hides_posts_in_both_directions(alice, bob):
    from_alice = do_create_post(alice, "Alice speaking", visibility="public")
    from_bob = do_create_post(bob, "Bob speaking", visibility="public")
    do_block(alice, bob)
    assert not sees(bob, from_alice)
    assert not sees(alice, from_bob)
    with pytest.raises(NotFound):
        policy.access_post(bob, from_alice.id)
    assert sees(alice, from_alice)  # one's own posts stay visible


def test_relays_of_a_blocked_persons_posts_are_hidden_from_the_blocker(alice, bob, carol):
    original = do_create_post(bob, "Something worth sharing")
    relay = do_relay(carol, original.id)
    do_follow(alice, carol)
    assert sees(alice, relay)
    do_block(alice, bob)
    assert not sees(alice, relay)
    assert sees(alice, do_create_post(carol, "Carol's own words"))
    assert relay.id not in ids(timelines.home(alice, Cursor()))


def test_a_blocked_person_does_not_see_relays_of_the_blockers_posts(alice, bob, carol):
    original = do_create_post(alice, "Alice's announcement")
    relay = do_relay(carol, original.id)
    do_block(alice, bob)
    assert not sees(bob, relay)


def test_a_muted_authors_posts_leave_home_and_company_timelines_but_the_link_still_opens(
        alice, bob):
    do_follow(alice, bob)
    post = do_create_post(bob, "Loud opinions")
    assert post.id in ids(timelines.home(alice, Cursor()))
    do_mute(alice, bob)
    assert post.id not in ids(timelines.home(alice, Cursor()))
    assert post.id not in ids(timelines.company(alice, Cursor()))
    assert policy.access_post(alice, post.id) == post
    assert sees(alice, post)  # muting is not hiding: the post itself stays readable
    assert not policy.visible_posts(alice, hide_muted=True).filter(pk=post.pk).exists()


def test_a_deactivated_authors_posts_vanish_for_everyone(alice, bob, carol):
    post = do_create_post(bob, "Farewell", visibility="public")
    relay = do_relay(carol, post.id)
    do_follow(alice, bob)
    do_deactivate_user(bob)
    for viewer in (alice, carol, ANONYMOUS):
        assert not sees(viewer, post)
        assert not sees(viewer, relay)  # a relay must not keep showing the content
    assert post.id not in ids(timelines.home(alice, Cursor()))
    assert relay.id not in ids(timelines.company(alice, Cursor(), with_replies=True))


def test_access_post_answers_not_found_for_garbage_and_missing_ids(alice):
    for garbage in ("abc", None, "", "12x", 10**15):
        with pytest.raises(NotFound):
            policy.access_post(alice, garbage)


def test_guests_and_anonymous_visitors_cannot_browse_accounts(alice, bob, guest):
    assert not policy.can_see_account(ANONYMOUS, alice)
    assert not policy.can_see_account(guest, alice)
    assert policy.can_see_account(guest, guest)
    assert list(policy.visible_accounts(guest)) == [guest]
    assert policy.can_see_account(bob, alice)


def test_a_blocked_person_cannot_see_the_blockers_account(alice, bob):
    do_block(alice, bob)
    assert not policy.can_see_account(bob, alice)
    assert alice not in policy.visible_accounts(bob)
    with pytest.raises(NotFound):
        policy.access_account(bob, "alice")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(kinds=worlds.kinds, ops=st.lists(st.one_of(worlds.graph_op, worlds.post_op,
                                                  worlds.late_op, worlds.community_op),
                                        max_size=14))
def test_the_queryset_and_per_object_forms_agree_for_every_viewer_and_post(db, kinds, ops):
    with worlds.rolled_back():
        cache.clear()
        world = worlds.build(kinds, ops)
        posts = list(Post.objects.select_related("author", "relay_of__author"))
        for viewer in [*world.users, ANONYMOUS]:
            listed = set(policy.visible_posts(viewer).values_list("id", flat=True))
            checked = {p.id for p in posts if policy.can_see_post(viewer, p)}
            assert listed == checked, f"disagreement for {viewer}"
            batched = {p.id for p in policy.visible_among(viewer, posts)}
            assert batched == listed, f"the batch form disagrees for {viewer}"
            unmuted = set(policy.visible_posts(viewer, hide_muted=True)
                          .values_list("id", flat=True))
            batched = {p.id for p in policy.visible_among(viewer, posts, hide_muted=True)}
            assert batched == unmuted, f"the batch form disagrees on mutes for {viewer}"
