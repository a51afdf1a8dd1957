"""Campaigns: the communication team asks to amplify a post; employees find it on Amplify."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from django.test import Client

from essaim.advocacy.actions import do_set_communication
from essaim.advocacy.models import Campaign

from .conftest import signed_in


def test_a_delegate_starts_a_campaign_that_employees_find_on_amplify(official_post, alice,
                                                                     bob):
    response = signed_in(alice).post(f"/posts/{official_post.id}/campaign/", {
        "name": "Lyon plant", "days": "7", "text_default": "Proud of our team!",
        "text_x": "Proud of #Lyon"})
    assert response.status_code == 302
    campaign = Campaign.objects.get()
    assert campaign.name == "lyon-plant"
    page = signed_in(bob).get("/amplify/").content.decode()
    assert "Our new plant opens in Lyon" in page
    assert "Proud of our team!" in page


def test_one_click_shares_with_the_suggested_text_and_the_campaign_in_utm(official_post, alice,
                                                                        bob):
    signed_in(alice).post(f"/posts/{official_post.id}/campaign/", {
        "name": "lyon", "days": "7", "text_x": "Proud of #Lyon"})
    response = signed_in(bob).post(f"/posts/{official_post.id}/share/x/")
    query = parse_qs(urlparse(response["Location"]).query)
    assert query["text"] == ["Proud of #Lyon"]
    code = query["url"][0].split("/s/")[1].split("?")[0]
    opened = Client(HTTP_USER_AGENT="Mozilla/5.0 Firefox/128.0").get(f"/s/{code}?via=x")
    assert "utm_campaign=lyon" in opened["Location"]


def test_a_colleague_outside_the_communication_team_cannot_start_a_campaign(official_post,
                                                                          bob, make_user):
    response = signed_in(bob).post(f"/posts/{official_post.id}/campaign/",
                                   {"name": "x", "days": "7"})
    assert response.status_code == 302  # back with the refusal as a message
    assert not Campaign.objects.exists()
    admin = make_user("boss", admin=True)
    do_set_communication(admin, bob, True)
    signed_in(bob).post(f"/posts/{official_post.id}/campaign/", {"name": "x", "days": "7"})
    assert Campaign.objects.exists()


def test_a_campaign_of_a_non_public_post_is_refused(company_post, make_user):
    admin = make_user("boss", admin=True)
    signed_in(admin).post(f"/posts/{company_post.id}/campaign/", {"name": "x", "days": "7"})
    assert not Campaign.objects.exists()


def test_the_amplify_page_is_for_employees(guest):
    assert signed_in(guest).get("/amplify/").status_code == 403
    assert Client().get("/amplify/").status_code == 302


def test_a_profile_shows_the_ambassador_badge_only_when_chosen(bob, carol):
    from essaim.advocacy.actions import do_set_badge

    assert "tag-ambassador" not in signed_in(carol).get("/@bob/").content.decode()
    do_set_badge(bob, True)
    assert "tag-ambassador" in signed_in(carol).get("/@bob/").content.decode()
