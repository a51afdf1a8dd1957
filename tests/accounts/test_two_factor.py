"""Two-factor authentication: turning it on with an authenticator app, signing in with a code
or a recovery code, remembered browsers, the company's requirement, and Mastodon apps."""

from __future__ import annotations

import re

import pyotp
import pytest
from django.test import Client

from essaim.accounts import twofactor
from essaim.accounts.models import SecurityPolicy, TwoFactor

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery"


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _enrol(user) -> tuple[str, list[str]]:
    """Turn it on through the settings page; returns the secret and the recovery codes."""
    client = _signed_in(user)
    client.post("/settings/two-factor/", {"action": "start"})
    page = client.get("/settings/two-factor/").content.decode()
    secret = re.search(r'id="two-factor-secret">([A-Z2-7]+)<', page).group(1)
    assert "<svg" in page
    done = client.post("/settings/two-factor/", {"action": "confirm",
                                                 "code": pyotp.TOTP(secret).now()})
    codes = re.findall(r"<code>([0-9a-f]{6}-[0-9a-f]{6})</code>", done.content.decode())
    assert len(codes) == 10
    TwoFactor.objects.filter(user=user).update(last_step=0)  # the enrolment code may be reused
    return secret, codes


def _password_step(client: Client, username: str = "alice"):
    return client.post("/login/", {"username": username, "password": PASSWORD})


def test_after_turning_it_on_the_password_alone_no_longer_signs_in(alice):
    secret, _codes = _enrol(alice)
    client = Client()
    response = _password_step(client)
    assert response.status_code == 302 and response["Location"] == "/login/two-factor/"
    assert client.get("/").status_code == 302  # not signed in yet
    wrong = client.post("/login/two-factor/", {"code": "000000"})
    assert wrong.status_code == 400 and "does not match" in wrong.content.decode()
    right = client.post("/login/two-factor/", {"code": pyotp.TOTP(secret).now()})
    assert right.status_code == 302
    assert client.get("/").status_code == 200


def test_a_code_is_used_once(alice):
    secret, _codes = _enrol(alice)
    code = pyotp.TOTP(secret).now()
    first = Client()
    _password_step(first)
    first.post("/login/two-factor/", {"code": code})
    second = Client()
    _password_step(second)
    assert second.post("/login/two-factor/", {"code": code}).status_code == 400


def test_a_recovery_code_signs_in_once(alice):
    _secret, codes = _enrol(alice)
    client = Client()
    _password_step(client)
    assert client.post("/login/two-factor/", {"code": codes[0].upper()}).status_code == 302
    again = Client()
    _password_step(again)
    assert again.post("/login/two-factor/", {"code": codes[0]}).status_code == 400
    assert twofactor.recovery_codes_left(alice) == 9


def test_a_remembered_browser_skips_the_second_step_for_30_days(alice):
    secret, _codes = _enrol(alice)
    client = Client()
    _password_step(client)
    response = client.post("/login/two-factor/", {"code": pyotp.TOTP(secret).now(),
                                                  "remember": "on"})
    cookie = response.cookies[twofactor.COOKIE]
    assert cookie["httponly"] and int(cookie["max-age"]) == 30 * 86400
    client.post("/logout/")
    again = _password_step(client)
    assert again["Location"] == "/"
    stranger = Client()
    assert _password_step(stranger)["Location"] == "/login/two-factor/"


def test_wrong_codes_are_rate_limited(alice, settings):
    settings.ESSAIM_RATE_LOGIN = "3/300"
    _enrol(alice)
    client = Client()
    _password_step(client)
    statuses = [client.post("/login/two-factor/", {"code": "123456"}).status_code
                for _ in range(4)]
    assert statuses[-1] == 429


def test_turning_it_off_needs_a_current_code(alice):
    secret, _codes = _enrol(alice)
    client = _signed_in(alice)
    refused = client.post("/settings/two-factor/", {"action": "disable", "code": "111111"})
    assert refused.status_code == 422 and twofactor.is_enabled(alice)
    client.post("/settings/two-factor/", {"action": "disable",
                                          "code": pyotp.TOTP(secret).now()})
    assert not twofactor.is_enabled(alice)


def test_when_the_company_requires_it_pages_ask_to_enrol_first(alice, make_user):
    admin = make_user("root", name="Root", admin=True)
    assert _signed_in(alice).post("/manage/security/", {
        "require_two_factor": "everyone"}).status_code in (302, 403)
    assert SecurityPolicy.current().require_two_factor == "nobody"  # not an admin
    _signed_in(admin).post("/manage/security/", {"require_two_factor": "everyone"})
    assert SecurityPolicy.current().require_two_factor == "everyone"
    client = _signed_in(alice)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/settings/two-factor/"
    assert client.get("/settings/two-factor/").status_code == 200
    secret, _codes = _enrol(alice)
    assert client.get("/").status_code == 200
    refused = client.post("/settings/two-factor/", {"action": "disable",
                                                    "code": pyotp.TOTP(secret).now()})
    assert refused.status_code == 403 and twofactor.is_enabled(alice)


def test_mastodon_apps_cannot_get_a_token_with_the_password_alone(alice):
    _enrol(alice)
    client = Client()
    app = client.post("/api/v1/apps", {"client_name": "Tusky", "scopes": "read",
                                       "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"}).json()
    response = client.post("/oauth/token", {
        "grant_type": "password", "client_id": app["client_id"],
        "client_secret": app["client_secret"], "username": "alice", "password": PASSWORD,
        "scope": "read"})
    assert response.status_code in (400, 401) and "two-factor" in response.content.decode()
