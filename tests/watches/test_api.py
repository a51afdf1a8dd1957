"""/api/essaim/v1/watches and Mastodon's lists: one's own watches only, clear 4xx for bad
input, each watch readable by apps as a read-only list."""

from __future__ import annotations

import pytest
from django.test import Client

from essaim.oauth.actions import do_issue_token
from essaim.watches.models import Watch

pytestmark = pytest.mark.django_db
API = "/api/essaim/v1"


def _bearer(user, scope="read write") -> Client:
    _token, raw = do_issue_token(user, scope)
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_a_watch_is_created_listed_changed_and_deleted(alice):
    api = _bearer(alice)
    created = api.post(f"{API}/watches", {"query": "salon", "delivery": "daily"},
                       content_type="application/json")
    assert created.status_code == 201
    body = created.json()
    assert {k: body[k] for k in ("name", "query", "delivery", "unread")} == {
        "name": "salon", "query": "salon", "delivery": "daily", "unread": 0}
    listed = api.get(f"{API}/watches").json()
    assert [w["id"] for w in listed["items"]] == [body["id"]]
    changed = api.patch(f"{API}/watches/{body['id']}", {"name": "Salons", "delivery": "none"},
                        content_type="application/json").json()
    assert (changed["name"], changed["delivery"]) == ("Salons", "none")
    assert api.delete(f"{API}/watches/{body['id']}").status_code == 204
    assert api.get(f"{API}/watches/{body['id']}").status_code == 404


def test_a_watchs_posts_are_a_page_of_posts_and_seen_clears_unread(alice, bob, say, watch):
    w = watch(alice, "salon")
    post = say(bob, "Le salon ouvre")
    api = _bearer(alice)
    assert api.get(f"{API}/watches/{w.id}").json()["unread"] == 1
    page = api.get(f"{API}/watches/{w.id}/posts").json()
    assert [p["id"] for p in page["items"]] == [str(post.id)]
    assert api.post(f"{API}/watches/{w.id}/seen").json()["unread"] == 0
    assert api.get(f"{API}/watches").json()["items"][0]["unread"] == 0


@pytest.mark.parametrize(("body", "field"), [
    ({"query": "salon \"ouvert"}, "quotation mark"),
    ({"query": "color:red"}, "Unknown filter"),
    ({"query": "from:@nobody"}, "nobody called"),
    ({"query": "salon", "delivery": "hourly"}, "delivery"),
    ({"query": "salon", "name": "x" * 101}, "at most"),
    ({"query": "x" * 501}, "at most"),
])
def test_bad_watches_get_a_4xx_with_a_message(alice, body, field):
    response = _bearer(alice).post(f"{API}/watches", body, content_type="application/json")
    assert 400 <= response.status_code < 500
    assert field in response.json()["error"]
    assert not Watch.objects.exists()


@pytest.mark.parametrize("who", ["bob", "guest", "admin"])
def test_nobody_else_reads_or_changes_a_watch(alice, make_user, watch, who):
    others = {"bob": lambda: make_user("bob", name="Bob"),
              "guest": lambda: make_user("gail", name="Gail", guest_of="Acme"),
              "admin": lambda: make_user("root", name="Root", admin=True)}
    w = watch(alice, "salon")
    api = _bearer(others[who]())
    assert api.get(f"{API}/watches/{w.id}").status_code == 404
    assert api.get(f"{API}/watches/{w.id}/posts").status_code == 404
    assert api.patch(f"{API}/watches/{w.id}", {"name": "x"},
                     content_type="application/json").status_code == 404
    assert api.delete(f"{API}/watches/{w.id}").status_code == 404
    assert api.get(f"{API}/watches").json() == {"items": []}
    assert Watch.objects.filter(pk=w.id, name="salon").exists()


def test_anonymous_callers_get_401(alice, watch):
    w = watch(alice, "salon")
    assert Client().get(f"{API}/watches").status_code == 401
    assert Client().get(f"{API}/watches/{w.id}/posts").status_code == 401


def test_a_guest_watches_only_what_their_communities_hold(alice, bob, make_user, say, watch):
    from tests.communities.conftest import build_community

    gail = make_user("gail", name="Gail", guest_of="Acme")
    otto = make_user("otto", name="Otto", guest_of="Other")
    horizon = build_community(alice, "Client Horizon", kind="external", guests=[gail])
    other = build_community(bob, "Other Deal", kind="external", guests=[otto])
    mine = watch(gail, "cahier")
    say(bob, "Le cahier des charges interne", visibility="company")
    say(bob, "Le cahier de l'autre affaire", community=other)
    shared = say(alice, "Le cahier des charges avance", community=horizon)
    page = _bearer(gail).get(f"{API}/watches/{mine.id}/posts").json()
    assert [p["id"] for p in page["items"]] == [str(shared.id)]
    refused = _bearer(gail).post(f"{API}/watches", {"query": "in:other-deal"},
                                 content_type="application/json")
    assert refused.status_code in (404, 422)


def test_mastodon_apps_see_each_watch_as_a_read_only_list(alice, bob, say, watch):
    w = watch(alice, "salon", name="Salons")
    post = say(bob, "Le salon ouvre")
    api = _bearer(alice, "read write")
    lists = api.get("/api/v1/lists").json()
    assert {"id": f"watch-{w.id}", "title": "Salons", "replies_policy": "list",
            "exclusive": False} in lists
    timeline = api.get(f"/api/v1/timelines/list/watch-{w.id}").json()
    assert [s["id"] for s in timeline] == [str(post.id)]
    assert api.get(f"/api/v1/lists/watch-{w.id}").json()["title"] == "Salons"
    assert api.get(f"/api/v1/lists/watch-{w.id}/accounts").json() == []
    refused = api.put(f"/api/v1/lists/watch-{w.id}", {"title": "x"},
                      content_type="application/json")
    assert refused.status_code == 403
    assert _bearer(bob).get(f"/api/v1/timelines/list/watch-{w.id}").status_code == 404
