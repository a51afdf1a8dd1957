"""Writing posts, replies and quotes from the web forms."""

from __future__ import annotations

from django.test import override_settings
from django.urls import reverse

from essaim.posts.actions import do_create_post, do_set_reply_policy
from essaim.posts.models import Post


def _compose(client, text, **fields):
    data = {"text": text, "visibility": "company", "reply_policy": "everyone", **fields}
    return client.post(reverse("web:compose"), data)


def test_posting_from_the_form_publishes_and_goes_home(alice, signed_in):
    client = signed_in(alice)
    response = _compose(client, "Release 2.4 is out #release", next="/")
    assert response.status_code == 302
    post = Post.objects.get()
    assert (post.text, post.author, post.visibility) == ("Release 2.4 is out #release", alice,
                                                         "company")
    home = client.get(response.url).content.decode()
    assert "Release 2.4 is out" in home
    assert "Your post is published." in home


def test_the_chosen_visibility_and_reply_policy_are_kept(alice, signed_in):
    _compose(signed_in(alice), "For my followers", visibility="followers", reply_policy="nobody")
    post = Post.objects.get()
    assert (post.visibility, post.reply_policy) == ("followers", "nobody")


@override_settings(ESSAIM_POST_MAX_CHARS=50)
def test_an_overlong_post_shows_the_error_and_writes_nothing(alice, signed_in):
    text = "x" * 51
    response = _compose(signed_in(alice), text)
    assert response.status_code == 422
    html = response.content.decode()
    assert "at most 50 characters (this one has 51)" in html
    assert text in html  # what was typed is kept
    assert not Post.objects.exists()


def test_an_empty_post_is_refused_with_a_message(alice, signed_in):
    response = _compose(signed_in(alice), "   ")
    assert response.status_code == 422
    assert "cannot be empty" in response.content.decode()
    assert not Post.objects.exists()


def test_an_unknown_visibility_is_refused(alice, signed_in):
    response = _compose(signed_in(alice), "Hello", visibility="everyone-everywhere")
    assert response.status_code == 422
    assert not Post.objects.exists()


def test_the_compose_box_shows_the_character_limit(alice, signed_in):
    html = signed_in(alice).get(reverse("web:home")).content.decode()
    assert 'data-max="500"' in html
    assert 'aria-live="polite"' in html


def test_a_reply_goes_to_the_thread(alice, bob, signed_in):
    post = do_create_post(alice, "Who wants to review my design doc?", rate_limit=False)
    response = _compose(signed_in(bob), "@alice me!", in_reply_to=post.id)
    reply = Post.objects.get(in_reply_to=post)
    assert response.url == reverse("web:thread", args=[post.id]) + f"#post-{reply.id}"


def test_replying_to_a_closed_post_shows_the_refusal(alice, bob, signed_in):
    post = do_create_post(alice, "Announcement, no discussion", reply_policy="nobody",
                          rate_limit=False)
    client = signed_in(bob)
    thread = client.get(reverse("web:thread", args=[post.id])).content.decode()
    assert "The author has closed comments on this post." in thread
    assert 'id="reply-form"' not in thread
    response = _compose(client, "But I have a question", in_reply_to=post.id)
    assert response.status_code == 403
    assert "closed comments" in response.content.decode()
    assert not Post.objects.filter(in_reply_to=post).exists()


def test_the_author_can_reopen_comments_later(alice, bob, signed_in):
    post = do_create_post(alice, "Closed for now", reply_policy="nobody", rate_limit=False)
    response = signed_in(alice).post(reverse("web:reply_policy", args=[post.id]),
                                     {"reply_policy": "everyone"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.reply_policy == "everyone"
    thread = signed_in(bob).get(reverse("web:thread", args=[post.id])).content.decode()
    assert 'id="reply-form"' in thread


def test_only_the_author_may_change_who_can_reply(alice, bob, signed_in):
    post = do_create_post(alice, "Mine", rate_limit=False)
    signed_in(bob).post(reverse("web:reply_policy", args=[post.id]), {"reply_policy": "nobody"})
    post.refresh_from_db()
    assert post.reply_policy == "everyone"


def test_the_thread_shows_ancestors_and_indented_descendants(alice, bob, carol, signed_in):
    root = do_create_post(alice, "Root question", rate_limit=False)
    answer = do_create_post(bob, "First answer", in_reply_to=root, rate_limit=False)
    do_create_post(carol, "Answer to the answer", in_reply_to=answer, rate_limit=False)
    html = signed_in(alice).get(reverse("web:thread", args=[answer.id])).content.decode()
    assert html.index("Root question") < html.index("First answer") < html.index(
        "Answer to the answer")
    assert "depth-1" in html


def test_quoting_opens_compose_with_the_post_embedded(alice, bob, signed_in):
    post = do_create_post(alice, "Our Q3 results are great", rate_limit=False)
    client = signed_in(bob)
    page = client.get(reverse("web:compose") + f"?quote_of={post.id}").content.decode()
    assert "Our Q3 results are great" in page
    assert f'value="{post.id}"' in page
    _compose(client, "Well done team", quote_of=post.id)
    quote = Post.objects.get(author=bob)
    assert quote.quote_of == post


def test_a_quote_of_a_hidden_post_says_it_is_unavailable(alice, bob, carol, signed_in):
    from essaim.graph.actions import do_block

    original = do_create_post(alice, "Original words", rate_limit=False)
    do_create_post(bob, "Quoting this", quote_of=original, rate_limit=False)
    do_block(carol, alice)
    html = signed_in(carol).get(reverse("web:profile", args=["bob"])).content.decode()
    assert "Quoting this" in html
    assert "This quoted post is unavailable." in html
    assert "Original words" not in html


def test_a_delegate_can_post_as_an_official_account(alice, make_user, signed_in):
    news = make_user("news", name="Company News", is_official=True)
    news.delegates.add(alice)
    client = signed_in(alice)
    assert "As Company News" in client.get(reverse("web:home")).content.decode()
    _compose(client, "All-hands on Friday", author=news.id)
    post = Post.objects.get()
    assert (post.author, post.posted_by) == (news, alice)


def test_nobody_else_can_post_as_an_official_account(alice, bob, make_user, signed_in):
    news = make_user("news", name="Company News", is_official=True)
    news.delegates.add(alice)
    response = _compose(signed_in(bob), "Fake news", author=news.id)
    assert response.status_code == 422
    assert not Post.objects.exists()


def test_a_closed_post_changed_to_mentioned_people_tells_others_why(alice, bob, signed_in):
    post = do_create_post(alice, "Hello", rate_limit=False)
    do_set_reply_policy(alice, post.id, "mentioned")
    html = signed_in(bob).get(reverse("web:thread", args=[post.id])).content.decode()
    assert "Only people mentioned in this post can reply to it." in html
