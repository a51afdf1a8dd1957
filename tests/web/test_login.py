"""Signing in with a username or an e-mail, mistakes, rate limits and signing out."""

from __future__ import annotations

from django.test import override_settings
from django.urls import reverse

PASSWORD = "correct horse battery"


def _login(client, username, password=PASSWORD, **extra):
    return client.post(reverse("web:login"), {"username": username, "password": password}, **extra)


def test_it_signs_in_with_a_username(client, alice):
    response = _login(client, "alice")
    assert response.status_code == 302
    assert response.url == "/"
    assert client.get(reverse("web:home")).status_code == 200


def test_it_signs_in_with_an_email_address(client, make_user):
    make_user("dora", email="dora@example.com")
    response = _login(client, "Dora@Example.com")
    assert response.status_code == 302
    assert client.get(reverse("web:home")).context["user"].username == "dora"


def test_it_goes_back_to_the_page_asked_for_after_signing_in(client, alice):
    response = client.post(reverse("web:login") + "?next=/bookmarks/",
                           {"username": "alice", "password": PASSWORD, "next": "/bookmarks/"})
    assert response.url == "/bookmarks/"


def test_it_ignores_a_next_address_on_another_site(client, alice):
    response = client.post(reverse("web:login"), {"username": "alice", "password": PASSWORD,
                                                  "next": "https://evil.example/"})
    assert response.url == "/"


def test_a_wrong_password_shows_a_clear_message(client, alice):
    response = _login(client, "alice", "not the password")
    assert response.status_code == 200
    assert "do not match" in response.content.decode()
    assert client.get(reverse("web:home")).status_code == 302


def test_a_deactivated_account_cannot_sign_in(client, alice):
    from essaim.accounts.actions import do_deactivate_user

    do_deactivate_user(alice)
    response = _login(client, "alice")
    assert "do not match" in response.content.decode()


@override_settings(ESSAIM_RATE_LOGIN="3/300")
def test_too_many_attempts_are_refused_with_a_clear_message(client, alice):
    for _attempt in range(3):
        assert _login(client, "alice", "guess").status_code == 200
    response = _login(client, "alice")  # even the right password waits now
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert client.get(reverse("web:home")).status_code == 302


@override_settings(ESSAIM_RATE_LOGIN="3/300")
def test_the_rate_limit_counts_per_username(client, alice, bob):
    for _attempt in range(4):
        _login(client, "alice", "guess")
    assert _login(client, "bob").status_code == 302


def test_signing_out_needs_a_post(client, alice):
    client.force_login(alice)
    assert client.get(reverse("web:logout")).status_code == 405
    response = client.post(reverse("web:logout"))
    assert response.url == reverse("web:login")
    assert client.get(reverse("web:home")).status_code == 302


def test_a_signed_in_person_skips_the_login_page(client, alice):
    client.force_login(alice)
    assert client.get(reverse("web:login")).status_code == 302
