"""The native JSON API: same actions and visibility as the web UI, JSON errors, scopes."""

from __future__ import annotations

import json

import pytest

from essaim.graph.actions import do_block, do_follow
from essaim.posts.actions import do_create_post

API = "/api/essaim/v1"


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def post_json(client, url, data=None, method="post"):
    return getattr(client, method)(url, data=json.dumps(data or {}),
                                   content_type="application/json")


def test_it_refuses_anonymous_requests_with_a_json_401(client):
    response = client.get(f"{API}/timelines/home")
    assert response.status_code == 401
    assert "error" in response.json()


def test_it_publishes_a_post_that_followers_read_on_their_home(as_user, alice, bob, client):
    do_follow(bob, alice)
    response = post_json(as_user(alice), f"{API}/posts", {"text": "Bonjour #équipe"})
    assert response.status_code == 201
    created = response.json()
    assert created["hashtags"] == ["équipe"]
    assert created["visibility"] == "company"
    home = as_user(bob).get(f"{API}/timelines/home").json()
    assert [item["id"] for item in home["items"]] == [created["id"]]


def test_it_answers_an_overlong_post_with_422_and_writes_nothing(as_user, alice, settings):
    settings.ESSAIM_POST_MAX_CHARS = 10
    response = post_json(as_user(alice), f"{API}/posts", {"text": "x" * 11})
    assert response.status_code == 422
    assert "at most 10 characters" in response.json()["error"]
    assert alice.posts.count() == 0


def test_it_rejects_malformed_bodies_with_422(as_user, alice):
    response = post_json(as_user(alice), f"{API}/posts", {"text": ["not", "a", "string"]})
    assert response.status_code == 422
    assert "text" in response.json()["error"]


def test_it_refuses_a_reply_to_a_post_with_closed_comments(as_user, alice, bob):
    closed = do_create_post(alice, "No comments please", reply_policy="nobody")
    response = post_json(as_user(bob), f"{API}/posts",
                         {"text": "But…", "in_reply_to_id": closed.id})
    assert response.status_code == 403
    assert "closed" in response.json()["error"]


def test_it_hides_followers_only_posts_from_non_followers(as_user, alice, bob):
    private = do_create_post(alice, "For my followers", visibility="followers")
    assert as_user(bob).get(f"{API}/posts/{private.id}").status_code == 404
    do_follow(bob, alice)
    assert as_user(bob).get(f"{API}/posts/{private.id}").status_code == 200


def test_a_blocked_user_gets_404_for_the_blockers_posts(as_user, alice, bob):
    post = do_create_post(alice, "Hello")
    do_block(alice, bob)
    assert as_user(bob).get(f"{API}/posts/{post.id}").status_code == 404
    assert as_user(bob).get(f"{API}/accounts/alice").status_code == 404


def test_a_guest_cannot_read_the_company_timeline(as_user, alice, guest):
    do_create_post(alice, "Internal news")
    response = as_user(guest).get(f"{API}/timelines/company")
    assert response.status_code == 403
    assert as_user(guest).get(f"{API}/accounts/alice").status_code == 404


def test_like_and_unlike_update_the_count_and_the_viewer_state(as_user, alice, bob):
    post = do_create_post(alice, "Like me")
    client = as_user(bob)
    liked = client.post(f"{API}/posts/{post.id}/like").json()
    assert (liked["likes_count"], liked["liked"]) == (1, True)
    unliked = client.delete(f"{API}/posts/{post.id}/like").json()
    assert (unliked["likes_count"], unliked["liked"]) == (0, False)


def test_relay_shows_on_followers_home_with_the_original_embedded(as_user, alice, bob, carol):
    post = do_create_post(alice, "Worth sharing")
    do_follow(carol, bob)
    relay = as_user(bob).post(f"{API}/posts/{post.id}/relay")
    assert relay.status_code == 200
    home = as_user(carol).get(f"{API}/timelines/home").json()["items"]
    assert home[0]["relay_of"]["id"] == str(post.id)
    assert home[0]["author"]["username"] == "bob"


def test_the_home_timeline_paginates_with_max_id(as_user, alice):
    ids = [do_create_post(alice, f"post {i}").id for i in range(5)]
    client = as_user(alice)
    first = client.get(f"{API}/timelines/home?limit=3").json()
    assert [int(i["id"]) for i in first["items"]] == ids[::-1][:3]
    second = client.get(f"{API}/timelines/home?limit=3&max_id={first['next_max_id']}").json()
    assert [int(i["id"]) for i in second["items"]] == ids[::-1][3:]


def test_unknown_post_is_a_json_404(as_user, alice):
    response = as_user(alice).get(f"{API}/posts/123456")
    assert response.status_code == 404
    assert response.json()["error"]


def test_the_openapi_document_lists_the_endpoints(client):
    schema = client.get(f"{API}/openapi.json").json()
    assert "/api/essaim/v1/posts" in schema["paths"]
    assert "/api/essaim/v1/timelines/home" in schema["paths"]


def _bearer(user, scopes: str):
    from django.test import Client

    from essaim.oauth.actions import do_issue_token

    _token, raw = do_issue_token(user, scopes)
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_a_notifications_token_cannot_read_the_home_timeline(alice):
    client = _bearer(alice, "read:notifications")
    assert client.get(f"{API}/timelines/home").status_code == 403
    assert client.get(f"{API}/notifications").status_code == 200


def test_native_scopes_follow_the_mastodon_rule(alice, bob):
    post = do_create_post(bob, "Scoped")
    statuses = _bearer(alice, "read:statuses")
    assert statuses.get(f"{API}/timelines/home").status_code == 200
    assert statuses.get(f"{API}/posts/{post.id}").status_code == 200
    assert statuses.get(f"{API}/notifications").status_code == 403
    assert statuses.get(f"{API}/timelines/bookmarks").status_code == 403
    favourites = _bearer(alice, "write:favourites")
    assert favourites.post(f"{API}/posts/{post.id}/like").status_code == 200
    refused = favourites.post(f"{API}/posts", '{"text": "No"}', content_type="application/json")
    assert refused.status_code == 403 and "write:statuses" in refused.json()["error"]
    assert _bearer(alice, "follow").post(f"{API}/accounts/bob/follow").status_code == 200
    assert _bearer(alice, "read").get(f"{API}/timelines/bookmarks").status_code == 200
