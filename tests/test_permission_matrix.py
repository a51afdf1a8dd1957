"""Who may read which post and timeline, cell by cell, on every surface.

Viewer kind (employee, guest member of a community, guest of another community, anonymous,
administrator) × content (a public, a company, a followers-only, a direct and a community
post, a hashtag's timeline and existence, the company timeline) × surface (the policy, the web
UI, the native API, the Mastodon API, Mastodon streaming). The expected answer of each cell is
written once below; every surface must give it.
"""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from essaim import visibility as policy
from essaim.core.errors import EssaimError
from essaim.graph.actions import do_follow
from essaim.mastodon_api import streaming
from essaim.oauth.actions import do_issue_token
from essaim.posts.actions import do_create_post
from essaim.realtime import channels

from .communities.conftest import build_community

VIEWERS = ("employee", "guest_member", "other_guest", "anonymous", "admin")
SURFACES = ("policy", "web", "native", "mastodon", "streaming")
POSTS = ("public", "company", "followers", "direct", "community")
SIGNED_IN = {"employee", "guest_member", "other_guest", "admin"}
EMPLOYEES = {"employee", "admin"}

# Which viewers may read each post (the employee follows the author, is mentioned in the direct
# post and belongs to the community; the guest member too, but does not follow; the
# administrator is an employee who does none of these).
READERS = {
    "public": set(VIEWERS),
    "company": EMPLOYEES,
    "followers": {"employee"},
    "direct": {"employee", "guest_member"},
    "community": {"employee", "guest_member"},
}
NATIVE = "/api/essaim/v1"
# The native API answers signed-in people only, and the stream a post is checked on (its
# hashtag's) needs a sign-in too: anonymous readers get public posts on the other surfaces.
SIGN_IN_SURFACES = {"native", "streaming"}


@pytest.fixture
def people(make_user, alice, bob, guest):
    """The viewers, and the community the posts' author shares with the employee and guest."""
    other_guest = make_user("olga", guest_of="Other Ltd")
    admin = make_user("ada", admin=True)
    do_follow(bob, alice)
    community = build_community(alice, "Client space", kind="external", members=[bob],
                                guests=[guest])
    build_community(alice, "Other client", kind="external", guests=[other_guest])
    viewers = {"employee": bob, "guest_member": guest, "other_guest": other_guest,
               "anonymous": None, "admin": admin}
    return viewers, alice, community


def _publish(alice, community) -> dict:
    from essaim.communities.actions import do_post_in_community

    return {
        "public": do_create_post(alice, "public-marker #matrix", visibility="public"),
        "company": do_create_post(alice, "company-marker #matrix #insideonly"),
        "followers": do_create_post(alice, "followers-marker #matrix", visibility="followers"),
        "direct": do_create_post(alice, "direct-marker #matrix @bob @gail", visibility="direct"),
        "community": do_post_in_community(alice, community, "community-marker #matrix"),
    }


@pytest.fixture
def world(people):
    viewers, alice, community = people
    return viewers, _publish(alice, community)


def _web(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _bearer(user) -> Client:
    if user is None:
        return Client()
    _token, raw = do_issue_token(user, "read write follow push")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def _stream(user, name: str, params: dict):
    try:
        return streaming.open_stream(None, user, name, params)
    except EssaimError:
        return None


def _streamed(stream, channel: str, post) -> bool:
    if stream is None:
        return False
    message = {"event": "update", "id": str(post.id)}
    return streaming.render(stream, channel, message,
                            streaming.StreamRequest("testserver", False)) is not None


def _reads_post(surface: str, user, post) -> bool:
    marker = post.text.split()[0]
    if surface == "policy":
        return policy.can_see_post(user or AnonymousUser(), post)
    if surface == "web":
        response = _web(user).get(reverse("web:thread", args=[post.id]))
        assert response.status_code in (200, 302, 404), response.status_code
        return response.status_code == 200 and marker in response.content.decode()
    if surface == "native":
        response = _bearer(user).get(f"{NATIVE}/posts/{post.id}")
        assert response.status_code in (200, 401, 404), response.status_code
        return response.status_code == 200 and marker in response.content.decode()
    if surface == "mastodon":
        response = _bearer(user).get(f"/api/v1/statuses/{post.id}")
        assert response.status_code in (200, 401, 404), response.status_code
        return response.status_code == 200 and marker in response.content.decode()
    stream = _stream(user, "hashtag", {"tag": "matrix"})
    return _streamed(stream, channels.hashtag("matrix"), post)


@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize("content", POSTS)
def test_each_viewer_reads_a_post_on_every_surface_exactly_when_the_policy_allows(
        world, surface, content):
    viewers, posts = world
    for kind, user in viewers.items():
        expected = kind in READERS[content] and not (
            kind == "anonymous" and surface in SIGN_IN_SURFACES)
        assert _reads_post(surface, user, posts[content]) is expected, (kind, content, surface)


def _timeline(surface: str, user, which: str) -> tuple[bool, str]:
    """(allowed, body) of the company timeline or the #matrix timeline on one surface."""
    if surface == "policy":
        check = policy.access_company_flow if which == "company" else \
            policy.access_hashtag_timeline
        try:
            check(user or AnonymousUser())
        except EssaimError:
            return False, ""
        return True, ""
    if surface == "web":
        url = reverse("web:company") if which == "company" else \
            reverse("web:hashtag", args=["matrix"])
        response = _web(user).get(url)
        assert response.status_code in (200, 302, 403), response.status_code
        return response.status_code == 200, response.content.decode()
    if surface in ("native", "mastodon"):
        if surface == "native":
            url = f"{NATIVE}/timelines/company" if which == "company" else \
                f"{NATIVE}/timelines/tags/matrix"
        else:
            url = "/api/v1/timelines/public" if which == "company" else \
                "/api/v1/timelines/tag/matrix"
        response = _bearer(user).get(url)
        assert response.status_code in (200, 401, 403), response.status_code
        return response.status_code == 200, response.content.decode()
    if which == "company":
        return _stream(user, "public", {}) is not None, ""
    return _stream(user, "hashtag", {"tag": "matrix"}) is not None, ""


@pytest.mark.parametrize("surface", SURFACES)
def test_only_employees_read_the_company_timeline(world, surface):
    viewers, posts = world
    for kind, user in viewers.items():
        allowed, body = _timeline(surface, user, "company")
        assert allowed is (kind in EMPLOYEES), (kind, surface)
        if allowed and body:
            assert "public-marker" in body and "company-marker" in body, (kind, surface)
            assert "followers-marker" not in body and "community-marker" not in body


@pytest.mark.parametrize("surface", SURFACES)
def test_anyone_signed_in_reads_a_hashtag_timeline_with_only_the_posts_they_may_see(
        world, surface):
    viewers, posts = world
    for kind, user in viewers.items():
        allowed, body = _timeline(surface, user, "hashtag")
        assert allowed is (kind in SIGNED_IN), (kind, surface)
        if allowed and body:
            for content, post in posts.items():
                shown = post.text.split()[0] in body
                assert shown is (kind in READERS[content]), (kind, content, surface)


def test_a_hashtag_is_known_to_outsiders_only_through_a_post_they_may_read(world):
    viewers, _posts = world
    for kind, user in viewers.items():
        knows_internal = kind in EMPLOYEES or kind == "employee"
        assert (policy.known_hashtag(user or AnonymousUser(), "insideonly") is not None) \
            is knows_internal, kind
        assert policy.known_hashtag(user or AnonymousUser(), "matrix") is not None, kind
        client = _bearer(user)
        tag = client.get("/api/v1/tags/insideonly")
        assert tag.status_code == (200 if knows_internal else 404), kind
        assert client.get("/api/v1/tags/matrix").status_code == 200, kind
        if user is not None:
            found = client.get("/api/v2/search", {"q": "#inside", "type": "hashtags"}).json()
            assert bool(found["hashtags"]) is knows_internal, kind


def test_the_id_of_a_deleted_internal_post_reaches_employees_streams_only(world):
    viewers, posts = world
    for kind, user in viewers.items():
        stream = _stream(user, "hashtag", {"tag": "matrix"})
        if stream is None:
            assert kind == "anonymous"
            continue
        message = {"event": "delete", "id": str(posts["company"].id), "visibility": "company"}
        sent = streaming.render(stream, channels.hashtag("matrix"), message,
                                streaming.StreamRequest("testserver", False))
        assert (sent is not None) is (kind in EMPLOYEES), kind
        assert json.dumps(sent or "")  # a plain (event, id) pair


WATCH_SURFACES = ("gathered", "web", "native", "mastodon")


def _watched(surface: str, user, watch) -> str:
    """What one surface shows of a watch's posts (the markers' text)."""
    if surface == "gathered":
        from essaim.watches.models import WatchMatch

        return " ".join(m.post.text for m in WatchMatch.objects.filter(watch=watch)
                        .select_related("post"))
    if surface == "web":
        return _web(user).get(reverse("web:watch", args=[watch.id])).content.decode()
    if surface == "native":
        return _bearer(user).get(f"{NATIVE}/watches/{watch.id}/posts").content.decode()
    return _bearer(user).get(f"/api/v1/timelines/list/watch-{watch.id}").content.decode()


@pytest.mark.parametrize("surface", WATCH_SURFACES)
def test_a_watch_gathers_and_shows_a_post_exactly_when_its_owner_may_read_it(people, surface):
    from essaim.watches.actions import do_create_watch

    viewers, alice, community = people
    watches = {kind: do_create_watch(user, "matrix") for kind, user in viewers.items()
               if user is not None}
    posts = _publish(alice, community)
    for kind, watch in watches.items():
        body = _watched(surface, viewers[kind], watch)
        for content, post in posts.items():
            shown = post.text.split()[0] in body
            assert shown is (kind in READERS[content]), (kind, content, surface)


def test_anonymous_visitors_have_no_watches(people):
    viewers, alice, community = people
    assert Client().get(f"{NATIVE}/watches").status_code == 401
    assert Client().post(f"{NATIVE}/watches", {"query": "matrix"},
                         content_type="application/json").status_code == 401
