"""A profile shows one post count, whatever reads it: the web page and Mastodon apps agree."""

from __future__ import annotations

import pytest
from django.test import Client

from essaim.oauth.actions import do_issue_token
from essaim.posts.actions import do_create_post, do_relay
from essaim.web.views.people import profile_counts
from tests.communities.conftest import build_community


def _mastodon_count(viewer, account) -> int:
    _token, raw = do_issue_token(viewer, "read")
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    return client.get(f"/api/v1/accounts/{account.id}").json()["statuses_count"]


@pytest.fixture
def busy_alice(alice, bob, guest):
    do_create_post(alice, "A public launch", visibility="public")
    internal = do_create_post(alice, "Internal news", visibility="company")
    do_create_post(alice, "For my followers", visibility="followers")
    do_create_post(alice, "Psst @bob", visibility="direct")
    do_create_post(alice, "A reply", visibility="company", in_reply_to=internal.id)
    mine = do_create_post(bob, "Bob's news", visibility="company")
    do_relay(alice, mine.id)
    room = build_community(alice, "Tender", kind="external", guests=[guest])
    do_create_post(alice, "Only for the tender", community=room)
    return alice


def test_an_employee_reads_the_same_post_count_on_the_web_and_in_an_app(busy_alice, bob):
    web = profile_counts(bob, busy_alice)["posts"]
    assert web == _mastodon_count(bob, busy_alice) == 5  # direct and community posts left out


def test_a_guest_counts_only_public_posts_on_both_surfaces(busy_alice, guest):
    assert profile_counts(guest, busy_alice)["posts"] == _mastodon_count(guest, busy_alice) == 1
