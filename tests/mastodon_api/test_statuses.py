"""Statuses: publishing (form or JSON), reading, editing, deleting, and interactions."""

from __future__ import annotations

import re

import pytest

from essaim.graph.actions import do_follow
from essaim.posts.actions import do_create_post, do_relay

from .helpers import ids

DATETIME_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def test_it_publishes_from_a_form_and_gives_a_complete_status(masto, alice):
    response = masto(alice).post("/api/v1/statuses", {"status": "Hello #team",
                                                      "visibility": "public",
                                                      "spoiler_text": "Greetings",
                                                      "sensitive": "true", "language": "en"})
    status = response.json()
    assert response.status_code == 200
    assert isinstance(status["id"], str) and status["id"].isdigit()
    assert DATETIME_RE.match(status["created_at"])
    assert status["visibility"] == "public" and status["sensitive"] is True
    assert status["spoiler_text"] == "Greetings" and status["language"] == "en"
    assert status["account"]["acct"] == "alice" and isinstance(status["account"]["id"], str)
    assert status["tags"] == [{"name": "team", "url": "http://testserver/tags/team/"}]
    assert 'href="http://testserver/tags/team/"' in status["content"]
    for key in ("uri", "url", "edited_at", "emojis", "reblogs_count", "favourites_count",
                "replies_count", "media_attachments", "mentions", "poll", "reblog",
                "in_reply_to_id", "favourited", "reblogged", "bookmarked", "pinned", "card"):
        assert key in status


def test_it_publishes_from_json_with_an_idempotency_key_only_once(masto, alice):
    client = masto(alice)
    headers = {"HTTP_IDEMPOTENCY_KEY": "abc-123"}
    first = client.post("/api/v1/statuses", {"status": "Once"}, as_json=True, **headers)
    again = client.post("/api/v1/statuses", {"status": "Once"}, as_json=True, **headers)
    assert first.json()["id"] == again.json()["id"]
    assert len(client.get("/api/v1/timelines/home").json()) == 1


@pytest.mark.parametrize(("asked", "stored", "shown"), [
    ("public", "public", "public"), ("unlisted", "company", "unlisted"),
    ("private", "followers", "private"), ("direct", "direct", "direct"),
    (None, "company", "unlisted"),
])
def test_it_maps_visibility_both_ways(masto, alice, asked, stored, shown):
    data = {"status": "Visibility check @bob"} | ({"visibility": asked} if asked else {})
    status = masto(alice).post("/api/v1/statuses", data).json()
    assert status["visibility"] == shown and status["essaim"]["visibility"] == stored


def test_it_refuses_bad_statuses_with_422(masto, alice):
    client = masto(alice)
    empty = client.post("/api/v1/statuses", {"status": "  "})
    assert empty.status_code == 422 and empty.json()["error"]
    assert client.post("/api/v1/statuses", {"status": "x", "visibility": "secret"}
                       ).status_code == 422
    assert client.post("/api/v1/statuses", {"status": "x" * 501}).status_code == 422
    assert client.post("/api/v1/statuses", {"status": "later",
                                            "scheduled_at": "2030-01-01T00:00:00Z"}
                       ).status_code == 422
    assert client.post("/api/v1/statuses", {"status": "x", "in_reply_to_id": "999"}
                       ).status_code == 404


def test_it_replies_and_gives_the_thread_context(masto, alice, bob):
    root = do_create_post(bob, "Question?")
    client = masto(alice)
    reply = client.post("/api/v1/statuses", {"status": "Answer", "in_reply_to_id": str(root.id)})
    assert reply.json()["in_reply_to_id"] == str(root.id)
    assert reply.json()["in_reply_to_account_id"] == str(bob.id)
    context = client.get(f"/api/v1/statuses/{reply.json()['id']}/context").json()
    assert [s["id"] for s in context["ancestors"]] == [str(root.id)]
    descendants = client.get(f"/api/v1/statuses/{root.id}/context").json()["descendants"]
    assert [s["id"] for s in descendants] == [reply.json()["id"]]


def test_it_edits_keeps_history_and_gives_the_source(masto, alice):
    client = masto(alice)
    status = client.post("/api/v1/statuses", {"status": "Frist post"}).json()
    edited = client.put(f"/api/v1/statuses/{status['id']}", {"status": "First post",
                                                             "spoiler_text": "typo"})
    assert edited.status_code == 200
    assert "First post" in edited.json()["content"] and edited.json()["edited_at"]
    history = client.get(f"/api/v1/statuses/{status['id']}/history").json()
    assert ["Frist" in h["content"] for h in history] == [True, False]
    source = client.get(f"/api/v1/statuses/{status['id']}/source").json()
    assert source == {"id": status["id"], "text": "First post", "spoiler_text": "typo"}


def test_it_deletes_and_returns_the_source_text_for_redrafting(masto, alice, bob):
    client = masto(alice)
    status = client.post("/api/v1/statuses", {"status": "Oops #draft"}).json()
    assert masto(bob).client.delete(f"/api/v1/statuses/{status['id']}").status_code == 403
    deleted = client.delete(f"/api/v1/statuses/{status['id']}")
    assert deleted.json()["text"] == "Oops #draft"
    assert client.get(f"/api/v1/statuses/{status['id']}").status_code == 404


def test_it_favourites_reblogs_bookmarks_and_pins(masto, alice, bob):
    post = do_create_post(bob, "Nice work everyone", visibility="public")
    client = masto(alice)
    base = f"/api/v1/statuses/{post.id}"
    assert client.post(f"{base}/favourite").json()["favourited"] is True
    reblog = client.post(f"{base}/reblog").json()
    assert reblog["reblog"]["id"] == str(post.id) and reblog["reblog"]["reblogged"] is True
    assert reblog["account"]["username"] == "alice" and reblog["id"] != str(post.id)
    assert client.post(f"{base}/bookmark").json()["bookmarked"] is True
    again = client.get(base).json()
    assert (again["favourites_count"], again["reblogs_count"]) == (1, 1)
    assert [a["username"] for a in client.get(f"{base}/favourited_by").json()] == ["alice"]
    assert [a["username"] for a in client.get(f"{base}/reblogged_by").json()] == ["alice"]
    assert client.post(f"{base}/unfavourite").json()["favourited"] is False
    assert client.post(f"{base}/unreblog").json()["reblogged"] is False
    assert client.post(f"{base}/unbookmark").json()["bookmarked"] is False
    own = client.post("/api/v1/statuses", {"status": "Pin me"}).json()
    assert client.post(f"/api/v1/statuses/{own['id']}/pin").json()["pinned"] is True
    assert client.post(f"{base}/pin").status_code == 403


def test_it_shows_relays_as_reblogs_in_the_home_timeline(masto, alice, bob, carol):
    do_follow(alice, carol)
    original = do_create_post(bob, "Worth sharing", visibility="public")
    relay = do_relay(carol, original.id)
    home = masto(alice).get("/api/v1/timelines/home").json()
    assert home[0]["id"] == str(relay.id) and home[0]["reblog"]["id"] == str(original.id)
    assert home[0]["account"]["username"] == "carol" and home[0]["content"] == ""


def test_it_maps_the_reply_policy_and_quotes_onto_known_shapes(masto, alice, bob):
    client = masto(alice)
    closed = client.post("/api/v1/statuses", {"status": "No comments",
                                              "reply_policy": "nobody"}).json()
    assert closed["essaim"]["reply_policy"] == "nobody"
    assert closed["interaction_policy"]["can_reply"]["always"] == ["author"]
    seen_by_bob = masto(bob).get(f"/api/v1/statuses/{closed['id']}").json()
    assert seen_by_bob["essaim"]["can_reply"] is False
    refused = masto(bob).post("/api/v1/statuses", {"status": "But…",
                                                   "in_reply_to_id": closed["id"]})
    assert refused.status_code == 403
    quote = masto(bob).post("/api/v1/statuses", {"status": "Look at this",
                                                 "quoted_status_id": closed["id"]}).json()
    assert quote["quote"]["state"] == "accepted"
    assert quote["quote"]["quoted_status"]["id"] == closed["id"]
    assert "quote-inline" in quote["content"]
    private = client.post("/api/v1/statuses", {"status": "Followers only",
                                               "visibility": "private"}).json()
    assert private["quote_approval"]["current_user"] == "denied"


def test_it_reads_several_statuses_at_once_skipping_invisible_ones(masto, alice, bob):
    mine = do_create_post(alice, "Mine")
    secret = do_create_post(bob, "Secret", visibility="direct")
    found = masto(alice).get("/api/v1/statuses", {"id[]": [str(mine.id), str(secret.id)]})
    assert ids(found) == [str(mine.id)]


def _id_values(data, path=""):
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "id" or key.endswith("_id"):
                yield f"{path}.{key}", value
            yield from _id_values(value, f"{path}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _id_values(value, f"{path}[{i}]")


def test_it_gives_every_id_as_a_string_even_nested(masto, alice, bob):
    root = do_create_post(bob, "Root @alice #ids", visibility="public")
    client = masto(alice)
    reply = client.post("/api/v1/statuses", {"status": "Reply", "in_reply_to_id": str(root.id),
                                             "quoted_status_id": str(root.id),
                                             "poll[options][]": ["a", "b"],
                                             "poll[expires_in]": "600"}).json()
    client.post(f"/api/v1/statuses/{root.id}/reblog")
    payloads = [reply, client.get("/api/v1/timelines/home").json(),
                masto(bob).get("/api/v1/notifications").json()]
    found = [(path, value) for payload in payloads for path, value in _id_values(payload)]
    assert len(found) > 20
    assert all(value is None or (isinstance(value, str) and value.isdigit())
               for _path, value in found), [f for f in found if not isinstance(f[1], str)]
