"""Accounts: the signed-in person, profiles, relationships and social actions."""

from __future__ import annotations

import io

from django.test.client import encode_multipart
from PIL import Image

from essaim.graph.actions import do_block, do_follow
from essaim.posts.actions import do_create_post, do_pin, do_relay

from .helpers import ids, links


def test_it_verifies_credentials_with_source_and_enterprise_fields(masto, make_user):
    dana = make_user("dana", name="Dana Lee", department="Sales", job_title="Account manager")
    me = masto(dana).get("/api/v1/accounts/verify_credentials").json()
    assert me["acct"] == "dana" and me["display_name"] == "Dana Lee"
    assert me["source"]["privacy"] == "unlisted" and "note" in me["source"]
    assert {"name": "Department", "value": "Sales", "verified_at": None} in me["fields"]
    assert {"name": "Job title", "value": "Account manager", "verified_at": None} in me["fields"]
    assert me["avatar"].startswith("http://testserver/") and me["header"]


def test_it_updates_credentials_from_multipart_with_an_avatar(masto, alice):
    picture = io.BytesIO()
    Image.new("RGB", (50, 50), (0, 128, 0)).save(picture, format="PNG")
    picture.seek(0)
    picture.name = "me.png"
    body = encode_multipart("BoUnDaRy", {"display_name": "Alice M.", "note": "Hi!",
                                         "avatar": picture})
    response = masto(alice).client.patch("/api/v1/accounts/update_credentials", data=body,
                                         content_type="multipart/form-data; boundary=BoUnDaRy")
    assert response.status_code == 200, response.content
    me = response.json()
    assert me["display_name"] == "Alice M." and me["source"]["note"] == "Hi!"
    assert "/media/avatars/" in me["avatar"]


def test_it_finds_accounts_by_id_lookup_and_search(masto, alice, bob, carol):
    client = masto(alice)
    assert client.get(f"/api/v1/accounts/{bob.id}").json()["username"] == "bob"
    assert client.get("/api/v1/accounts/lookup", {"acct": "@carol"}).json()["id"] == str(carol.id)
    assert client.get("/api/v1/accounts/lookup", {"acct": "carol@testserver"}).status_code == 200
    assert client.get("/api/v1/accounts/lookup", {"acct": "carol@elsewhere.org"}
                      ).status_code == 404
    found = client.get("/api/v1/accounts/search", {"q": "bo"}).json()
    assert [a["username"] for a in found] == ["bob"]
    assert client.get("/api/v1/accounts/999999").status_code == 404
    assert client.get("/api/v1/accounts/not-a-number").status_code == 404


def test_it_follows_unfollows_and_reports_relationships(masto, alice, bob, carol):
    client = masto(alice)
    followed = client.post(f"/api/v1/accounts/{bob.id}/follow")
    assert followed.json()["following"] is True and followed.json()["id"] == str(bob.id)
    do_follow(carol, alice)
    both = client.get("/api/v1/accounts/relationships", {"id[]": [str(bob.id), str(carol.id)]})
    assert [(r["following"], r["followed_by"]) for r in both.json()] == [(True, False),
                                                                         (False, True)]
    single = client.get("/api/v1/accounts/relationships", {"id": str(bob.id)})
    assert single.json()[0]["following"] is True
    assert client.post(f"/api/v1/accounts/{bob.id}/unfollow").json()["following"] is False
    assert client.post(f"/api/v1/accounts/{alice.id}/follow").status_code == 422


def test_it_blocks_mutes_and_lists_them(masto, alice, bob, carol):
    client = masto(alice)
    assert client.post(f"/api/v1/accounts/{bob.id}/block").json()["blocking"] is True
    assert client.post(f"/api/v1/accounts/{carol.id}/mute").json()["muting"] is True
    assert ids(client.get("/api/v1/blocks")) == [str(bob.id)]
    assert ids(client.get("/api/v1/mutes")) == [str(carol.id)]
    assert client.post(f"/api/v1/accounts/{bob.id}/unblock").json()["blocking"] is False
    assert client.post(f"/api/v1/accounts/{carol.id}/unmute").json()["muting"] is False
    assert client.get("/api/v1/blocks").json() == []


def test_it_pages_followers_and_following(masto, make_user, alice):
    fans = [make_user(f"fan{i}") for i in range(3)]
    for fan in fans:
        do_follow(fan, alice)
    client = masto(alice)
    first = client.get(f"/api/v1/accounts/{alice.id}/followers", {"limit": 2})
    assert [a["username"] for a in first.json()] == ["fan2", "fan1"]
    rest = client.get(links(first)["next"])
    assert [a["username"] for a in rest.json()] == ["fan0"]
    following = masto(fans[0]).get(f"/api/v1/accounts/{fans[0].id}/following").json()
    assert [a["username"] for a in following] == ["alice"]
    assert masto(fans[0]).get(f"/api/v1/accounts/{alice.id}").json()["followers_count"] == 3


def test_it_filters_an_accounts_statuses(masto, alice, bob):
    original = do_create_post(alice, "Original")
    reply = do_create_post(alice, "Reply", in_reply_to=do_create_post(bob, "Question"))
    relay = do_relay(alice, do_create_post(bob, "Shared", visibility="public").id)
    do_pin(alice, original.id)
    client = masto(bob)
    url = f"/api/v1/accounts/{alice.id}/statuses"
    assert ids(client.get(url)) == [str(relay.id), str(reply.id), str(original.id)]
    assert ids(client.get(url, {"exclude_replies": "true"})) == [str(relay.id), str(original.id)]
    assert ids(client.get(url, {"exclude_reblogs": "1"})) == [str(reply.id), str(original.id)]
    assert ids(client.get(url, {"pinned": "True"})) == [str(original.id)]
    assert client.get(url, {"only_media": "true"}).json() == []


def test_it_lists_the_lists_an_account_is_in(masto, alice, bob):
    client = masto(alice)
    team = client.post("/api/v1/lists", {"title": "Team"}).json()
    client.post(f"/api/v1/lists/{team['id']}/accounts", {"account_ids[]": [str(bob.id)]})
    assert ids(client.get(f"/api/v1/accounts/{bob.id}/lists")) == [team["id"]]


def test_it_hides_an_account_from_someone_it_blocked(masto, alice, bob):
    do_block(bob, alice)
    client = masto(alice)
    assert client.post(f"/api/v1/accounts/{bob.id}/follow").status_code == 404
    assert client.get(f"/api/v1/accounts/{bob.id}").status_code == 404


def test_account_counts_follow_new_follows_posts_and_deletions_at_once(masto, alice, bob):
    from essaim.graph.actions import do_unfollow
    from essaim.posts.actions import do_delete_post

    client = masto(bob)

    def counts():
        data = client.get(f"/api/v1/accounts/{alice.id}").json()
        return data["followers_count"], data["statuses_count"]

    assert counts() == (0, 0)
    do_follow(bob, alice)
    post = do_create_post(alice, "First post")
    assert counts() == (1, 1)
    do_unfollow(bob, alice)
    do_delete_post(alice, post.id)
    assert counts() == (0, 0)
