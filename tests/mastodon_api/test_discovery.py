"""Instance discovery and the calls apps make at start-up."""

from __future__ import annotations

import re

import pytest

VERSION_RE = re.compile(r"^\d+\.\d+\.\d+\+essaim$")


def test_it_announces_a_semver_version_the_same_in_v1_and_v2(masto):
    anonymous = masto(None)
    v1 = anonymous.get("/api/v1/instance").json()
    v2 = anonymous.get("/api/v2/instance").json()
    assert VERSION_RE.match(v1["version"]) and v1["version"] == v2["version"]
    assert v2["api_versions"]["mastodon"] >= 2


def test_it_gives_the_uri_and_streaming_url_that_clients_need(masto):
    v1 = masto(None).get("/api/v1/instance").json()
    assert v1["uri"] == "testserver"
    assert v1["urls"]["streaming_api"] == "ws://testserver"
    assert v1["configuration"]["statuses"]["max_characters"] == 500


@pytest.mark.parametrize("path", ["/api/v1/instance", "/api/v1/instance/", "/api/v2/instance/",
                                  "/api/v1/instance/rules/", "/api/v1/timelines/public/"])
def test_it_answers_with_or_without_a_trailing_slash(masto, alice, path):
    assert masto(alice).get(path).status_code == 200


def test_it_serves_the_consent_page_with_or_without_a_trailing_slash(client, db):
    app = client.post("/api/v1/apps", {"client_name": "Ivory",
                                       "redirect_uris": "ivory://callback"}).json()
    for path in ("/oauth/authorize", "/oauth/authorize/"):
        response = client.get(path, {"client_id": app["client_id"], "response_type": "code",
                                     "redirect_uri": "ivory://callback"})
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_it_links_nodeinfo_and_describes_its_oauth_server(masto):
    anonymous = masto(None)
    link = anonymous.get("/.well-known/nodeinfo").json()["links"][0]["href"]
    assert link == "http://testserver/nodeinfo/2.0"
    info = anonymous.get("/nodeinfo/2.0").json()
    assert info["software"]["name"] == "essaim" and info["openRegistrations"] is False
    oauth = anonymous.get("/.well-known/oauth-authorization-server").json()
    assert oauth["token_endpoint"] == "http://testserver/oauth/token"
    assert {"authorization_code", "password", "client_credentials"} <= set(
        oauth["grant_types_supported"])
    assert oauth["code_challenge_methods_supported"] == ["S256"]


@pytest.mark.parametrize("path", [
    "/api/v1/preferences", "/api/v1/custom_emojis", "/api/v1/filters", "/api/v2/filters",
    "/api/v1/markers", "/api/v1/announcements", "/api/v1/conversations", "/api/v1/trends/tags",
    "/api/v2/suggestions", "/api/v1/follow_requests", "/api/v1/notifications/policy",
    "/api/v1/followed_tags", "/api/v1/lists", "/api/v1/blocks", "/api/v1/mutes",
])
def test_it_answers_the_start_up_calls_of_apps(masto, alice, path):
    response = masto(alice).get(path)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"


def test_it_allows_web_clients_from_other_origins(masto, alice):
    client = masto(alice).client
    preflight = client.options("/api/v1/timelines/home",
                               headers={"Origin": "https://elk.zone",
                                        "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "Authorization" in preflight["Access-Control-Allow-Headers"]
    response = masto(alice).get("/api/v1/timelines/home")
    assert "Link" in response["Access-Control-Expose-Headers"]
    token = client.post("/oauth/token", {})
    assert token["Access-Control-Allow-Origin"] == "*"


def test_it_answers_json_errors_never_html(masto, alice):
    anonymous, client = masto(None), masto(alice)
    assert anonymous.get("/api/v1/timelines/home").json() == {
        "error": "The access token is invalid"}
    assert anonymous.get("/api/v1/timelines/home").status_code == 401
    missing = client.get("/api/v1/statuses/123")
    assert missing.status_code == 404 and "error" in missing.json()
    wrong_method = client.client.delete("/api/v1/timelines/home")
    assert wrong_method.status_code == 405 and "error" in wrong_method.json()
    unknown = client.get("/api/v1/no_such_thing")
    assert unknown.status_code == 404 and unknown.json() == {"error": "Endpoint not found."}
    bad_token = masto(None).client.get("/api/v1/accounts/verify_credentials",
                                       headers={"Authorization": "Bearer nope"})
    assert bad_token.status_code == 401 and bad_token.json()["error"]
