"""Who reads which trends and signals: every surface asks the one policy."""

from __future__ import annotations

import pytest
from django.test import Client

from essaim.oauth.actions import do_issue_token
from tests.trends.conftest import day_of


def _api(user):
    if user is None:
        return Client()
    _token, raw = do_issue_token(user, "read write")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def _native(world, who, path="/api/essaim/v1/trends", **params):
    return _api(world[who] if who != "anonymous" else None).get(path, params)


def _terms(response) -> set[str]:
    return {item["term"] for item in response.json()["items"]}


@pytest.mark.parametrize("who", ["employee", "admin"])
def test_employees_and_admins_read_company_trends(world, who):
    response = _native(world, who, kind="tag")
    assert response.status_code == 200
    assert _terms(response) == {"Vivatech"}


def test_company_trends_never_count_community_or_followers_only_posts(world):
    items = _native(world, "employee", kind="tag").json()["items"]
    assert items[0]["people"] == 8
    assert "Tender" not in _terms(_native(world, "employee", kind="tag"))


def test_a_guest_member_sees_no_company_trend(world):
    assert _native(world, "guest").status_code == 403


def test_anonymous_visitors_cannot_read_trends(world):
    assert _native(world, "anonymous").status_code == 401


def test_a_guest_member_reads_their_communitys_trends(world):
    response = _native(world, "guest", kind="tag", community=world["horizon"].slug)
    assert response.status_code == 200
    assert _terms(response) == {"Tender"}


def test_a_guest_of_another_community_cannot_read_a_communitys_trends(world):
    response = _native(world, "other_guest", community=world["horizon"].slug)
    assert response.status_code == 404


def test_an_employee_outside_a_community_cannot_read_its_trends(world):
    response = _native(world, "employee", community=world["horizon"].slug)
    assert response.status_code == 403


def test_community_members_read_their_communitys_trends(world):
    response = _native(world, "member", kind="tag", community=world["horizon"].slug)
    assert _terms(response) == {"Tender"}


@pytest.mark.parametrize("who,status", [("employee", 200), ("admin", 200), ("guest", 403),
                                        ("other_guest", 403), ("anonymous", 401)])
def test_signals_follow_the_same_rules(world, who, status):
    response = _native(world, who, "/api/essaim/v1/signals", limit=10)
    assert response.status_code == status
    if status == 200:
        assert set(response.json()) == {"items"}


@pytest.mark.parametrize("who,expected", [("employee", ["Vivatech"]), ("admin", ["Vivatech"]),
                                          ("guest", []), ("other_guest", []),
                                          ("anonymous", [])])
def test_mastodon_trending_tags_go_to_employees_only(world, who, expected):
    response = _native(world, who, "/api/v1/trends/tags")
    assert response.status_code == 200
    assert [t["name"] for t in response.json()] == expected


def test_mastodon_trending_tags_have_mastodons_shape(world):
    tag = _native(world, "employee", "/api/v1/trends/tags").json()[0]
    assert set(tag) >= {"name", "url", "history"}
    assert len(tag["history"]) == 7
    posted = day_of(tag["history"])
    assert set(posted) == {"day", "uses", "accounts"}
    assert all(isinstance(v, str) for v in posted.values())
    assert posted["accounts"] == "8" and posted["uses"] == "8"


@pytest.mark.parametrize("who", ["guest", "other_guest", "anonymous"])
def test_mastodon_trending_statuses_and_links_are_empty_for_outsiders(world, who):
    for path in ("/api/v1/trends/statuses", "/api/v1/trends/links"):
        response = _native(world, who, path)
        assert response.status_code == 200
        assert response.json() == []


@pytest.mark.parametrize("who,status,shown", [
    ("employee", 200, True), ("admin", 200, True), ("guest", 200, False),
    ("other_guest", 200, False)])
def test_the_trends_page_shows_company_trends_to_employees_only(world, who, status, shown):
    client = Client()
    client.force_login(world[who])
    response = client.get("/trends/")
    assert response.status_code == status
    assert ("#Vivatech" in response.content.decode()) is shown


def test_the_trends_page_asks_anonymous_visitors_to_sign_in(world):
    assert Client().get("/trends/").status_code == 302
    assert Client().get("/signals/").status_code == 302


def test_a_guest_sees_their_communitys_trends_on_the_page(world):
    client = Client()
    client.force_login(world["guest"])
    page = client.get("/trends/", {"community": world["horizon"].slug}).content.decode()
    assert "#Tender" in page and "#Secretdeal" not in page


def test_a_guest_of_another_community_gets_not_found_on_the_page(world):
    client = Client()
    client.force_login(world["other_guest"])
    assert client.get("/trends/", {"community": world["horizon"].slug}).status_code == 404
    assert client.get("/signals/", {"community": world["horizon"].slug}).status_code == 404


def test_only_administrators_may_hide_a_trend(world):
    response = _api(world["employee"]).post("/api/essaim/v1/trends/hidden",
                                            {"kind": "tag", "key": "vivatech"},
                                            content_type="application/json")
    assert response.status_code == 403
    response = _api(world["admin"]).post("/api/essaim/v1/trends/hidden",
                                         {"kind": "tag", "key": "vivatech", "reason": "spam"},
                                         content_type="application/json")
    assert response.status_code == 201
    assert _terms(_native(world, "employee", kind="tag")) == set()
    from essaim.trends.models import TrendAudit

    entry = TrendAudit.objects.get()
    assert (entry.actor, entry.action, entry.key, entry.value) == (
        world["admin"], "hide", "vivatech", "spam")


def test_bad_parameters_get_a_clear_422(world):
    for params in ({"limit": 0}, {"limit": 1000}, {"kind": "planet"}, {"offset": -1}):
        response = _native(world, "employee", **params)
        assert response.status_code == 422, params
        assert response.json()["error"]
    assert _native(world, "employee", limit="many").status_code == 422
