"""Notifications: one per event, never about oneself, never from muted or blocked people."""

from __future__ import annotations

from essaim.core.pagination import Cursor
from essaim.graph.actions import do_block, do_follow, do_mute
from essaim.notifications import queries
from essaim.notifications.actions import do_clear, do_dismiss, do_mark_read
from essaim.posts.actions import do_create_post, do_edit_post, do_like, do_relay, do_unlike


def kinds(user) -> list[tuple[str, str]]:
    """(kind, actor username) of the notifications ``user`` is shown, newest first."""
    return [(n.kind, n.actor.username) for n in queries.page(user, Cursor(limit=40))]


def test_a_mention_notifies_the_person_mentioned_once(alice, bob):
    post = do_create_post(alice, "Thanks @bob and again @bob")
    assert kinds(bob) == [("mention", "alice")]
    assert queries.page(bob, Cursor())[0].post == post


def test_a_reply_notifies_the_author_once_even_if_it_also_mentions_them(alice, bob):
    post = do_create_post(alice, "Question")
    do_create_post(bob, "@alice here is my answer", in_reply_to=post)
    assert kinds(alice) == [("reply", "bob")]


def test_a_private_reply_notifies_the_person_it_answers(alice, bob):
    post = do_create_post(alice, "@bob just between us", visibility="direct")
    do_create_post(bob, "Understood", in_reply_to=post)
    assert kinds(alice) == [("reply", "bob")]


def test_a_relay_a_quote_a_like_and_a_follow_each_notify_once(alice, bob, carol, make_user):
    dave = make_user("dave")
    post = do_create_post(alice, "Original")
    do_relay(bob, post.id)
    do_relay(bob, post.id)
    do_create_post(carol, "So true", quote_of=post)
    do_like(dave, post.id)
    do_like(dave, post.id)
    do_follow(bob, alice)
    do_follow(bob, alice)
    assert kinds(alice) == [("follow", "bob"), ("like", "dave"), ("quote", "carol"),
                            ("relay", "bob")]


def test_nobody_is_notified_about_their_own_doings(alice):
    post = do_create_post(alice, "Me, @alice, myself")
    do_create_post(alice, "Replying to myself", in_reply_to=post)
    do_like(alice, post.id)
    do_relay(alice, post.id)
    assert kinds(alice) == []


def test_muted_people_do_not_notify(alice, bob):
    do_mute(alice, bob)
    post = do_create_post(alice, "Hello")
    do_like(bob, post.id)
    do_create_post(bob, "@alice hi", visibility="public")
    assert kinds(alice) == []


def test_muting_someone_hides_their_earlier_notifications_too(alice, bob):
    do_like(bob, do_create_post(alice, "Hello").id)
    assert kinds(alice) == [("like", "bob")]
    do_mute(alice, bob)
    assert kinds(alice) == []


def test_blocked_people_do_not_notify_either_way(alice, bob):
    post = do_create_post(alice, "Hello", visibility="public")
    do_like(bob, post.id)
    do_block(alice, bob)
    assert kinds(alice) == []
    do_create_post(bob, "@alice are you there?", visibility="public")
    do_create_post(alice, "@bob I am", visibility="public")
    assert kinds(alice) == [] and kinds(bob) == []


def test_a_notification_about_a_post_one_can_no_longer_see_is_not_shown(alice, bob):
    post = do_create_post(alice, "@bob a secret", visibility="followers")
    assert kinds(bob) == [("mention", "alice")]
    do_edit_post(alice, post.id, "a secret for my followers only")
    assert kinds(bob) == []
    assert queries.unread_count(bob) == 0


def test_a_guest_is_not_told_about_internal_posts_mentioning_them(alice, guest):
    do_create_post(alice, "@gail is visiting on Monday")
    assert kinds(guest) == []
    do_create_post(alice, "@gail welcome!", visibility="direct")
    assert kinds(guest) == [("mention", "alice")]


def test_notifications_of_a_deactivated_person_disappear(alice, bob):
    from essaim.accounts.actions import do_deactivate_user

    do_like(bob, do_create_post(alice, "Hello").id)
    do_deactivate_user(bob)
    assert kinds(alice) == []


def test_the_unread_count_goes_down_when_notifications_are_read(alice, bob, carol):
    post = do_create_post(alice, "Hello")
    do_like(bob, post.id)
    do_like(carol, post.id)
    do_unlike(carol, post.id)
    assert queries.unread_count(alice) == 2
    oldest = queries.page(alice, Cursor())[-1]
    assert do_mark_read(alice, up_to_id=oldest.id) == 1
    assert queries.unread_count(alice) == 1
    assert do_mark_read(bob) == 0  # one cannot read someone else's
    do_mark_read(alice)
    assert queries.unread_count(alice) == 0


def test_notifications_can_be_filtered_dismissed_and_cleared(alice, bob):
    post = do_create_post(alice, "Hello")
    do_like(bob, post.id)
    do_follow(bob, alice)
    assert [n.kind for n in queries.notifications_for(alice, kinds=["follow"])] == ["follow"]
    assert [n.kind for n in queries.notifications_for(alice, exclude=["follow"])] == ["like"]
    like = queries.notifications_for(alice, kinds=["like"]).get()
    assert do_dismiss(bob, like.id) == 0
    assert do_dismiss(alice, like.id) == 1
    assert kinds(alice) == [("follow", "bob")]
    assert do_clear(alice) == 1
    assert kinds(alice) == []
