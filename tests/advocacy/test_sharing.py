"""Sharing a public post outward with a personal tracked link."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from django.test import Client

from essaim.advocacy.models import Share, ShareLink, Visit

from .conftest import api, signed_in

BROWSER = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/126.0 Safari/537.36")


def test_sharing_gives_each_person_one_personal_link_per_post(official_post, bob, carol):
    first = api(bob).post(f"/api/essaim/v1/posts/{official_post.id}/share")
    again = api(bob).post(f"/api/essaim/v1/posts/{official_post.id}/share")
    other = api(carol).post(f"/api/essaim/v1/posts/{official_post.id}/share")
    assert first.status_code == 201
    body = first.json()
    assert body["url"].endswith(f"/s/{body['code']}")
    assert again.json()["code"] == body["code"]
    assert other.json()["code"] != body["code"]
    assert ShareLink.objects.count() == 2


def test_a_post_that_is_not_public_cannot_be_shared(company_post, carol):
    response = api(carol).post(f"/api/essaim/v1/posts/{company_post.id}/share")
    assert response.status_code == 422
    assert "public" in response.json()["error"]


def test_an_external_guest_cannot_share(official_post, guest):
    response = api(guest).post(f"/api/essaim/v1/posts/{official_post.id}/share")
    assert response.status_code == 403
    assert ShareLink.objects.count() == 0


def test_an_unknown_network_is_refused_with_a_message(official_post, bob):
    response = api(bob).post(f"/api/essaim/v1/posts/{official_post.id}/share",
                             {"network": "myspace"}, content_type="application/json")
    assert response.status_code == 422
    assert "myspace" in response.json()["error"]


def test_the_share_button_leads_to_the_network_with_the_tracked_link(official_post, bob):
    response = signed_in(bob).post(f"/posts/{official_post.id}/share/linkedin/")
    assert response.status_code == 302
    target = urlparse(response["Location"])
    assert target.netloc == "www.linkedin.com"
    shared = parse_qs(target.query)["url"][0]
    assert "/s/" in shared and "via=linkedin" in shared
    assert Share.objects.get().network == "linkedin"


def test_the_tracked_link_opens_the_public_post_with_utm_parameters(official_post, bob):
    code = api(bob).post(f"/api/essaim/v1/posts/{official_post.id}/share").json()["code"]
    response = Client(HTTP_USER_AGENT=BROWSER).get(f"/s/{code}?via=linkedin")
    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert location.path == f"/posts/{official_post.id}/"
    query = parse_qs(location.query)
    assert query["utm_source"] == ["linkedin"]
    assert query["utm_medium"] == ["essaim"]
    assert query["utm_campaign"] == ["share"]
    page = Client().get(response["Location"])
    assert page.status_code == 200
    assert "Our new plant opens in Lyon" in page.content.decode()


def test_a_visitor_counts_once_a_day_and_a_crawler_counts_as_a_preview(official_post, bob):
    code = api(bob).post(f"/api/essaim/v1/posts/{official_post.id}/share").json()["code"]
    browser = Client(HTTP_USER_AGENT=BROWSER)
    browser.get(f"/s/{code}")
    browser.get(f"/s/{code}")  # same visitor, same day
    Client(HTTP_USER_AGENT="LinkedInBot/1.0 (compatible; Mozilla/5.0)").get(f"/s/{code}")
    Client(HTTP_USER_AGENT="Slackbot-LinkExpanding 1.0").get(f"/s/{code}")
    assert Visit.objects.filter(kind="visit").count() == 1
    assert Visit.objects.filter(kind="preview").count() == 2


def test_head_requests_prefetches_and_scripts_do_not_count(official_post, bob):
    code = api(bob).post(f"/api/essaim/v1/posts/{official_post.id}/share").json()["code"]
    assert Client(HTTP_USER_AGENT=BROWSER).head(f"/s/{code}").status_code == 302
    Client(HTTP_USER_AGENT=BROWSER, HTTP_SEC_PURPOSE="prefetch").get(f"/s/{code}")
    Client(HTTP_USER_AGENT="curl/8.5").get(f"/s/{code}")
    assert Visit.objects.count() == 0


def test_the_visitor_is_never_stored_as_a_raw_address(official_post, bob):
    code = api(bob).post(f"/api/essaim/v1/posts/{official_post.id}/share").json()["code"]
    Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.9").get(f"/s/{code}")
    visitor = Visit.objects.get().visitor
    assert "203.0.113.9" not in visitor and BROWSER not in visitor


@pytest.mark.django_db
def test_an_unknown_code_is_a_404_page():
    response = Client(HTTP_USER_AGENT=BROWSER).get("/s/nope")
    assert response.status_code == 404
    assert "no longer works" in response.content.decode()


def test_a_flood_from_one_address_is_counted_once(official_post, bob, settings):
    settings.ESSAIM_RATE_VISIT = "5/60"
    code = api(bob).post(f"/api/essaim/v1/posts/{official_post.id}/share").json()["code"]
    for n in range(30):
        Client(HTTP_USER_AGENT=f"{BROWSER} r{n}", REMOTE_ADDR="198.51.100.7").get(f"/s/{code}")
    assert Visit.objects.count() <= 5


def test_public_post_pages_carry_open_graph_metadata_and_a_preview_image(official_post):
    html = Client().get(f"/posts/{official_post.id}/").content.decode()
    assert 'property="og:title"' in html
    assert 'name="twitter:card" content="summary_large_image"' in html
    image = Client().get(f"/posts/{official_post.id}/preview.png")
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"
    assert image.content[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_company_post_has_no_public_metadata_nor_preview_image(company_post, carol):
    html = signed_in(carol).get(f"/posts/{company_post.id}/").content.decode()
    assert "og:title" not in html
    assert Client().get(f"/posts/{company_post.id}/preview.png").status_code == 404


def test_the_share_menu_is_offered_to_employees_on_public_posts_only(
        official_post, company_post, carol, guest):
    page = signed_in(carol).get(f"/posts/{official_post.id}/").content.decode()
    assert f"/posts/{official_post.id}/share/" in page
    page = signed_in(carol).get(f"/posts/{company_post.id}/").content.decode()
    assert f"/posts/{company_post.id}/share/" not in page
    assert signed_in(guest).get(f"/posts/{official_post.id}/share/").status_code == 403
