"""An external guest's token never reads internal content, whatever the endpoint."""

from __future__ import annotations

import pytest

from essaim.graph.actions import do_add_to_list, do_create_list
from essaim.posts.actions import do_create_post, do_like, do_relay

SECRET = "internal-roadmap"


@pytest.fixture
def company(alice, bob, guest):
    internal = do_create_post(alice, f"The {SECRET} #plans @bob", visibility="company")
    followers = do_create_post(alice, f"Followers {SECRET}", visibility="followers")
    public = do_create_post(alice, "Public hello #plans", visibility="public")
    do_like(bob, internal.id)
    do_relay(bob, internal.id)
    do_create_post(bob, f"Reply {SECRET}", in_reply_to=public, visibility="company")
    return {"internal": internal, "followers": followers, "public": public}


def _paths(company, alice, bob):
    internal = company["internal"].id
    return [
        "/api/v1/timelines/home", "/api/v1/timelines/public", "/api/v1/timelines/tag/plans",
        f"/api/v1/statuses/{internal}", f"/api/v1/statuses/{internal}/context",
        f"/api/v1/statuses/{company['public'].id}/context", f"/api/v1/statuses/{internal}/history",
        f"/api/v1/statuses/{internal}/favourited_by", f"/api/v1/statuses/{internal}/reblogged_by",
        f"/api/v1/statuses?id[]={internal}", f"/api/v1/accounts/{alice.id}",
        f"/api/v1/accounts/{alice.id}/statuses", f"/api/v1/accounts/{alice.id}/followers",
        "/api/v1/accounts/lookup?acct=alice", f"/api/v1/accounts?id[]={alice.id}",
        f"/api/v1/accounts/relationships?id[]={bob.id}", "/api/v1/accounts/search?q=a",
        f"/api/v2/search?q={SECRET}", "/api/v2/search?q=alice", "/api/v2/search?q=plans",
        f"/api/v2/search?q=http://testserver/posts/{internal}/", "/api/v1/notifications",
        "/api/v1/favourites", "/api/v1/bookmarks", "/api/v1/tags/plans",
    ]


def test_a_guest_token_never_reads_internal_content(masto, company, guest, alice, bob):
    client = masto(guest)
    for path in _paths(company, alice, bob):
        response = client.get(path)
        body = response.content.decode()
        assert SECRET not in body, path
        assert str(company["internal"].id) not in body, path
        assert "Alice Martin" not in body or "Public hello" in body, path
        assert response.status_code in (200, 403, 404), (path, response.status_code)


def test_a_guest_still_reads_public_posts_and_their_own(masto, company, guest):
    client = masto(guest)
    public = client.get(f"/api/v1/statuses/{company['public'].id}")
    assert public.status_code == 200
    mine = client.post("/api/v1/statuses", {"status": "Hello from Acme"}).json()
    assert client.get(f"/api/v1/statuses/{mine['id']}").status_code == 200
    assert mine["visibility"] == "private"  # a guest's default is never company-wide


def test_anonymous_readers_see_public_posts_only(masto, company, alice):
    anonymous = masto(None)
    assert anonymous.get("/api/v1/timelines/public").status_code == 401  # the company flow
    assert anonymous.get(f"/api/v1/statuses/{company['public'].id}").status_code == 200
    assert anonymous.get(f"/api/v1/statuses/{company['internal'].id}").status_code == 404
    assert anonymous.get(f"/api/v1/accounts/{alice.id}").status_code == 404


def test_a_guest_cannot_use_an_employees_list(masto, alice, bob, guest):
    team = do_create_list(alice, "Team")
    do_add_to_list(alice, team.id, [bob])
    assert masto(guest).get(f"/api/v1/timelines/list/{team.id}").status_code == 404
