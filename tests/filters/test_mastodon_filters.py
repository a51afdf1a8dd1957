"""Keyword filters through Mastodon's v2 API: apps' filter screens create, read, change and
delete them, and statuses caught in a filter's context carry ``filtered``."""

from __future__ import annotations

import pytest
from django.test import Client

from essaim.filters.models import Filter
from essaim.oauth.actions import do_issue_token
from essaim.posts.actions import do_create_post

pytestmark = pytest.mark.django_db


def _bearer(user, scope="read write") -> Client:
    _token, raw = do_issue_token(user, scope)
    return Client(headers={"Authorization": f"Bearer {raw}"})


def _create(api, **body):
    body.setdefault("title", "Spoilers")
    body.setdefault("context", ["home", "public"])
    return api.post("/api/v2/filters", body, content_type="application/json")


def test_a_filter_is_created_with_keywords_and_read_back(alice):
    api = _bearer(alice)
    response = _create(api, filter_action="hide", expires_in=3600,
                       keywords_attributes=[{"keyword": "Finale", "whole_word": True},
                                            {"keyword": "score", "whole_word": False}])
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Spoilers" and body["context"] == ["home", "public"]
    assert body["filter_action"] == "hide" and body["expires_at"]
    assert [(k["keyword"], k["whole_word"]) for k in body["keywords"]] == [
        ("Finale", True), ("score", False)]
    assert api.get("/api/v2/filters").json()[0]["id"] == body["id"]
    assert api.get(f"/api/v2/filters/{body['id']}").json() == body
    v1 = api.get("/api/v1/filters").json()
    assert {f["phrase"] for f in v1} == {"Finale", "score"} and all(f["irreversible"]
                                                                  for f in v1)


def test_keywords_are_added_changed_and_removed_through_keywords_attributes(alice):
    api = _bearer(alice)
    created = _create(api, keywords_attributes=[{"keyword": "one"}, {"keyword": "two"}]).json()
    one, two = created["keywords"]
    changed = api.put(f"/api/v2/filters/{created['id']}", {
        "title": "Renamed", "keywords_attributes": [
            {"id": one["id"], "keyword": "uno"}, {"id": two["id"], "_destroy": True},
            {"keyword": "three", "whole_word": False}]},
        content_type="application/json").json()
    assert changed["title"] == "Renamed"
    assert [k["keyword"] for k in changed["keywords"]] == ["uno", "three"]
    added = api.post(f"/api/v2/filters/{created['id']}/keywords",
                     {"keyword": "four", "whole_word": "true"}).json()
    assert api.get(f"/api/v2/filters/keywords/{added['id']}").json()["keyword"] == "four"
    api.put(f"/api/v2/filters/keywords/{added['id']}", {"keyword": "quatre"},
            content_type="application/json")
    assert [k["keyword"] for k in api.get(f"/api/v2/filters/{created['id']}/keywords").json()
            ] == ["uno", "three", "quatre"]
    assert api.delete(f"/api/v2/filters/keywords/{added['id']}").status_code == 200
    assert api.delete(f"/api/v2/filters/{created['id']}").status_code == 200
    assert not Filter.objects.exists()


def test_a_status_can_be_filtered_on_its_own(alice, bob):
    post = do_create_post(bob, "Un post à cacher", rate_limit=False)
    api = _bearer(alice)
    created = _create(api).json()
    row = api.post(f"/api/v2/filters/{created['id']}/statuses",
                   {"status_id": str(post.id)}).json()
    assert row["status_id"] == str(post.id)
    assert api.get(f"/api/v2/filters/statuses/{row['id']}").json() == row
    home = api.get("/api/v1/timelines/public").json()
    caught = next(s for s in home if s["id"] == str(post.id))
    assert caught["filtered"][0]["status_matches"] == [row["id"]]
    assert api.delete(f"/api/v2/filters/statuses/{row['id']}").status_code == 200


def test_statuses_in_the_filters_context_carry_filtered_with_the_matching_keywords(alice, bob):
    from essaim.graph.actions import do_follow

    do_follow(alice, bob)
    caught = do_create_post(bob, "La finale était incroyable !", rate_limit=False)
    other = do_create_post(bob, "Réunion demain à 9 h", rate_limit=False)
    link = do_create_post(bob, "Voir https://example.org/finale pour le plan", rate_limit=False)
    api = _bearer(alice)
    _create(api, title="Sport", context=["home"],
            keywords_attributes=[{"keyword": "Finale", "whole_word": True}])
    home = {s["id"]: s for s in api.get("/api/v1/timelines/home").json()}
    result = home[str(caught.id)]["filtered"][0]
    assert result["filter"]["title"] == "Sport" and result["keyword_matches"] == ["Finale"]
    assert home[str(other.id)]["filtered"] == [] and home[str(link.id)]["filtered"] == []
    public = {s["id"]: s for s in api.get("/api/v1/timelines/public").json()}
    assert public[str(caught.id)]["filtered"] == []  # not in this filter's context


def test_an_expired_filter_catches_nothing(alice, bob):
    from datetime import timedelta

    from django.utils import timezone

    do_create_post(bob, "La finale", rate_limit=False)
    api = _bearer(alice)
    created = _create(api, keywords_attributes=[{"keyword": "finale"}]).json()
    Filter.objects.filter(pk=created["id"]).update(expires_at=timezone.now() - timedelta(1))
    public = api.get("/api/v1/timelines/public").json()
    assert all(s["filtered"] == [] for s in public)


@pytest.mark.parametrize(("body", "word"), [
    ({"title": ""}, "title"),
    ({"context": ["nowhere"]}, "context"),
    ({"context": []}, "context"),
    ({"filter_action": "explode"}, "filter_action"),
    ({"expires_in": "soon"}, "expires_in"),
    ({"keywords_attributes": [{"keyword": ""}]}, "keyword"),
])
def test_bad_filters_get_a_422_with_a_message(alice, body, word):
    response = _create(_bearer(alice), **body)
    assert response.status_code == 422 and word in response.json()["error"]
    assert not Filter.objects.exists()


@pytest.mark.parametrize("who", ["bob", "guest", "admin"])
def test_nobody_else_reads_or_changes_a_filter(alice, make_user, who):
    others = {"bob": lambda: make_user("bob", name="Bob"),
              "guest": lambda: make_user("gail", name="Gail", guest_of="Acme"),
              "admin": lambda: make_user("root", name="Root", admin=True)}
    created = _create(_bearer(alice), keywords_attributes=[{"keyword": "x"}]).json()
    api = _bearer(others[who]())
    fid, kid = created["id"], created["keywords"][0]["id"]
    assert api.get(f"/api/v2/filters/{fid}").status_code == 404
    assert api.put(f"/api/v2/filters/{fid}", {"title": "y"},
                   content_type="application/json").status_code == 404
    assert api.delete(f"/api/v2/filters/{fid}").status_code == 404
    assert api.get(f"/api/v2/filters/keywords/{kid}").status_code == 404
    assert api.delete(f"/api/v2/filters/keywords/{kid}").status_code == 404
    assert api.get("/api/v2/filters").json() == []
    assert Filter.objects.filter(pk=fid, title="Spoilers").exists()


def test_anonymous_callers_get_401():
    assert Client().get("/api/v2/filters").status_code == 401
    assert Client().post("/api/v2/filters", {"title": "x"}).status_code == 401


def test_a_post_one_may_not_see_cannot_be_filtered(alice, bob):
    secret = do_create_post(bob, "Pour moi seul", visibility="direct", rate_limit=False)
    api = _bearer(alice)
    created = _create(api).json()
    response = api.post(f"/api/v2/filters/{created['id']}/statuses",
                        {"status_id": str(secret.id)})
    assert response.status_code == 404
