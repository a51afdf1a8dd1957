"""The Content-Security-Policy: on every response, and no page that would break under it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2] / "essaim"
TEMPLATES = sorted(p for p in ROOT.rglob("*.html") if "templates" in p.parts)
# Markup produced in Python (template tags) obeys the same rules as templates.
HTML_IN_PYTHON = sorted((ROOT / "web" / "templatetags").glob("*.py"))

FORBIDDEN = {
    "an inline script": re.compile(
        r"<script\b(?![^>]*\bsrc=)(?![^>]*type=[\"']application/(?:ld\+)?json[\"'])[^>]*>",
        re.I),
    "an inline event handler": re.compile(r"<[^>]*\son[a-z]+\s*=", re.I),
    "hx-on": re.compile(r"\bhx-on\b|\bhx-on[:-]", re.I),
    "a javascript: address": re.compile(r"javascript:", re.I),
    "an inline style attribute": re.compile(r"\sstyle\s*=\s*[\"']", re.I),
    "an inline style block": re.compile(r"<style\b", re.I),
}


def test_templates_were_found():
    assert len(TEMPLATES) > 50


@pytest.mark.parametrize("path", TEMPLATES + HTML_IN_PYTHON,
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_needs_what_the_policy_refuses(path):
    source = path.read_text(encoding="utf-8")
    found = [f"{what}: {match.group()[:80]!r}" for what, pattern in FORBIDDEN.items()
             for match in pattern.finditer(source)]
    assert not found, "\n".join(found)


def test_the_scanner_catches_each_kind_of_inline_code():
    samples = ['<script>alert(1)</script>', '<button onclick="go()">', '<div hx-on:click="x">',
               '<a href="javascript:void(0)">', '<span style="color: red">', '<style>p{}</style>']
    for sample, pattern in zip(samples, FORBIDDEN.values(), strict=True):
        assert pattern.search(sample), sample
    assert not FORBIDDEN["an inline script"].search('<script src="/static/x.js" defer>')
    assert not FORBIDDEN["an inline script"].search('<script id="d" type="application/json">')


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


@pytest.mark.parametrize("path", ["/login/", "/api/v1/instance", "/api/essaim/v1/openapi.json",
                                  "/no-such-page/", "/api/v1/statuses/1"])
def test_every_response_carries_the_policy(client, db, path):
    policy = _policy(client.get(path))
    assert policy["default-src"] == ["'self'"] and policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"] and "data:" in policy["img-src"]
    assert "ws://testserver" in policy["connect-src"]


def test_signed_in_pages_carry_the_policy_too(client, alice):
    client.force_login(alice)
    response = client.get(reverse("web:home"))
    assert response.status_code == 200
    assert _policy(response)["script-src"] == ["'self'"]
    assert b'"allowEval":false' in response.content


def test_the_consent_page_lets_its_form_end_on_the_apps_address(client, alice):
    app = client.post("/api/v1/apps", {"client_name": "Pocket", "scopes": "read",
                                       "redirect_uris": "https://app.example/callback"}).json()
    client.force_login(alice)
    response = client.get("/oauth/authorize", {
        "client_id": app["client_id"], "redirect_uri": "https://app.example/callback",
        "response_type": "code", "scope": "read"})
    assert response.status_code == 200
    assert _policy(response)["form-action"] == ["'self'", "https://app.example"]
