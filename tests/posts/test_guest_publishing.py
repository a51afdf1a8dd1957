"""An external guest publishes in their communities and to people they share one with:
never to the whole company nor in public, on any surface (issue 9, items 1 and 2)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from essaim import visibility as policy
from essaim.core.errors import PermissionDenied
from essaim.notifications.models import Notification
from essaim.oauth.actions import do_issue_token
from essaim.posts.actions import do_create_post, do_edit_post
from essaim.posts.models import Post
from tests.communities.conftest import build_community

REFUSED = "External guests cannot publish to the whole company or in public"


@pytest.fixture
def admin(make_user):
    return make_user("admin", name="Ada Admin", admin=True)


@pytest.fixture
def shared(alice, guest):
    """An external community where alice and the guest meet."""
    return build_community(alice, "Acme bid", kind="external", guests=[guest])


def _masto(user) -> Client:
    _token, raw = do_issue_token(user, "read write follow push")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- the rule, in the policy ---------------------------------------------------------------

def test_the_policy_lets_a_guest_publish_only_to_communities_and_mentioned_people(guest, alice):
    assert set(policy.visibilities_for(guest)) == {"direct", "followers", "community"}
    assert policy.visibility_refusal(guest, "public")
    assert policy.visibility_refusal(guest, "company")
    assert policy.visibility_refusal(guest, "direct") is None
    assert policy.visibility_refusal(alice, "public") is None
    assert policy.visibility_refusal(alice, "company") is None


@pytest.mark.parametrize("visibility", ["public", "company"])
def test_a_guest_cannot_publish_to_the_company_or_in_public(guest, visibility):
    with pytest.raises(PermissionDenied) as err:
        do_create_post(guest, "Hello everyone", visibility=visibility)
    assert REFUSED in err.value.message
    assert err.value.field == "visibility"
    assert not Post.objects.exists()


def test_a_guest_reply_to_a_public_post_cannot_be_public(alice, guest):
    public = do_create_post(alice, "Open to all", visibility="public")
    with pytest.raises(PermissionDenied):
        do_create_post(guest, "Me too", visibility="public", in_reply_to=public)
    reply = do_create_post(guest, "Me too", in_reply_to=public)
    assert reply.visibility == "followers"


def test_a_guest_still_posts_in_their_community_and_to_people_they_mention(
        alice, guest, shared):
    in_community = do_create_post(guest, "Our bid", community=shared)
    assert in_community.visibility == "community"
    direct = do_create_post(guest, "@alice see the bid", visibility="direct")
    assert list(direct.mentions.all()) == [alice]


def test_an_employee_still_publishes_in_public_and_to_the_company(alice):
    assert do_create_post(alice, "Hi", visibility="public").visibility == "public"
    assert do_create_post(alice, "Hi").visibility == "company"


# --- the web composer ----------------------------------------------------------------------

def test_the_web_composer_does_not_offer_public_or_company_to_a_guest(guest, alice):
    page = _signed_in(guest).get("/compose/").content.decode()
    assert 'value="direct"' in page and 'value="followers"' in page
    assert 'value="public"' not in page and 'value="company"' not in page
    employee_page = _signed_in(alice).get("/compose/").content.decode()
    assert 'value="public"' in employee_page and 'value="company"' in employee_page


@pytest.mark.parametrize("visibility", ["public", "company"])
def test_a_guest_posting_publicly_from_the_web_gets_a_4xx_and_nothing_is_published(
        guest, visibility):
    response = _signed_in(guest).post("/compose/", {
        "text": "Hello everyone", "visibility": visibility, "reply_policy": "everyone"})
    assert 400 <= response.status_code < 500
    assert not Post.objects.exists()


# --- the native API ------------------------------------------------------------------------

@pytest.mark.parametrize("visibility", ["public", "company"])
def test_a_guest_cannot_publish_publicly_through_the_native_api(guest, visibility):
    response = _signed_in(guest).post(
        "/api/essaim/v1/posts", json.dumps({"text": "Hello", "visibility": visibility}),
        content_type="application/json")
    assert response.status_code == 403
    assert REFUSED in response.json()["error"]
    assert not Post.objects.exists()


# --- the Mastodon API ----------------------------------------------------------------------

@pytest.mark.parametrize("visibility", ["public", "unlisted"])
def test_a_guest_cannot_publish_publicly_through_the_mastodon_api(guest, visibility):
    response = _masto(guest).post("/api/v1/statuses",
                                  {"status": "Hello", "visibility": visibility})
    assert response.status_code == 403
    assert REFUSED in response.json()["error"]
    assert not Post.objects.exists()


def test_a_guests_mastodon_default_privacy_is_never_company_wide(guest, alice):
    source = _masto(guest).get("/api/v1/accounts/verify_credentials").json()["source"]
    assert source["privacy"] == "private"
    employee = _masto(alice).get("/api/v1/accounts/verify_credentials").json()["source"]
    assert employee["privacy"] == "unlisted"


# --- mentions resolve only to people the author may see ------------------------------------

def test_a_guests_mention_of_someone_outside_their_communities_neither_resolves_nor_notifies(
        guest, admin):
    post = do_create_post(guest, "Hello @admin", visibility="direct")
    assert not post.mentions.exists()
    assert 'href' not in post.html and "@admin" in post.html
    assert not Notification.objects.filter(recipient=admin).exists()
    assert not policy.can_see_post(admin, post)


def test_a_guests_mention_of_a_community_co_member_resolves_and_notifies(guest, alice, shared):
    post = do_create_post(guest, "Hello @alice", visibility="direct")
    assert list(post.mentions.all()) == [alice]
    assert Notification.objects.filter(recipient=alice, kind="mention", post=post).exists()
    assert policy.can_see_post(alice, post)


def test_an_edit_cannot_add_a_mention_of_someone_the_guest_may_not_see(guest, alice, admin,
                                                                      shared):
    post = do_create_post(guest, "Hello @alice", visibility="direct")
    do_edit_post(guest, post.id, "Hello @alice and @admin")
    post.refresh_from_db()
    assert list(post.mentions.all()) == [alice]


def test_a_guest_mentioning_through_the_mastodon_api_does_not_reach_the_admin(guest, admin):
    response = _masto(guest).post("/api/v1/statuses",
                                  {"status": "@admin hi", "visibility": "direct"})
    assert response.status_code == 200
    assert response.json()["mentions"] == []
    assert not Notification.objects.filter(recipient=admin).exists()


def test_an_employee_cannot_mention_someone_who_blocks_them(alice, bob):
    from essaim.graph.actions import do_block

    do_block(bob, alice)
    post = do_create_post(alice, "Hello @bob")
    assert not post.mentions.exists()
    assert not Notification.objects.filter(recipient=bob).exists()


def test_an_employee_mentions_any_colleague(alice, bob, admin):
    post = do_create_post(alice, "Hello @bob and @admin")
    assert set(post.mentions.all()) == {bob, admin}
