"""Writing posts: text checks, parsing, safe HTML, replies, edits, deletes, official accounts."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from essaim.core.errors import PermissionDenied, RateLimited, ValidationFailed
from essaim.core.pagination import Cursor
from essaim.graph.actions import do_follow
from essaim.posts.actions import (
    do_create_post,
    do_delete_post,
    do_edit_post,
    do_set_reply_policy,
)
from essaim.posts.models import Hashtag, Post, PostEdit
from essaim.timelines import queries as timelines


def home_ids(user) -> list[int]:
    return [p.id for p in timelines.home(user, Cursor(limit=40)).posts]


def test_an_empty_post_is_refused_and_nothing_is_written(alice):
    for text in ("", "   ", "\n\n"):
        with pytest.raises(ValidationFailed) as err:
            do_create_post(alice, text)
        assert err.value.message == "A post cannot be empty."
        assert err.value.status == 422
    assert not Post.objects.exists()


def test_an_overlong_post_is_refused_with_the_limit_in_the_message(alice, settings):
    settings.ESSAIM_POST_MAX_CHARS = 10
    with pytest.raises(ValidationFailed) as err:
        do_create_post(alice, "x" * 11)
    assert "at most 10 characters" in err.value.message
    assert "this one has 11" in err.value.message
    assert not Post.objects.exists()
    assert do_create_post(alice, "x" * 10).text == "x" * 10


def test_surrounding_whitespace_is_trimmed_and_windows_line_ends_normalised(alice):
    post = do_create_post(alice, "  line one\r\nline two  ")
    assert post.text == "line one\nline two"
    assert "line one<br>line two" in post.html


def test_hashtags_are_extracted_once_each_whatever_their_case(alice):
    post = do_create_post(alice, "Shipping #Python and #python again, and #rust. Not #123.")
    assert sorted(post.hashtags.values_list("name", flat=True)) == ["python", "rust"]
    assert Hashtag.objects.get(name="python").display == "Python"
    assert 'href="/tags/python/"' in post.html


def test_mentions_of_existing_people_are_recorded_and_linked_others_are_left_as_text(
        alice, bob):
    post = do_create_post(alice, "Thanks @Bob and @nobody, and me @alice")
    assert list(post.mentions.all()) == [bob]  # one does not mention oneself
    assert 'href="/@bob/"' in post.html
    assert "@nobody" in post.html and "/@nobody/" not in post.html


def test_html_typed_in_a_post_is_escaped_never_run(alice):
    post = do_create_post(alice, '<script>alert(1)</script> <img src=x onerror=alert(2)> '
                                 '<a href="javascript:alert(3)">x</a>')
    assert "<script" not in post.html
    assert "<img" not in post.html
    assert '<a href="javascript' not in post.html
    assert "&lt;script&gt;" in post.html and "&lt;a href" in post.html
    assert post.text.startswith("<script>")  # the text itself is kept as written


def test_links_become_safe_anchors(alice):
    post = do_create_post(alice, "See https://example.com/page?a=1&b=2.")
    assert 'href="https://example.com/page?a=1&amp;b=2"' in post.html
    assert 'rel="nofollow noopener noreferrer"' in post.html


def test_an_unknown_visibility_or_reply_policy_is_refused(alice):
    with pytest.raises(ValidationFailed):
        do_create_post(alice, "hello", visibility="everyone-on-earth")
    with pytest.raises(ValidationFailed):
        do_create_post(alice, "hello", reply_policy="maybe")
    assert not Post.objects.exists()


def test_a_guests_company_post_is_narrowed_since_guests_cannot_address_the_company(guest):
    assert do_create_post(guest, "hello").visibility == "followers"
    assert do_create_post(guest, "hello @alice").visibility == "direct"


def test_replying_to_a_closed_post_is_refused(alice, bob):
    post = do_create_post(alice, "No comments please", reply_policy="nobody")
    with pytest.raises(PermissionDenied) as err:
        do_create_post(bob, "But...", in_reply_to=post)
    assert err.value.message == "The author has closed comments on this post."
    assert Post.objects.count() == 1
    assert do_create_post(alice, "Addendum", in_reply_to=post).in_reply_to == post


def test_people_i_follow_may_reply_when_the_policy_says_so(alice, bob, carol):
    do_follow(alice, bob)
    post = do_create_post(alice, "Team only", reply_policy="following")
    assert do_create_post(bob, "Sure", in_reply_to=post).in_reply_to == post
    with pytest.raises(PermissionDenied) as err:
        do_create_post(carol, "Me too", in_reply_to=post)
    assert "people the author follows" in err.value.message


def test_only_mentioned_people_may_reply_when_the_policy_says_so(alice, bob, carol):
    post = do_create_post(alice, "@bob what do you think?", reply_policy="mentioned")
    assert do_create_post(bob, "Good idea", in_reply_to=post).in_reply_to == post
    with pytest.raises(PermissionDenied):
        do_create_post(carol, "Me too", in_reply_to=post)


def test_the_author_can_close_replies_later_and_it_is_enforced(alice, bob):
    post = do_create_post(alice, "Open for now")
    do_create_post(bob, "First!", in_reply_to=post)
    do_set_reply_policy(alice, post.id, "nobody")
    with pytest.raises(PermissionDenied):
        do_create_post(bob, "Second", in_reply_to=post)
    do_set_reply_policy(alice, post.id, "everyone")
    assert do_create_post(bob, "Second", in_reply_to=post).in_reply_to == post


def test_only_the_author_can_change_the_reply_policy(alice, bob):
    post = do_create_post(alice, "Mine")
    with pytest.raises(PermissionDenied):
        do_set_reply_policy(bob, post.id, "nobody")
    post.refresh_from_db()
    assert post.reply_policy == "everyone"


def test_a_reply_is_never_more_visible_than_its_parent(alice, bob):
    do_follow(bob, alice)
    parent = do_create_post(alice, "For my followers", visibility="followers")
    reply = do_create_post(bob, "Agreed", in_reply_to=parent, visibility="public")
    assert reply.visibility == "followers"
    direct = do_create_post(alice, "@bob between us", visibility="direct")
    assert do_create_post(bob, "ok", in_reply_to=direct).visibility == "direct"
    public = do_create_post(alice, "Everyone", visibility="public")
    assert do_create_post(bob, "Inside", in_reply_to=public).visibility == "company"


def test_the_person_replied_to_sees_a_private_reply_to_their_own_post(alice, bob):
    from essaim.visibility import can_see_post

    direct = do_create_post(alice, "@bob between us", visibility="direct")
    answer = do_create_post(bob, "Understood", in_reply_to=direct)
    assert can_see_post(alice, answer)
    do_follow(bob, alice)
    followers = do_create_post(alice, "Followers only", visibility="followers")
    comment = do_create_post(bob, "Nice", in_reply_to=followers)
    assert can_see_post(alice, comment)  # alice does not follow bob, but it answers her


def test_replies_keep_the_thread_root_and_count_on_the_parent(alice, bob):
    root = do_create_post(alice, "Root")
    first = do_create_post(bob, "First", in_reply_to=root)
    second = do_create_post(alice, "Second", in_reply_to=first)
    assert first.thread_root == root and second.thread_root == root
    assert second.in_reply_to_account == bob
    root.refresh_from_db()
    assert root.replies_count == 1


def test_a_relay_cannot_be_replied_to(alice, bob):
    from essaim.posts.actions import do_relay

    relay = do_relay(bob, do_create_post(alice, "Original").id)
    with pytest.raises(PermissionDenied):
        do_create_post(alice, "reply", in_reply_to=relay)


def test_editing_keeps_the_history_and_marks_the_post_edited(alice, bob):
    post = do_create_post(alice, "Frist version #draft")
    assert post.edited_at is None
    do_edit_post(alice, post.id, "First version #final @bob")
    do_edit_post(alice, post.id, "First version, final #final")
    post.refresh_from_db()
    assert post.text == "First version, final #final"
    assert post.edited_at is not None
    assert list(PostEdit.objects.filter(post=post).values_list("text", flat=True)) == [
        "Frist version #draft", "First version #final @bob", "First version, final #final"]
    assert list(post.hashtags.values_list("name", flat=True)) == ["final"]
    assert not post.mentions.exists()


def test_only_the_author_can_edit_and_edits_are_checked_like_new_posts(alice, bob):
    post = do_create_post(alice, "Mine")
    with pytest.raises(PermissionDenied):
        do_edit_post(bob, post.id, "Hijacked")
    with pytest.raises(ValidationFailed):
        do_edit_post(alice, post.id, "   ")
    post.refresh_from_db()
    assert post.text == "Mine" and not post.edits.exists()


def test_deleting_a_post_removes_it_from_timelines_and_decrements_its_parents_count(alice, bob):
    do_follow(bob, alice)
    root = do_create_post(alice, "Root")
    reply = do_create_post(alice, "Self reply", in_reply_to=root)
    assert reply.id in home_ids(bob)
    do_delete_post(alice, reply.id)
    assert reply.id not in home_ids(bob)
    assert not Post.objects.filter(pk=reply.pk).exists()
    root.refresh_from_db()
    assert root.replies_count == 0


def test_deleting_a_post_takes_its_relays_with_it(alice, bob, carol):
    from essaim.posts.actions import do_relay

    do_follow(carol, bob)
    post = do_create_post(alice, "Soon gone")
    relay = do_relay(bob, post.id)
    assert relay.id in home_ids(carol)
    do_delete_post(alice, post.id)
    assert not Post.objects.filter(pk__in=[post.pk, relay.pk]).exists()
    assert relay.id not in home_ids(carol)


def test_only_the_author_or_an_administrator_can_delete(alice, bob, make_user):
    admin = make_user("root", admin=True)
    post = do_create_post(alice, "Mine")
    with pytest.raises(PermissionDenied):
        do_delete_post(bob, post.id)
    assert Post.objects.filter(pk=post.pk).exists()
    do_delete_post(admin, post.id)
    assert not Post.objects.filter(pk=post.pk).exists()


def test_a_delegate_posts_as_the_official_account(alice, bob, make_user):
    news = make_user("news", name="Company news", is_official=True)
    news.delegates.add(alice)
    post = do_create_post(alice, "The canteen reopens", author=news)
    assert post.author == news and post.posted_by == alice
    do_edit_post(alice, post.id, "The canteen reopens on Monday")
    with pytest.raises(PermissionDenied) as err:
        do_create_post(bob, "Fake news", author=news)
    assert err.value.message == "You cannot post as this account."
    assert not Post.objects.filter(text="Fake news").exists()


def test_nobody_posts_as_an_ordinary_colleague(alice, bob):
    with pytest.raises(PermissionDenied):
        do_create_post(bob, "I am Alice", author=alice)


def test_posting_too_fast_is_refused_until_the_window_passes(alice, bob, settings):
    settings.ESSAIM_RATE_POST = "3/60"
    cache.clear()
    for i in range(3):
        do_create_post(alice, f"post {i}")
    with pytest.raises(RateLimited) as err:
        do_create_post(alice, "one too many")
    assert err.value.status == 429
    assert Post.objects.filter(author=alice).count() == 3
    do_create_post(bob, "others are not slowed down")


def test_a_quote_may_have_no_text_and_is_counted_on_the_quoted_post(alice, bob):
    post = do_create_post(alice, "Quotable")
    quote = do_create_post(bob, "", quote_of=post)
    assert quote.quote_of == post
    post.refresh_from_db()
    assert post.quotes_count == 1
    do_delete_post(bob, quote.id)
    post.refresh_from_db()
    assert post.quotes_count == 0


def test_a_followers_only_post_cannot_be_quoted(alice, bob):
    do_follow(bob, alice)
    post = do_create_post(alice, "Among us", visibility="followers")
    with pytest.raises(PermissionDenied):
        do_create_post(bob, "Look at this", quote_of=post)
    assert not Post.objects.filter(quote_of=post).exists()
