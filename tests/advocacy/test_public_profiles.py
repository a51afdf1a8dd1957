"""Official accounts' public profiles: readable without signing in, with unfurl metadata and
a preview image; nobody else's profile is public."""

from __future__ import annotations

import pytest
from django.test import Client

from essaim.posts.actions import do_create_post

from .conftest import signed_in

pytestmark = pytest.mark.django_db


def test_anyone_reads_an_official_accounts_public_profile(news, official_post, alice):
    do_create_post(alice, "Company only news", visibility="company", author=news)
    response = Client().get("/@news/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Company news" in html and "Our new plant opens in Lyon" in html
    assert "Company only news" not in html


def test_the_public_profile_carries_opengraph_twitter_card_and_a_preview(news):
    html = Client().get("/@news/").content.decode()
    assert '<meta property="og:type" content="profile">' in html
    assert '<meta property="og:title" content="Company news on Essaim">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert "/@news/preview.png" in html
    image = Client().get("/@news/preview.png")
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert image.content[:8] == b"\x89PNG\r\n\x1a\n"


def test_signed_in_readers_get_the_metadata_too(news, bob):
    assert "og:title" in signed_in(bob).get("/@news/").content.decode()


def test_a_persons_profile_is_not_public(alice):
    response = Client().get("/@alice/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert Client().get("/@alice/preview.png").status_code == 404


def test_an_employees_profile_has_no_unfurl_metadata(alice, bob):
    assert "og:title" not in signed_in(bob).get("/@alice/").content.decode()


def test_a_deactivated_official_account_has_no_public_profile(news):
    news.is_active = False
    news.save(update_fields=["is_active"])
    assert Client().get("/@news/").status_code == 302
    assert Client().get("/@news/preview.png").status_code == 404


def test_an_unknown_account_is_not_a_500(db):
    assert Client().get("/@nobody-here/").status_code == 302
    assert Client().get("/@nobody-here/preview.png").status_code == 404


def test_a_guest_signed_in_still_sees_only_what_the_policy_allows(news, guest):
    assert signed_in(guest).get("/@news/").status_code == 404
