"""Watches in the browser's pages: saving a search, the watch's timeline and unread count,
changing and deleting a watch, and nobody else's watches."""

from __future__ import annotations

import pytest
from django.test import Client

from essaim.watches.models import Watch

pytestmark = pytest.mark.django_db


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_search_can_be_saved_as_a_watch_from_the_results_page(alice):
    client = _signed_in(alice)
    page = client.get("/search/", {"q": "salon"}).content.decode()
    assert "Watch this search" in page
    response = client.post("/watches/", {"query": "salon", "delivery": "instant"})
    watch = Watch.objects.get(owner=alice)
    assert response.status_code == 302 and response["Location"] == f"/watches/{watch.id}/"
    assert watch.name == "salon" and watch.delivery == "instant"


def test_new_matching_posts_show_in_the_watch_with_an_unread_count(alice, bob, say, watch):
    w = watch(alice, "salon", name="Salons")
    say(bob, "Le salon de Lyon ouvre demain")
    client = _signed_in(alice)
    home = client.get("/").content.decode()
    assert 'id="watch-badge"' in home and "1 new" in home
    page = client.get(f"/watches/{w.id}/").content.decode()
    assert "Le salon de Lyon ouvre demain" in page and "data-watch-seen" in page
    assert client.post(f"/watches/{w.id}/seen/").status_code == 204
    assert 'id="watch-badge"' not in client.get("/").content.decode()


def test_a_bad_query_is_refused_with_its_message_and_nothing_saved(alice):
    response = _signed_in(alice).post("/watches/", {"query": 'salon "ouvert'})
    assert response.status_code == 400
    assert "quotation mark" in response.content.decode()
    assert not Watch.objects.exists()


def test_a_watch_on_a_community_one_is_not_in_is_refused(alice, bob):
    from tests.communities.conftest import build_community

    build_community(bob, "Client Horizon", kind="external")
    response = _signed_in(alice).post("/watches/", {"query": "in:client-horizon"})
    assert response.status_code == 400
    assert not Watch.objects.exists()


def test_someone_elses_watch_is_not_found(alice, bob, watch):
    w = watch(alice, "salon")
    client = _signed_in(bob)
    assert client.get(f"/watches/{w.id}/").status_code == 404
    page = client.post(f"/watches/{w.id}/delete/", follow=True).content.decode()
    assert "This watch does not exist." in page
    client.post(f"/watches/{w.id}/edit/", {"name": "x"})
    assert Watch.objects.filter(pk=w.id, name="salon").exists()


def test_anonymous_visitors_are_sent_to_sign_in(alice, watch):
    w = watch(alice, "salon")
    response = Client().get(f"/watches/{w.id}/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_watch_can_be_changed_and_deleted(alice, watch):
    w = watch(alice, "salon")
    client = _signed_in(alice)
    client.post(f"/watches/{w.id}/edit/", {"query": "#vivatech", "name": "Le salon",
                                            "delivery": "weekly"})
    w.refresh_from_db()
    assert (w.query, w.name, w.delivery) == ("#vivatech", "Le salon", "weekly")
    assert "Le salon" in client.get("/settings/").content.decode()
    client.post(f"/watches/{w.id}/delete/")
    assert not Watch.objects.exists()

