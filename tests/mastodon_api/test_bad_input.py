"""Hostile input on the Mastodon API answers 4xx with a message, never a server error:
IDs and offsets past 64 bits, deeply nested bodies, control characters."""

from __future__ import annotations

import re

import pytest

from essaim.mastodon_api.urls import urlpatterns
from essaim.posts.actions import do_create_post

HUGE = "9223372036854775808"  # 2**63, one past the largest signed 64-bit integer
HUGER = "99999999999999999999"
NESTED = "[" * 1100 + "]" * 1100
NESTED_OBJECT = '{"a":' * 1100 + "1" + "}" * 1100


def _body_routes():
    routes = []
    for pattern in urlpatterns:
        for method in getattr(pattern.callback, "methods", ()):
            if method in ("POST", "PUT", "PATCH", "DELETE"):
                routes.append((method, pattern.pattern.regex.pattern))
    return routes


def _path(regex: str, ids: dict) -> str:
    path = regex.lstrip("^").removesuffix("/?$")
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(ids.get(m.group(1), "1")), path)
    return "/" + path.replace("\\.", ".")


BODY_ROUTES = _body_routes()


def test_every_body_taking_endpoint_is_covered():
    paths = {regex for _method, regex in BODY_ROUTES}
    assert any("apps" in p for p in paths) and any("oauth/token" in p for p in paths)
    assert len(BODY_ROUTES) > 30


@pytest.fixture
def ids(alice):
    post = do_create_post(alice, "Hello", visibility="public")
    return {"status_id": post.id, "account_id": alice.id, "list_id": 1, "name": "tag",
            "media_id": 1, "poll_id": 1, "notification_id": 1}


@pytest.mark.parametrize("body", [NESTED, NESTED_OBJECT], ids=["array", "object"])
@pytest.mark.parametrize(("method", "regex"), BODY_ROUTES)
@pytest.mark.parametrize("signed_in", [True, False], ids=["token", "anonymous"])
def test_a_deeply_nested_json_body_is_refused_cleanly(masto, alice, ids, method, regex, body,
                                                      signed_in):
    client = masto(alice if signed_in else None).client
    send = getattr(client, method.lower())
    response = send(_path(regex, ids), body, content_type="application/json")
    assert 400 <= response.status_code < 500, (method, regex, response.status_code)
    assert "error" in response.json()


@pytest.mark.parametrize("path", [
    "/api/v1/statuses?id[]={n}", "/api/v1/accounts?id[]={n}",
    "/api/v1/accounts/relationships?id[]={n}", "/api/v2/search?q=a&offset={n}",
    "/api/v1/accounts/search?q=a&offset={n}", "/api/v2/search?q=a&limit={n}",
    "/api/v1/accounts/search?q=a&limit={n}", "/api/v1/statuses/{n}",
    "/api/v1/accounts/{n}", "/api/v1/accounts/{n}/statuses", "/api/v1/timelines/home?max_id={n}",
    "/api/v1/timelines/public?min_id={n}&limit={n}", "/api/v1/notifications?since_id={n}",
    "/api/v1/notifications/{n}", "/api/v1/lists/{n}", "/api/v1/lists?limit={n}",
    "/api/v1/timelines/list/{n}", "/api/v1/media/{n}", "/api/v1/polls/{n}",
    "/api/v1/statuses/{n}/context", "/api/v1/accounts/{n}/followers?limit={n}",
    "/api/v2/search?q=a&type=statuses&offset={n}", "/api/v2/search?q=a&account_id={n}",
])
@pytest.mark.parametrize("number", [HUGE, HUGER, "-" + HUGE])
@pytest.mark.parametrize("signed_in", [True, False], ids=["token", "anonymous"])
def test_numbers_past_64_bits_in_queries_are_refused_cleanly(masto, alice, path, number,
                                                             signed_in):
    response = masto(alice if signed_in else None).get(path.format(n=number))
    assert response.status_code < 500, response.content
    if response.status_code >= 400:
        assert response.json()["error"]


@pytest.mark.parametrize(("method", "path", "data"), [
    ("post", "/api/v1/lists/{list}/accounts", {"account_ids[]": HUGE}),
    ("delete", "/api/v1/lists/{list}/accounts", {"account_ids[]": HUGE}),
    ("post", "/api/v1/statuses", {"status": "hi", "media_ids[]": HUGE}),
    ("post", "/api/v1/statuses", {"status": "hi", "in_reply_to_id": HUGE}),
    ("post", "/api/v1/statuses", {"status": "hi", "quote_id": HUGE}),
    ("post", "/api/v1/notifications/dismiss", {"id": HUGE}),
    ("post", "/api/v1/polls/1/votes", {"choices[]": HUGE}),
    ("post", "/api/v1/markers", {"notifications[last_read_id]": HUGER}),
    ("post", "/api/v1/statuses/{n}/favourite", {}),
    ("post", "/api/v1/accounts/{n}/follow", {}),
    ("put", "/api/v1/statuses/{n}", {"status": "x"}),
    ("put", "/api/v1/media/{n}", {"description": "x"}),
])
@pytest.mark.parametrize("signed_in", [True, False], ids=["token", "anonymous"])
def test_numbers_past_64_bits_in_bodies_are_refused_cleanly(masto, alice, method, path, data,
                                                            signed_in):
    from essaim.graph.actions import do_create_list

    account_list = do_create_list(alice, "Team")
    client = masto(alice if signed_in else None)
    target = path.format(list=account_list.id, n=HUGE)
    send = getattr(client, method)
    response = send(target, data, as_json=False) if method != "post" else send(target, data)
    assert 400 <= response.status_code < 500, (target, response.status_code, response.content)
    assert response.json()["error"]
