"""GET /api/essaim/v1/search: items with their id, a cursor, clear 4xx for bad input."""

from __future__ import annotations

import pytest

API = "/api/essaim/v1"


@pytest.fixture
def api(client, alice):
    client.force_login(alice)
    return client


def test_it_finds_posts_with_their_id_and_highlights(api, alice, say):
    post = say(alice, "Les Événements de décembre")
    body = api.get(f"{API}/search", {"q": "evenement"}).json()
    assert [item["id"] for item in body["items"]] == [str(post.id)]
    assert body["next"] is None and body["total"] == 1
    assert "<mark>Événements</mark>" in body["items"][0]["highlight"]


def test_it_pages_with_an_opaque_cursor(api, alice, say):
    posts = [say(alice, f"Atelier numéro {i}", days_ago=i) for i in range(5)]
    first = api.get(f"{API}/search", {"q": "atelier ", "limit": 2, "order": "newest"}).json()
    assert [i["id"] for i in first["items"]] == [str(p.id) for p in posts[:2]]
    assert first["total"] == 5
    second = api.get(f"{API}/search", {"q": "atelier ", "limit": 2, "order": "newest",
                                        "cursor": first["next"]}).json()
    assert [i["id"] for i in second["items"]] == [str(p.id) for p in posts[2:4]]


@pytest.mark.parametrize("type_", ["posts", "people", "communities", "files", "ideas",
                                   "questions", "links"])
def test_every_type_answers(api, type_):
    response = api.get(f"{API}/search", {"q": "alice", "type": type_})
    assert response.status_code == 200
    assert set(response.json()) == {"items", "next", "total", "total_capped"}


def test_people_are_found_by_name(api, bob):
    body = api.get(f"{API}/search", {"q": "durand", "type": "people"}).json()
    assert [i["id"] for i in body["items"]] == [str(bob.id)]
    assert body["items"][0]["username"] == "bob"


@pytest.mark.parametrize(("params", "status"), [
    ({"q": ""}, 422), ({"q": "x" * 501}, 422), ({"q": '"open'}, 422),
    ({"q": "color:red"}, 422), ({"q": "from:@ghost"}, 422), ({"q": "a", "type": "cats"}, 422),
    ({"q": "a", "cursor": "%%%"}, 422), ({"q": "a", "cursor": "bzo5OTk5OTk5OTk5OTk5OTk5OTk5"},
                                        422),
    ({"q": "a", "limit": 0}, 422), ({"q": "a", "order": "oldest"}, 422), ({}, 422),
])
def test_bad_input_answers_a_4xx_with_a_message(api, params, status):
    response = api.get(f"{API}/search", params)
    assert response.status_code == status
    assert response.json()["error"]


def test_it_needs_a_signed_in_caller(client):
    assert client.get(f"{API}/search", {"q": "hello"}).status_code == 401


def test_it_is_in_the_openapi_document_with_400_and_422(client):
    schema = client.get(f"{API}/openapi.json").json()
    operation = schema["paths"]["/api/essaim/v1/search"]["get"]
    assert {"200", "400", "422"} <= set(operation["responses"])
    names = {p["name"] for p in operation["parameters"]}
    assert {"q", "type", "order", "limit", "cursor"} <= names


def test_counts_stop_at_the_cap_and_say_so(api, alice, say, monkeypatch):
    from essaim.search import queries

    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    for i in range(5):
        say(alice, f"Atelier numéro {i}")
    body = api.get(f"{API}/search", {"q": "atelier ", "limit": 2}).json()
    assert body["total"] == 3 and body["total_capped"] is True
    for i in range(20):
        say(alice, f"Atelier suivant {i}")
    page = api.get("/search/", {"q": "atelier "}).content.decode()
    assert "More than 20 results" in page
