"""The login rate limit counts per account, whatever way the name is typed, and keeps its locks."""

from __future__ import annotations

import uuid

import pytest
from django.test import override_settings
from django.urls import reverse

PASSWORD = "correct horse battery"
SPELLINGS = ["alice", "@alice", "@@alice", "ALICE", " @Alice ", "@@@aLiCe"]


def _login(client, username, password=PASSWORD, **extra):
    return client.post(reverse("web:login"), {"username": username, "password": password}, **extra)


@override_settings(ESSAIM_RATE_LOGIN="3/300")
def test_at_signs_and_case_do_not_give_fresh_attempts_on_the_web(client, alice):
    for spelling in SPELLINGS:
        _login(client, spelling, "guess")
    for spelling in SPELLINGS:
        response = _login(client, spelling)
        assert response.status_code == 429, spelling
    assert client.get(reverse("web:home")).status_code == 302


@override_settings(ESSAIM_RATE_LOGIN="3/300")
def test_an_email_address_counts_against_the_same_account(client, make_user):
    make_user("dora", email="dora@example.com")
    for spelling in ["dora", "Dora@Example.com", "@dora"]:
        _login(client, spelling, "guess")
    assert _login(client, "DORA@example.com").status_code == 429


@override_settings(ESSAIM_RATE_LOGIN="3/300")
def test_another_address_still_has_its_own_allowance(client, alice):
    for spelling in SPELLINGS[:4]:
        _login(client, spelling, "guess")
    assert _login(client, "alice", REMOTE_ADDR="10.0.0.9").status_code == 302


@pytest.fixture
def app(client, db):
    response = client.post("/api/v1/apps", {"client_name": "Pocket",
                                            "redirect_uris": "urn:ietf:wg:oauth:2.0:oob",
                                            "scopes": "read"})
    return response.json()


@override_settings(ESSAIM_RATE_LOGIN="3/300")
def test_at_signs_and_case_do_not_give_fresh_attempts_on_the_password_grant(client, app, alice):
    def grant(username, password):
        return client.post("/oauth/token", {
            "grant_type": "password", "username": username, "password": password,
            "client_id": app["client_id"], "client_secret": app["client_secret"]})

    for spelling in SPELLINGS:
        grant(spelling, "guess")
    for spelling in SPELLINGS:
        response = grant(spelling, PASSWORD)
        assert response.status_code == 429, spelling


@override_settings(ESSAIM_RATE_LOGIN="3/300")
def test_a_flood_of_random_usernames_does_not_lift_the_lock_on_a_real_account(client, alice):
    for _attempt in range(4):
        _login(client, "alice", "guess")
    assert _login(client, "alice").status_code == 429
    for _attempt in range(330):
        _login(client, f"nobody-{uuid.uuid4().hex}", "guess",
               REMOTE_ADDR=f"10.{_attempt // 250}.{_attempt % 250}.1")
    assert _login(client, "alice").status_code == 429
