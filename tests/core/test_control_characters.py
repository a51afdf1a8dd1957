"""Control characters (NUL and the other C0 codes but tab and line breaks) are refused at the
door with a clear message on every surface, and never reach the database (PostgreSQL would
refuse a NUL with a server error)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from essaim.communities.models import Community
from essaim.graph.models import AccountList
from essaim.oauth.actions import do_issue_token
from essaim.posts.models import Post

API = "/api/essaim/v1"
BAD = ["nul\x00byte", "bell\x07", "escape\x1b[31m", "back\x08space", "vertical\x0btab"]


def _bearer(user) -> dict:
    _token, raw = do_issue_token(user, "read write follow")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _native(client, user, url, data, method="post"):
    client.force_login(user)
    return getattr(client, method)(url, json.dumps(data), content_type="application/json")


def _refused(response, status=None):
    """A NUL is stopped at the door (400), other control codes by the action (422)."""
    assert response.status_code in ((status,) if status else (400, 422)), response.content
    body = response.json()
    message = body.get("error_description") or body["error"]
    assert "control character" in message
    return message


@pytest.mark.parametrize("text", BAD)
def test_the_native_api_refuses_control_characters_in_post_text(client, alice, text):
    _refused(_native(client, alice, f"{API}/posts", {"text": text}))
    assert not Post.objects.exists()


@pytest.mark.parametrize("text", BAD)
def test_the_mastodon_api_refuses_control_characters_in_statuses(client, alice, text):
    _refused(client.post("/api/v1/statuses", {"status": text}, **_bearer(alice)))
    _refused(client.post("/api/v1/statuses", {"status": "fine", "spoiler_text": text},
                         **_bearer(alice)))
    assert not Post.objects.exists()


def test_tabs_and_line_breaks_are_kept(client, alice):
    response = client.post("/api/v1/statuses", {"status": "one\ttab\r\ntwo\nthree"},
                           **_bearer(alice))
    assert response.status_code == 200
    assert Post.objects.get().text == "one\ttab\ntwo\nthree"


def test_the_web_composer_refuses_control_characters(client, alice):
    client.force_login(alice)
    response = client.post(reverse("web:compose"), {"text": "hello\x07there",
                                                    "visibility": "company",
                                                    "reply_policy": "everyone"})
    assert response.status_code == 422
    assert "control character" in response.content.decode()
    assert not Post.objects.exists()


def test_an_edit_cannot_bring_control_characters(client, alice):
    post = _native(client, alice, f"{API}/posts", {"text": "clean"}).json()
    _refused(_native(client, alice, f"{API}/posts/{post['id']}", {"text": "dirty\x00"},
                     method="patch"))
    assert Post.objects.get().text == "clean"


@pytest.mark.parametrize("field", ["display_name", "note"])
@pytest.mark.parametrize("value", ["Al\x00ice", "Al\x1bice"])
def test_profiles_refuse_control_characters(client, alice, field, value):
    response = client.patch("/api/v1/accounts/update_credentials",
                            json.dumps({field: value}), content_type="application/json",
                            **_bearer(alice))
    _refused(response, 400 if "\x00" in value else 422)
    alice.refresh_from_db()
    assert alice.display_name == "Alice Martin" and not alice.bio


def test_the_web_profile_form_refuses_control_characters(client, alice):
    client.force_login(alice)
    response = client.post(reverse("web:settings_profile"), {"display_name": "Al\x07ice"})
    assert response.status_code in (200, 422)
    assert "control character" in response.content.decode()
    alice.refresh_from_db()
    assert alice.display_name == "Alice Martin"


def test_list_titles_refuse_control_characters(client, alice):
    _refused(client.post("/api/v1/lists", {"title": "Team\x00"}, **_bearer(alice)))
    assert not AccountList.objects.exists()


def test_community_names_and_descriptions_refuse_control_characters(client, alice):
    _refused(_native(client, alice, f"{API}/communities", {"name": "Ops\x00"}))
    _refused(_native(client, alice, f"{API}/communities",
                     {"name": "Ops", "description": "about\x1b"}))
    assert not Community.objects.exists()


@pytest.mark.parametrize("path", ["/api/v2/search?q=a%00b", "/api/v1/accounts/lookup?acct=a%00",
                                  "/api/v1/accounts/search?q=%00",
                                  "/api/v1/timelines/tag/a%00b"])
def test_a_nul_in_a_query_is_refused_not_a_server_error(client, alice, path):
    response = client.get(path, **_bearer(alice))
    assert 400 <= response.status_code < 500
    assert response.json()["error"]


def test_a_nul_in_a_native_query_is_refused_not_a_server_error(client, alice):
    client.force_login(alice)
    response = client.get(f"{API}/timelines/hashtag/a%00b")
    assert 400 <= response.status_code < 500
