"""Fixtures for the Mastodon API: bearer tokens and a JSON client that speaks as a person."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from essaim.oauth.actions import do_issue_token

ALL_SCOPES = "read write follow push"


class MastodonClient:
    """Django's test client with a bearer token; bodies as form data, JSON or multipart."""

    def __init__(self, raw_token: str | None):
        headers = {"Authorization": f"Bearer {raw_token}"} if raw_token else {}
        self.client = Client(headers=headers)
        self.token = raw_token

    def get(self, path: str, data=None, **extra):
        return self.client.get(path, data or {}, **extra)

    def post(self, path: str, data=None, *, as_json: bool = False, **extra):
        if as_json:
            return self.client.post(path, json.dumps(data or {}),
                                    content_type="application/json", **extra)
        return self.client.post(path, data or {}, **extra)

    def put(self, path: str, data=None, *, as_json: bool = True, **extra):
        return self._with_body("put", path, data, as_json, **extra)

    def patch(self, path: str, data=None, *, as_json: bool = True, **extra):
        return self._with_body("patch", path, data, as_json, **extra)

    def delete(self, path: str, data=None, *, as_json: bool = True, **extra):
        return self._with_body("delete", path, data, as_json, **extra)

    def _with_body(self, method, path, data, as_json, **extra):
        send = getattr(self.client, method)
        if as_json:
            return send(path, json.dumps(data or {}), content_type="application/json", **extra)
        from urllib.parse import urlencode

        return send(path, urlencode(data or {}, doseq=True),
                    content_type="application/x-www-form-urlencoded", **extra)


@pytest.fixture
def masto(db):
    """masto(user, scopes="read write follow push") -> a MastodonClient; masto(None) is
    anonymous."""

    def make(user=None, scopes: str = ALL_SCOPES):
        if user is None:
            return MastodonClient(None)
        _token, raw = do_issue_token(user, scopes)
        return MastodonClient(raw)

    return make


@pytest.fixture(scope="session")
def live_essaim(tmp_path_factory):
    """A running Essaim (uvicorn) with alice, bob, carol and the guest gail."""
    from . import live

    server, pg_url = live.start(tmp_path_factory.mktemp("essaim-live"))
    yield server
    live.stop(server, pg_url)
