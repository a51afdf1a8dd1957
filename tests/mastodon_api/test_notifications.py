"""Notifications: Mastodon types, filters, dismissing, clearing and the read marker."""

from __future__ import annotations

from essaim.graph.actions import do_follow
from essaim.posts.actions import do_create_post, do_like, do_relay

from .helpers import ids, links


def _activity(alice, bob):
    post = do_create_post(alice, "Big news", visibility="public")
    do_follow(bob, alice)
    do_like(bob, post.id)
    do_relay(bob, post.id)
    do_create_post(bob, "Congrats!", in_reply_to=post)
    do_create_post(bob, "Hey @alice")
    return post


def test_it_lists_notifications_with_mastodon_types(masto, alice, bob):
    post = _activity(alice, bob)
    found = masto(alice).get("/api/v1/notifications").json()
    assert [n["type"] for n in found] == ["mention", "mention", "reblog", "favourite", "follow"]
    assert found[3]["status"]["id"] == str(post.id) and found[4]["status"] is None
    assert all(n["account"]["username"] == "bob" for n in found)


def test_it_filters_by_types_and_exclude_types(masto, alice, bob):
    _activity(alice, bob)
    client = masto(alice)
    only = client.get("/api/v1/notifications", {"types[]": ["favourite", "follow"]}).json()
    assert [n["type"] for n in only] == ["favourite", "follow"]
    without = client.get("/api/v1/notifications", {"exclude_types[]": ["mention"]}).json()
    assert [n["type"] for n in without] == ["reblog", "favourite", "follow"]
    assert client.get("/api/v1/notifications", {"types[]": "poll"}).json() == []


def test_it_pages_notifications(masto, alice, bob):
    _activity(alice, bob)
    client = masto(alice)
    first = client.get("/api/v1/notifications", {"limit": 3})
    assert len(first.json()) == 3
    rest = client.get(links(first)["next"])
    assert len(rest.json()) == 2 and "next" not in links(rest)


def test_it_gets_dismisses_and_clears(masto, alice, bob):
    _activity(alice, bob)
    client = masto(alice)
    newest = ids(client.get("/api/v1/notifications"))[0]
    assert client.get(f"/api/v1/notifications/{newest}").json()["id"] == newest
    assert masto(bob).get(f"/api/v1/notifications/{newest}").status_code == 404
    assert client.post(f"/api/v1/notifications/{newest}/dismiss").status_code == 200
    assert newest not in ids(client.get("/api/v1/notifications"))
    assert client.get("/api/v1/notifications/unread_count").json() == {"count": 4}
    client.post("/api/v1/notifications/clear")
    assert client.get("/api/v1/notifications").json() == []


def test_it_marks_notifications_read_through_the_marker(masto, alice, bob):
    _activity(alice, bob)
    client = masto(alice)
    newest = ids(client.get("/api/v1/notifications"))[0]
    saved = client.post("/api/v1/markers", {"notifications[last_read_id]": newest})
    assert saved.json()["notifications"]["last_read_id"] == newest
    assert client.get("/api/v1/notifications/unread_count").json() == {"count": 0}
    markers = client.get("/api/v1/markers", {"timeline[]": ["notifications"]}).json()
    assert markers["notifications"]["last_read_id"] == newest
