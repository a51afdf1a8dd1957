"""Lists (with their members) and followed hashtags."""

from __future__ import annotations

from essaim.posts.actions import do_create_post

from .helpers import ids


def test_it_creates_renames_and_deletes_lists(masto, alice, bob):
    client = masto(alice)
    created = client.post("/api/v1/lists", {"title": "Design"}, as_json=True).json()
    assert created == {"id": created["id"], "title": "Design", "replies_policy": "list",
                       "exclusive": False}
    renamed = client.put(f"/api/v1/lists/{created['id']}", {"title": "Design team"})
    assert renamed.json()["title"] == "Design team"
    assert ids(client.get("/api/v1/lists")) == [created["id"]]
    assert masto(bob).get(f"/api/v1/lists/{created['id']}").status_code == 404
    assert client.post("/api/v1/lists", {"title": ""}).status_code == 422
    assert client.delete(f"/api/v1/lists/{created['id']}").status_code == 200
    assert client.get("/api/v1/lists").json() == []


def test_it_adds_and_removes_members_with_bodies_in_any_form(masto, alice, bob, carol):
    client = masto(alice)
    team = client.post("/api/v1/lists", {"title": "Team"}).json()
    url = f"/api/v1/lists/{team['id']}/accounts"
    client.post(url, {"account_ids[]": [str(bob.id)]})
    client.post(url, {"account_ids": [str(carol.id)]}, as_json=True)
    assert sorted(ids(client.get(url))) == sorted([str(bob.id), str(carol.id)])
    assert len(client.get(url, {"limit": 0}).json()) == 2
    client.delete(url, {"account_ids[]": [str(bob.id)]}, as_json=False)
    assert ids(client.get(url)) == [str(carol.id)]
    assert client.post(url, {}).status_code == 422
    assert client.post(url, {"account_ids[]": ["424242"]}).status_code == 404


def test_it_follows_and_unfollows_hashtags(masto, alice, bob):
    do_create_post(bob, "Shipping #Release notes")
    client = masto(alice)
    followed = client.post("/api/v1/tags/release/follow").json()
    assert followed["name"] == "release" and followed["following"] is True
    assert [t["name"] for t in client.get("/api/v1/followed_tags").json()] == ["release"]
    assert client.get("/api/v1/tags/release").json()["following"] is True
    tagged = do_create_post(bob, "More #release news")
    assert str(tagged.id) in ids(client.get("/api/v1/timelines/home"))
    assert client.post("/api/v1/tags/release/unfollow").json()["following"] is False
    assert client.get("/api/v1/tags/nothinglikethis").status_code == 404
