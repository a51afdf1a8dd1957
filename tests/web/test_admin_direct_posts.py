"""The Django admin (for superusers) never shows administrators the words of direct posts."""

from __future__ import annotations

from django.urls import reverse

from essaim.posts.actions import do_create_post


def test_the_post_list_hides_the_text_of_mentioned_only_posts(alice, bob, make_user,
                                                               signed_in):
    do_create_post(alice, "@bob my salary slip is wrong", visibility="direct", rate_limit=False)
    do_create_post(alice, "Company picnic on Friday", rate_limit=False)
    client = signed_in(make_user("root", admin=True))
    page = client.get(reverse("admin:posts_post_changelist")).content.decode()
    assert "Company picnic on Friday" in page
    assert "salary slip" not in page
    assert "mentioned people only" in page


def test_a_direct_posts_page_and_a_word_search_do_not_reveal_it(alice, bob, make_user,
                                                                signed_in):
    post = do_create_post(alice, "@bob my salary slip is wrong", visibility="direct",
                          rate_limit=False)
    client = signed_in(make_user("root", admin=True))
    detail = client.get(reverse("admin:posts_post_change", args=[post.id]))
    assert detail.status_code == 200 and "salary slip" not in detail.content.decode()
    found = client.get(reverse("admin:posts_post_changelist"), {"q": "salary"})
    assert list(found.context["cl"].result_list) == []
    by_author = client.get(reverse("admin:posts_post_changelist"), {"q": "alice"})
    assert [p.id for p in by_author.context["cl"].result_list] == [post.id]
