"""Registering apps and getting tokens: password, authorisation code (with PKCE), client
credentials; revoking; scopes enforced per endpoint."""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import parse_qs, urlsplit

import pytest

from essaim.oauth.actions import do_issue_token

REDIRECT = "https://app.example/callback"
pytestmark = pytest.mark.django_db


@pytest.fixture
def app(client):
    response = client.post("/api/v1/apps", {"client_name": "Pocket", "redirect_uris": REDIRECT,
                                            "scopes": "read write follow"})
    assert response.status_code == 200, response.content
    return response.json()


def _token(client, **data):
    return client.post("/oauth/token", data)


def test_it_registers_an_app_from_form_or_json(client, app):
    assert app["name"] == "Pocket" and app["client_id"] and app["client_secret"]
    assert app["redirect_uris"] == [REDIRECT] and app["scopes"] == ["read", "write", "follow"]
    as_json = client.post("/api/v1/apps", {"client_name": "Elk", "redirect_uris": [REDIRECT,
                          "urn:ietf:wg:oauth:2.0:oob"]}, content_type="application/json")
    assert as_json.json()["redirect_uris"] == [REDIRECT, "urn:ietf:wg:oauth:2.0:oob"]


def test_it_refuses_an_app_without_a_redirect_uri_or_with_unknown_scopes(client):
    missing = client.post("/api/v1/apps", {"client_name": "Broken"})
    assert missing.status_code == 422 and "redirect" in missing.json()["error"].lower()
    unknown = client.post("/api/v1/apps", {"client_name": "Greedy", "redirect_uris": REDIRECT,
                                           "scopes": "read admin:write"})
    assert unknown.status_code == 422


def test_it_logs_in_with_a_password_and_echoes_every_scope(client, app, alice):
    response = _token(client, grant_type="password", username="alice",
                      password="correct horse battery", client_id=app["client_id"],
                      client_secret=app["client_secret"], scope="read write:statuses follow")
    body = response.json()
    assert response.status_code == 200
    assert body["scope"] == "read write:statuses follow" and body["token_type"] == "Bearer"
    assert isinstance(body["created_at"], int)
    me = client.get("/api/v1/accounts/verify_credentials",
                    headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json()["username"] == "alice"


def test_it_refuses_a_wrong_password_or_an_unknown_client(client, app, alice):
    wrong = _token(client, grant_type="password", username="alice", password="nope",
                   client_id=app["client_id"], client_secret=app["client_secret"])
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"
    unknown = _token(client, grant_type="password", username="alice",
                     password="correct horse battery", client_id="x", client_secret="y")
    assert unknown.status_code == 401 and unknown.json()["error"] == "invalid_client"
    greedy = _token(client, grant_type="password", username="alice",
                    password="correct horse battery", client_id=app["client_id"],
                    client_secret=app["client_secret"], scope="read push")
    assert greedy.json()["error"] == "invalid_scope"


def test_it_gives_app_tokens_that_cannot_act_as_a_person(client, app):
    body = _token(client, grant_type="client_credentials", client_id=app["client_id"],
                  client_secret=app["client_secret"], scope="read").json()
    headers = {"Authorization": f"Bearer {body['access_token']}"}
    assert client.get("/api/v1/apps/verify_credentials", headers=headers).json()["name"] == \
        "Pocket"
    person = client.get("/api/v1/accounts/verify_credentials", headers=headers)
    assert person.status_code == 422


def _pkce() -> tuple[str, str]:
    verifier = "a-long-enough-random-verifier-for-pkce-0123456789"
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    return verifier, challenge.rstrip(b"=").decode()


def _authorize_url(app, **extra) -> str:
    from urllib.parse import urlencode

    query = {"client_id": app["client_id"], "redirect_uri": REDIRECT, "response_type": "code",
             "scope": "read write", "state": "xyz", **extra}
    return "/oauth/authorize?" + urlencode(query)


def test_it_sends_a_signed_out_person_to_the_login_page_first(client, app):
    response = client.get(_authorize_url(app))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert "next=" in response["Location"]


def test_it_asks_for_consent_then_redirects_with_a_code_that_works_once(client, app, alice):
    client.force_login(alice)
    verifier, challenge = _pkce()
    url = _authorize_url(app, code_challenge=challenge, code_challenge_method="S256")
    page = client.get(url)
    assert page.status_code == 200 and b"Pocket" in page.content
    form = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    approved = client.post("/oauth/authorize", {**form, "decision": "approve"})
    assert approved.status_code == 302
    target = urlsplit(approved["Location"])
    params = parse_qs(target.query)
    assert target.netloc == "app.example" and params["state"] == ["xyz"]
    code = params["code"][0]
    wrong_verifier = _token(client, grant_type="authorization_code", code=code,
                            client_id=app["client_id"], redirect_uri=REDIRECT,
                            code_verifier="not-the-verifier")
    assert wrong_verifier.json()["error"] == "invalid_grant"
    exchange = dict(grant_type="authorization_code", code=code, client_id=app["client_id"],
                    redirect_uri=REDIRECT, code_verifier=verifier)
    first = _token(client, **exchange)
    assert first.status_code == 200 and first.json()["scope"] == "read write"
    assert _token(client, **exchange).json()["error"] == "invalid_grant"


def test_it_shows_the_code_on_the_page_for_out_of_band_apps(client, alice):
    app = client.post("/api/v1/apps", {"client_name": "toot", "scopes": "read",
                                       "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"}).json()
    client.force_login(alice)
    form = {"client_id": app["client_id"], "redirect_uri": "urn:ietf:wg:oauth:2.0:oob",
            "scope": "read", "response_type": "code", "decision": "approve"}
    page = client.post("/oauth/authorize", form)
    assert page.status_code == 200
    code = page.context["code"]
    body = _token(client, grant_type="authorization_code", code=code,
                  client_id=app["client_id"], client_secret=app["client_secret"],
                  redirect_uri="urn:ietf:wg:oauth:2.0:oob").json()
    assert body["scope"] == "read"


def test_it_refuses_an_unregistered_redirect_uri_without_redirecting(client, app, alice):
    client.force_login(alice)
    page = client.get(_authorize_url(app, redirect_uri="https://evil.example/"))
    assert page.status_code == 400


def test_it_redirects_a_refusal_with_access_denied(client, app, alice):
    client.force_login(alice)
    form = {"client_id": app["client_id"], "redirect_uri": REDIRECT, "scope": "read",
            "state": "s1", "decision": "deny"}
    refused = client.post("/oauth/authorize", form)
    assert parse_qs(urlsplit(refused["Location"]).query)["error"] == ["access_denied"]


def test_it_revokes_a_token(client, app, alice):
    body = _token(client, grant_type="password", username="alice",
                  password="correct horse battery", client_id=app["client_id"],
                  client_secret=app["client_secret"]).json()
    revoked = client.post("/oauth/revoke", {"token": body["access_token"],
                                            "client_id": app["client_id"],
                                            "client_secret": app["client_secret"]})
    assert revoked.status_code == 200
    after = client.get("/api/v1/accounts/verify_credentials",
                       headers={"Authorization": f"Bearer {body['access_token']}"})
    assert after.status_code == 401


def test_it_enforces_scopes_per_endpoint(masto, alice):
    reader = masto(alice, scopes="read")
    assert reader.get("/api/v1/timelines/home").status_code == 200
    refused = reader.post("/api/v1/statuses", {"status": "hello"})
    assert refused.status_code == 403 and "scope" in refused.json()["error"]
    statuses_only = masto(alice, scopes="read:statuses")
    assert statuses_only.get("/api/v1/notifications").status_code == 403
    follower = masto(alice, scopes="follow")
    assert follower.get("/api/v1/blocks").status_code == 200


def test_it_accepts_tokens_from_the_command_line(client, alice):
    _token_row, raw = do_issue_token(alice, "read write")
    me = client.get("/api/v1/accounts/verify_credentials",
                    headers={"Authorization": f"Bearer {raw}"})
    assert me.json()["username"] == "alice"
    by_query = client.get(f"/api/v1/accounts/verify_credentials?access_token={raw}")
    assert by_query.json()["username"] == "alice"
