"""Company, hashtag, profile and thread readers."""

from __future__ import annotations

from essaim.core.pagination import Cursor
from essaim.graph.actions import do_block, do_follow
from essaim.posts.actions import do_create_post, do_pin, do_relay
from essaim.timelines import queries as timelines


def ids(page) -> list[int]:
    return [p.id for p in page.posts]


def test_the_company_timeline_shows_original_posts_without_replies_or_relays(alice, bob):
    company = do_create_post(alice, "Hello company")
    public = do_create_post(bob, "Hello world", visibility="public")
    reply = do_create_post(bob, "Hi Alice", in_reply_to=company)
    relay = do_relay(bob, company.id)
    do_create_post(alice, "Followers", visibility="followers")
    do_create_post(alice, "@bob direct", visibility="direct")
    assert ids(timelines.company(bob, Cursor())) == [public.id, company.id]
    with_replies = ids(timelines.company(bob, Cursor(), with_replies=True))
    assert with_replies == [reply.id, public.id, company.id]
    assert relay.id not in with_replies


def test_the_hashtag_timeline_shows_visible_original_posts_carrying_the_tag(alice, bob, carol):
    first = do_create_post(alice, "Launch #Rocket")
    second = do_create_post(bob, "More #rocket news", visibility="public")
    do_relay(carol, first.id)
    hidden = do_create_post(alice, "Secret #rocket", visibility="followers")
    do_create_post(alice, "Other #boat")
    assert ids(timelines.hashtag(carol, "ROCKET", Cursor())) == [second.id, first.id]
    assert hidden.id not in ids(timelines.hashtag(carol, "rocket", Cursor()))
    assert ids(timelines.hashtag(None, "rocket", Cursor())) == [second.id]


def test_the_profile_can_leave_out_replies_and_relays_but_keeps_self_threads(alice, bob):
    original = do_create_post(alice, "Thread 1/2")
    self_reply = do_create_post(alice, "Thread 2/2", in_reply_to=original)
    reply = do_create_post(alice, "Answering Bob", in_reply_to=do_create_post(bob, "Q?"))
    relay = do_relay(alice, do_create_post(bob, "Worth it").id)
    everything = ids(timelines.profile(bob, alice, Cursor()))
    assert everything == [relay.id, reply.id, self_reply.id, original.id]
    assert ids(timelines.profile(bob, alice, Cursor(), exclude_replies=True)) == [
        relay.id, self_reply.id, original.id]
    assert ids(timelines.profile(bob, alice, Cursor(), exclude_relays=True)) == [
        reply.id, self_reply.id, original.id]


def test_pinned_posts_are_listed_for_the_profile(alice, bob):
    first = do_create_post(alice, "First")
    do_create_post(alice, "Second")
    third = do_create_post(alice, "Third")
    do_pin(alice, third.id)
    do_pin(alice, first.id)
    assert ids(timelines.profile(bob, alice, Cursor(), pinned=True)) == [third.id, first.id]
    assert [p.id for p in timelines.pinned_posts(bob, alice)] == [first.id, third.id]


def test_a_profile_shows_followers_only_posts_to_followers_only(alice, bob, carol):
    do_follow(bob, alice)
    post = do_create_post(alice, "Among us", visibility="followers")
    assert post.id in ids(timelines.profile(bob, alice, Cursor()))
    assert post.id not in ids(timelines.profile(carol, alice, Cursor()))
    assert post.id not in ids(timelines.profile(None, alice, Cursor()))


def test_a_thread_lists_ancestors_oldest_first_and_descendants_in_reading_order(
        alice, bob, carol):
    root = do_create_post(alice, "Root")
    a = do_create_post(bob, "A", in_reply_to=root)
    a1 = do_create_post(alice, "A1", in_reply_to=a)
    b = do_create_post(carol, "B", in_reply_to=root)
    a2 = do_create_post(carol, "A2", in_reply_to=a)
    a1x = do_create_post(bob, "A1x", in_reply_to=a1)
    ancestors, descendants = timelines.thread(carol, a1)
    assert [p.id for p in ancestors] == [root.id, a.id]
    assert [p.id for p in descendants] == [a1x.id]
    ancestors, descendants = timelines.thread(carol, root)
    assert ancestors == []
    assert [(p.id, p.depth) for p in descendants] == [
        (a.id, 1), (a1.id, 2), (a1x.id, 3), (a2.id, 2), (b.id, 1)]


def test_a_thread_drops_replies_from_blocked_people_and_what_hangs_below_them(
        alice, bob, carol):
    root = do_create_post(alice, "Root")
    blocked_reply = do_create_post(bob, "Rude", in_reply_to=root)
    do_create_post(carol, "Answering the rude one", in_reply_to=blocked_reply)
    fine = do_create_post(carol, "Kind", in_reply_to=root)
    do_block(alice, bob)
    _ancestors, descendants = timelines.thread(alice, root)
    assert [p.id for p in descendants] == [fine.id]
    ancestors, _descendants = timelines.thread(bob, fine)
    assert ancestors == []  # bob cannot see alice's root any more
