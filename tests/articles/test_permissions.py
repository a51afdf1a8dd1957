"""Who reads an article: exactly those who may read its announcement post, on every surface
(web page, native API, Mastodon API), for employees, guest members, guests of another
community, anonymous visitors and admins."""

from __future__ import annotations

import pytest
from django.test import Client

from .conftest import api, signed_in

pytestmark = pytest.mark.django_db


def _page(client, article):
    return client.get(f"/articles/{article.post_id}/")


def test_anyone_reads_a_public_article_without_signing_in(public_article):
    response = _page(Client(), public_article)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Why hydrogen</h1>" in html and "Hydrogen in Lyon" in html


def test_a_public_article_page_carries_opengraph_and_twitter_card_metadata(public_article):
    html = _page(Client(), public_article).content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Hydrogen in Lyon">' in html
    assert f'/articles/{public_article.post_id}/"' in html
    assert f"/posts/{public_article.post_id}/preview.png" in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_an_anonymous_visitor_is_sent_to_sign_in_for_a_company_article(company_article):
    response = _page(Client(), company_article)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_an_employee_reads_a_company_article_without_opengraph(company_article, carol):
    response = _page(signed_in(carol), company_article)
    assert response.status_code == 200
    assert "og:title" not in response.content.decode()


def test_a_guest_cannot_read_a_company_article(company_article, guest):
    assert _page(signed_in(guest), company_article).status_code == 404
    assert api(guest).get(f"/api/essaim/v1/articles/{company_article.post_id}") \
        .status_code == 404


def test_a_guest_member_reads_the_article_of_their_community(community_article, guest):
    assert _page(signed_in(guest), community_article).status_code == 200
    response = api(guest).get(f"/api/essaim/v1/articles/{community_article.post_id}")
    assert response.status_code == 200 and response.json()["title"] == "Atlas plan"


def test_a_guest_of_another_community_cannot_read_it(community_article, other_guest):
    assert _page(signed_in(other_guest), community_article).status_code == 404
    assert api(other_guest).get(f"/api/essaim/v1/articles/{community_article.post_id}") \
        .status_code == 404


def test_an_employee_outside_the_community_cannot_read_it(community_article, carol):
    assert _page(signed_in(carol), community_article).status_code == 404


def test_an_admin_reads_a_company_article_but_not_a_community_one(company_article,
                                                                 community_article, admin):
    assert _page(signed_in(admin), company_article).status_code == 200
    assert _page(signed_in(admin), community_article).status_code == 404


def test_an_unknown_article_is_a_404_page_not_a_500(alice):
    assert signed_in(alice).get("/articles/12345/").status_code == 404
    assert signed_in(alice).get("/articles/99999999999999999999999/").status_code == 404


def test_a_plain_post_is_not_an_article(alice):
    from essaim.posts.actions import do_create_post

    post = do_create_post(alice, "Just a post")
    assert signed_in(alice).get(f"/articles/{post.id}/").status_code == 404


def test_the_flow_announces_an_article_as_a_card(company_article, carol):
    html = signed_in(carol).get(f"/posts/{company_article.post_id}/").content.decode()
    assert 'class="article-card"' in html and "Read the article" in html


def test_only_its_author_may_open_the_edit_page(company_article, bob, carol):
    assert signed_in(bob).get(f"/articles/{company_article.post_id}/edit/").status_code == 200
    assert signed_in(carol).get(f"/articles/{company_article.post_id}/edit/").status_code == 403


def test_writing_an_article_in_the_web_ui(alice):
    from .conftest import image_upload

    response = signed_in(alice).post("/articles/new/", {
        "title": "Field notes", "body": "## Day one\n\n- met the team", "visibility": "public",
        "reply_policy": "everyone", "cover": image_upload()})
    assert response.status_code == 302
    page = Client().get(response["Location"]).content.decode()
    assert "<h2>Day one</h2>" in page and 'class="article-cover"' in page


def test_an_empty_article_form_answers_422_with_the_message(alice):
    response = signed_in(alice).post("/articles/new/", {
        "title": "Empty", "body": "   ", "visibility": "company", "reply_policy": "everyone"})
    assert response.status_code == 422
    assert "cannot be empty" in response.content.decode()


def test_the_api_publishes_an_article_and_refuses_bad_input(alice):
    client = api(alice)
    response = client.post("/api/essaim/v1/articles", {"title": "API read", "body": "# Hi",
                                                       "visibility": "public"},
                           content_type="application/json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["html"] == "<h1>Hi</h1>\n" and data["post"]["visibility"] == "public"
    assert data["url"].endswith(f"/articles/{data['id']}/")
    bad = client.post("/api/essaim/v1/articles", {"title": "x", "body": "",},
                      content_type="application/json")
    assert bad.status_code == 422 and "error" in bad.json()


def test_the_mastodon_api_shows_an_article_as_a_status_with_a_link_card(public_article,
                                                                        carol):
    response = api(carol).get(f"/api/v1/statuses/{public_article.post_id}")
    assert response.status_code == 200
    card = response.json()["card"]
    assert card["type"] == "link" and card["title"] == "Hydrogen in Lyon"
    assert card["url"].endswith(f"/articles/{public_article.post_id}/")
    assert card["description"].startswith("Why hydrogen")


def test_a_plain_status_has_no_card(carol):
    from essaim.posts.actions import do_create_post

    post = do_create_post(carol, "Hello")
    assert api(carol).get(f"/api/v1/statuses/{post.id}").json()["card"] is None


def test_a_tracked_link_to_an_article_opens_the_article_page(public_article, carol):
    data = api(carol).post(f"/api/essaim/v1/posts/{public_article.post_id}/share").json()
    response = Client().get(f"/s/{data['code']}?via=linkedin",
                            HTTP_USER_AGENT="Mozilla/5.0 Chrome/126", HTTP_ACCEPT="text/html")
    assert response.status_code == 302
    assert response["Location"].startswith(f"/articles/{public_article.post_id}/?utm_source=")


def test_a_guest_cannot_share_an_article(public_article, guest):
    response = api(guest).post(f"/api/essaim/v1/posts/{public_article.post_id}/share")
    assert response.status_code == 403


def test_sharing_a_company_article_is_refused_with_422(company_article, carol):
    response = api(carol).post(f"/api/essaim/v1/posts/{company_article.post_id}/share")
    assert response.status_code == 422 and "public" in response.json()["error"]


def test_the_reach_of_an_article_is_its_announcements(public_article, alice, carol):
    assert api(alice).get(f"/api/essaim/v1/posts/{public_article.post_id}/reach") \
        .status_code == 200
    assert api(carol).get(f"/api/essaim/v1/posts/{public_article.post_id}/reach") \
        .status_code == 403


def test_a_guest_is_offered_only_the_visibilities_the_policy_allows(guest):
    html = signed_in(guest).get("/articles/new/").content.decode()
    assert 'value="direct"' in html
    assert 'value="company"' not in html and 'value="public"' not in html
