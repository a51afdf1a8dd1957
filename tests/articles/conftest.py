from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from essaim.articles.actions import do_create_article
from tests.communities.conftest import build_community

BODY = """# Why hydrogen

Our **new plant** opens in Lyon.

## What changes

- cleaner trucks
- local jobs

Read [the report](https://example.org/report).
"""


@pytest.fixture
def news(make_user, alice):
    account = make_user("news", name="Company news", is_official=True)
    account.delegates.add(alice)
    return account


@pytest.fixture
def admin(make_user):
    return make_user("root", name="Root Admin", admin=True)


@pytest.fixture
def public_article(news, alice):
    return do_create_article(alice, "Hydrogen in Lyon", BODY, visibility="public", author=news)


@pytest.fixture
def company_article(bob):
    return do_create_article(bob, "Our quarter", "A *company* read.", visibility="company")


@pytest.fixture
def atlas(alice, guest):
    return build_community(alice, "Atlas", kind="external", guests=[guest])


@pytest.fixture
def other_guest(make_user):
    return make_user("otto", name="Otto Other", guest_of="Other Org")


@pytest.fixture
def community_article(alice, atlas):
    return do_create_article(alice, "Atlas plan", "For the **team**.", community=atlas)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def api(user) -> Client:
    from essaim.oauth.actions import do_issue_token

    _token, raw = do_issue_token(user, "read write")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def image_upload(size=(1200, 630), name="cover.png", fmt="PNG") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 120, 0)).save(out, format=fmt)
    return SimpleUploadedFile(name, out.getvalue(), content_type=f"image/{fmt.lower()}")
