"""Buttons that update in place with htmx, and their plain-form fallbacks."""

from __future__ import annotations

from django.urls import reverse

from essaim.graph import queries as graph_queries
from essaim.posts.actions import do_create_post, do_relay
from essaim.posts.models import Bookmark, Like, Post

from .conftest import HTMX


def test_an_htmx_like_returns_the_updated_buttons_only(alice, bob, signed_in):
    post = do_create_post(alice, "Like this", rate_limit=False)
    response = signed_in(bob).post(reverse("web:like", args=[post.id]), {"on": "1"}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert 'class="post-actions"' in html
    assert 'class="action action-like is-on" aria-pressed="true"' in html
    assert 'name="on" value="0"' in html  # the button now undoes
    assert Like.objects.filter(user=bob, post=post).exists()
    post.refresh_from_db()
    assert post.likes_count == 1


def test_an_htmx_unlike_turns_the_button_off(alice, bob, signed_in):
    post = do_create_post(alice, "Like this", rate_limit=False)
    client = signed_in(bob)
    client.post(reverse("web:like", args=[post.id]), {"on": "1"}, **HTMX)
    html = client.post(reverse("web:like", args=[post.id]), {"on": "0"}, **HTMX).content.decode()
    assert 'aria-pressed="false"' in html
    assert not Like.objects.exists()


def test_without_javascript_a_like_redirects_back(alice, bob, signed_in):
    post = do_create_post(alice, "Like this", rate_limit=False)
    response = signed_in(bob).post(reverse("web:like", args=[post.id]), {"on": "1"},
                                   HTTP_REFERER="http://testserver/company/")
    assert response.status_code == 302
    assert response.url == "http://testserver/company/"


def test_relay_and_bookmark_update_in_place(alice, bob, signed_in):
    post = do_create_post(alice, "Worth sharing", rate_limit=False)
    client = signed_in(bob)
    relay = client.post(reverse("web:relay", args=[post.id]), {"on": "1"}, **HTMX)
    assert 'action-relay is-on' in relay.content.decode()
    assert "Relayed to your followers." in relay.content.decode()
    assert Post.objects.filter(author=bob, relay_of=post).exists()
    mark = client.post(reverse("web:bookmark", args=[post.id]), {"on": "1"}, **HTMX)
    assert 'action-bookmark is-on' in mark.content.decode()
    assert Bookmark.objects.filter(user=bob, post=post).exists()


def test_undoing_ones_own_relay_from_the_relay_card_shows_the_original(alice, bob, signed_in):
    post = do_create_post(alice, "Worth sharing", rate_limit=False)
    relay = do_relay(bob, post.id)
    response = signed_in(bob).post(reverse("web:relay", args=[relay.id]), {"on": "0"}, **HTMX)
    assert response.status_code == 200
    assert f'id="actions-{post.id}"' in response.content.decode()
    assert not Post.objects.filter(relay_of=post).exists()


def test_an_htmx_error_is_a_4xx_toast_not_a_crash(alice, bob, signed_in):
    post = do_create_post(alice, "Followers only", visibility="followers", rate_limit=False)
    response = signed_in(bob).post(reverse("web:like", args=[post.id]), {"on": "1"}, **HTMX)
    assert response.status_code == 404
    assert response["HX-Retarget"] == "#toasts"
    assert "does not exist or is not visible" in response.content.decode()


def test_relaying_a_followers_only_post_is_refused_with_a_message(alice, bob, signed_in):
    from essaim.graph.actions import do_follow

    do_follow(bob, alice)
    post = do_create_post(alice, "Followers only", visibility="followers", rate_limit=False)
    client = signed_in(bob)
    response = client.post(reverse("web:relay", args=[post.id]), {"on": "1"}, **HTMX)
    assert response.status_code == 403
    assert "cannot be relayed" in response.content.decode()
    fallback = client.post(reverse("web:relay", args=[post.id]), {"on": "1"}, follow=True)
    assert fallback.status_code == 200
    assert "cannot be relayed" in fallback.content.decode()


def test_an_htmx_follow_swaps_the_button(alice, bob, signed_in):
    client = signed_in(alice)
    response = client.post(reverse("web:follow", args=["bob"]), {"on": "1"}, **HTMX)
    assert response.status_code == 200
    assert "Following" in response.content.decode()
    assert graph_queries.is_following(alice, bob)
    response = client.post(reverse("web:follow", args=["bob"]), {"on": "0"}, **HTMX)
    assert ">Follow<" in response.content.decode()
    assert not graph_queries.is_following(alice, bob)


def test_an_htmx_delete_removes_the_card(alice, signed_in):
    post = do_create_post(alice, "Oops", rate_limit=False)
    response = signed_in(alice).post(reverse("web:delete", args=[post.id]), **HTMX)
    assert response.status_code == 200
    assert "Post deleted." in response.content.decode()
    assert not Post.objects.exists()


def test_someone_else_cannot_delete_a_post(alice, bob, signed_in):
    post = do_create_post(alice, "Mine", rate_limit=False)
    response = signed_in(bob).post(reverse("web:delete", args=[post.id]), **HTMX)
    assert response.status_code == 403
    assert Post.objects.filter(pk=post.pk).exists()


def test_pinning_shows_the_post_first_on_the_profile(alice, signed_in):
    pinned = do_create_post(alice, "Read me first", rate_limit=False)
    do_create_post(alice, "Newer post", rate_limit=False)
    client = signed_in(alice)
    response = client.post(reverse("web:pin", args=[pinned.id]), {"on": "1"}, **HTMX)
    assert "Unpin from profile" in response.content.decode()
    html = client.get(reverse("web:profile", args=["alice"])).content.decode()
    assert html.index("Read me first") < html.index("Newer post")
    assert "Pinned" in html


def test_the_home_page_counts_new_posts_when_its_stream_says_so(alice, bob, signed_in):
    from essaim.graph.actions import do_follow

    do_follow(alice, bob)
    first = do_create_post(bob, "First", rate_limit=False)
    client = signed_in(alice)
    home = client.get(reverse("web:home")).content.decode()
    assert f'{reverse("web:new_posts")}?since_id={first.id}' in home
    assert 'hx-trigger="essaim:update from:body, every 60s"' in home
    assert 'data-stream="/api/v1/streaming/user"' in home
    url = reverse("web:new_posts") + f"?since_id={first.id}"
    assert client.get(url, **HTMX).content == b""
    do_create_post(bob, "Second", rate_limit=False)
    do_create_post(bob, "Third", rate_limit=False)
    assert "2 new posts" in client.get(url, **HTMX).content.decode()


def test_load_more_returns_the_next_cards_only(alice, signed_in):
    for n in range(25):
        do_create_post(alice, f"Post number {n}", rate_limit=False)
    client = signed_in(alice)
    page = client.get(reverse("web:profile", args=["alice"]))
    html = page.content.decode()
    assert "Post number 24" in html and "Post number 4" not in html
    next_url = page.context["next_partial_url"]
    more = client.get(next_url, **HTMX).content.decode()
    assert "<html" not in more
    assert "Post number 4" in more and "Post number 24" not in more


def test_deleting_a_post_from_its_own_page_goes_home(alice, signed_in):
    post = do_create_post(alice, "Oops", rate_limit=False)
    thread_url = reverse("web:thread", args=[post.id])
    response = signed_in(alice).post(reverse("web:delete", args=[post.id]), **HTMX,
                                     HTTP_HX_CURRENT_URL=f"http://testserver{thread_url}")
    assert response["HX-Redirect"] == reverse("web:home")
    assert not Post.objects.exists()
