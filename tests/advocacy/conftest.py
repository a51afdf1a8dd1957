from __future__ import annotations

import pytest
from django.test import Client

from essaim.posts.actions import do_create_post


@pytest.fixture
def news(make_user, alice):
    account = make_user("news", name="Company news", is_official=True)
    account.delegates.add(alice)
    return account


@pytest.fixture
def official_post(news, alice):
    return do_create_post(alice, "Our new plant opens in Lyon #hydrogen", visibility="public",
                          author=news)


@pytest.fixture
def company_post(bob):
    return do_create_post(bob, "Internal only", visibility="company")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def api(user) -> Client:
    from essaim.oauth.actions import do_issue_token

    _token, raw = do_issue_token(user, "read write")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
