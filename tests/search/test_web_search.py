"""The search box on every page, its suggestions, and the results page: what people see."""

from __future__ import annotations

import pytest
from django.test import Client

from essaim.communities.actions import do_create_community
from essaim.communities.models import Membership


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_every_page_carries_the_search_box(alice):
    page = _signed_in(alice).get("/").content.decode()
    assert 'role="search"' in page and 'name="q"' in page and 'action="/search/"' in page


def test_accents_and_plurals_do_not_matter_and_matches_are_highlighted(alice, bob, say):
    say(alice, "Les Événements du salon de Lyon", visibility="company")
    page = _signed_in(bob).get("/search/", {"q": "evenement"}).content.decode()
    assert "1 result" in page
    assert "<mark>Événements</mark>" in page


def test_a_followers_only_post_is_neither_shown_nor_counted_for_others(alice, bob, carol, say):
    from essaim.graph.actions import do_follow

    do_follow(carol, alice)
    say(alice, "Budget prévisionnel confidentiel", visibility="followers")
    assert "1 result" in _signed_in(carol).get("/search/", {"q": "budget"}).content.decode()
    page = _signed_in(bob).get("/search/", {"q": "budget"}).content.decode()
    assert "0 results" in page and "confidentiel" not in page


def test_a_guest_finds_nothing_of_a_community_they_are_not_in(make_user, alice, say):
    guest = make_user("gail", guest_of="Client Horizon")
    mine = do_create_community(alice, "Horizon project", kind="external")
    theirs = do_create_community(alice, "Other tender", kind="external")
    Membership.objects.create(community=mine, user=guest)
    say(alice, "Planning du chantier horizon", community=mine)
    say(alice, "Planning du chantier concurrent", community=theirs)
    page = _signed_in(guest).get("/search/", {"q": "planning"}).content.decode()
    assert "horizon" in page and "concurrent" not in page and "1 result" in page


def test_tabs_search_people_by_job_title(make_user, bob):
    make_user("sofia", name="Sofia Martin", job_title="Cloud architect")
    page = _signed_in(bob).get("/search/", {"q": "architect", "type": "people"}).content.decode()
    assert "Sofia Martin" in page and 'aria-current="page">People<' in page


def test_newest_first_is_a_toggle(alice, bob, say):
    say(alice, "Salon numérique, premier jour", days_ago=2, visibility="company")
    say(alice, "Salon numérique, dernier jour", days_ago=1, visibility="company")
    page = _signed_in(bob).get("/search/", {"q": "salon", "order": "newest"}).content.decode()
    assert page.index("dernier") < page.index("premier")
    assert "most relevant</a>" in page


def test_a_bad_filter_gets_a_clear_message_not_an_error_page(bob):
    response = _signed_in(bob).get("/search/", {"q": "salon", "type": "everything"})
    assert response.status_code == 400
    assert "Unknown type" in response.content.decode()


def test_results_come_page_by_page(alice, bob, say):
    for n in range(23):
        say(alice, f"Compte rendu réunion {n}", days_ago=n / 100, visibility="company")
    client = _signed_in(bob)
    first = client.get("/search/", {"q": "réunion"}).content.decode()
    assert "23 results" in first and "offset=20" in first
    second = client.get("/search/", {"q": "réunion", "offset": 20}).content.decode()
    assert second.count('class="search-result"') == 3


def test_suggestions_offer_people_communities_hashtags_then_posts(alice, bob, say):
    do_create_community(alice, "Salon Lyon 2026")
    say(alice, "Rendez-vous au #salonlyon", visibility="company")
    html = _signed_in(bob).get("/search/suggest/", {"q": "salon"}).content.decode()
    assert "Salon Lyon 2026" in html and "salonlyon" in html
    assert "Search posts for “salon”" in html
    people = _signed_in(bob).get("/search/suggest/", {"q": "ali"}).content.decode()
    assert "@alice" in people


def test_suggestions_never_name_a_secret_community(alice, bob):
    do_create_community(alice, "Projet Salamandre", kind="secret")
    assert "Salamandre" not in _signed_in(bob).get("/search/suggest/",
                                                   {"q": "sala"}).content.decode()


@pytest.mark.parametrize("path", ["/search/?q=salon", "/search/suggest/?q=salon"])
def test_visitors_are_asked_to_sign_in(path):
    response = Client().get(path)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_page_speaks_french(alice, say):
    alice.locale = "fr"
    alice.save()
    page = _signed_in(alice).get("/search/", {"q": "rien"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert "Rechercher" in page.content.decode()


def test_filters_show_as_chips_that_remove_them_and_common_ones_can_be_added(alice, bob, say):
    say(alice, "Le salon de Lyon", visibility="company")
    page = _signed_in(bob).get("/search/", {"q": "salon from:@alice"}).content.decode()
    assert 'class="chip chip-active"' in page and "from:@alice" in page
    assert 'href="?q=salon&amp;type=posts"' in page  # the chip's link drops the filter
    assert "+ has:file" in page and "+ lang:fr" in page
