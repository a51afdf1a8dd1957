"""The Mastodon API's search on the search engine: /api/v2/search and /api/v1/accounts/search."""

from __future__ import annotations

import pytest

from essaim.posts.actions import do_create_post

HUGE = str(2 ** 63)


def test_statuses_are_found_in_any_inflection_and_accent(masto, alice, bob):
    post = do_create_post(bob, "Les Événements de la rentrée")
    found = masto(alice).get("/api/v2/search", {"q": "evenement", "type": "statuses"}).json()
    assert [s["id"] for s in found["statuses"]] == [str(post.id)]


def test_account_id_narrows_the_statuses(masto, alice, bob, carol):
    mine = do_create_post(bob, "Réunion budget")
    do_create_post(carol, "Réunion budget aussi")
    found = masto(alice).get("/api/v2/search", {"q": "budget", "type": "statuses",
                                                "account_id": str(bob.id)}).json()
    assert [s["id"] for s in found["statuses"]] == [str(mine.id)]


def test_accounts_are_found_by_job_title(masto, alice, make_user):
    make_user("jdoe", name="Jeanne Dupuis", job_title="Architecte sécurité")
    found = masto(alice).get("/api/v1/accounts/search", {"q": "architecte"}).json()
    assert [a["username"] for a in found] == ["jdoe"]


@pytest.mark.parametrize("params", [{"q": '"unclosed'}, {"q": "color:red"},
                                    {"q": "x" * 501}, {"q": "bob", "offset": HUGE},
                                    {"q": "bob", "max_id": HUGE}])
def test_bad_searches_answer_a_4xx_with_a_message(masto, alice, params):
    response = masto(alice).get("/api/v2/search", params)
    assert 400 <= response.status_code < 500
    assert response.json()["error"]
