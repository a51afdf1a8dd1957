"""``/api/v2/search``: three arrays always, visible results only."""

from __future__ import annotations

from essaim.posts.actions import do_create_post


def test_it_always_answers_with_three_arrays(masto, alice):
    empty = masto(alice).get("/api/v2/search", {"q": "nothing matches this"}).json()
    assert empty == {"accounts": [], "hashtags": [], "statuses": []}
    blank = masto(alice).get("/api/v2/search", {"q": ""}).json()
    assert blank == {"accounts": [], "hashtags": [], "statuses": []}


def test_it_finds_accounts_hashtags_and_statuses(masto, alice, bob):
    post = do_create_post(bob, "Roadmap for #bobsleigh season")
    client = masto(alice)
    found = client.get("/api/v2/search", {"q": "bob"}).json()
    assert [a["username"] for a in found["accounts"]] == ["bob"]
    assert [t["name"] for t in found["hashtags"]] == ["bobsleigh"]
    assert [s["id"] for s in found["statuses"]] == [str(post.id)]
    only = client.get("/api/v2/search", {"q": "bob", "type": "hashtags"}).json()
    assert only["accounts"] == [] and only["statuses"] == [] and only["hashtags"]


def test_it_resolves_links_to_its_own_posts_and_profiles(masto, alice, bob):
    post = do_create_post(bob, "Linked")
    client = masto(alice)
    by_url = client.get("/api/v2/search", {"q": f"http://testserver/posts/{post.id}/",
                                           "resolve": "true"}).json()
    assert [s["id"] for s in by_url["statuses"]] == [str(post.id)]
    profile = client.get("/api/v2/search", {"q": "http://testserver/@bob/"}).json()
    assert [a["username"] for a in profile["accounts"]] == ["bob"]


def test_it_never_finds_what_the_searcher_cannot_read(masto, alice, bob, carol):
    do_create_post(bob, "Secret merger plans @carol", visibility="direct")
    assert masto(alice).get("/api/v2/search", {"q": "merger"}).json()["statuses"] == []
    assert len(masto(carol).get("/api/v2/search", {"q": "merger"}).json()["statuses"]) == 1
