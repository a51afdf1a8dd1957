"""Keyword filters in the web UI: a filter hides or veils posts where it applies, and only for
the person who made it."""

from __future__ import annotations

import pytest
from django.test import Client

from essaim.filters.models import Filter
from essaim.graph.actions import do_follow
from essaim.posts.actions import do_create_post

pytestmark = pytest.mark.django_db


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _filter(client, **fields):
    data = {"title": "Sport", "keywords": "finale", "whole_word": "on",
            "context": ["home", "public", "thread"], "action": "warn", "expires_in": ""}
    data.update(fields)
    return client.post("/filters/", data)


def test_a_warn_filter_veils_matching_posts_in_home_and_leaves_others(alice, bob):
    do_follow(alice, bob)
    do_create_post(bob, "La Finale était folle", rate_limit=False)
    do_create_post(bob, "Réunion demain", rate_limit=False)
    client = _signed_in(alice)
    assert _filter(client).status_code == 302
    page = client.get("/").content.decode()
    assert "Filtered: Sport" in page and "La Finale était folle" in page  # behind a summary
    assert page.count('class="filtered-post"') == 1 and "Réunion demain" in page


def test_a_hide_filter_removes_matching_posts_where_it_applies_only(alice, bob):
    do_follow(alice, bob)
    do_create_post(bob, "La finale ce soir", rate_limit=False)
    client = _signed_in(alice)
    _filter(client, action="hide", context=["home"])
    assert "La finale ce soir" not in client.get("/").content.decode()
    assert "La finale ce soir" in client.get("/company/").content.decode()
    assert "La finale ce soir" in _signed_in(bob).get("/").content.decode()


def test_a_link_holding_the_word_is_not_caught_by_a_whole_word_filter(alice, bob):
    do_follow(alice, bob)
    do_create_post(bob, "Le plan https://example.org/page#finale est prêt", rate_limit=False)
    client = _signed_in(alice)
    _filter(client, action="hide")
    assert "Le plan" in client.get("/").content.decode()


def test_a_thread_opened_on_purpose_shows_its_post_but_filters_replies(alice, bob):
    post = do_create_post(bob, "La finale, vos pronostics ?", rate_limit=False)
    do_create_post(alice, "Je dis 3-1", in_reply_to=post.id, rate_limit=False)
    do_create_post(bob, "Finale perdue, hélas", in_reply_to=post.id, rate_limit=False)
    carol_client = _signed_in(alice)
    _filter(carol_client, action="hide", context=["thread"])
    page = carol_client.get(f"/posts/{post.id}/").content.decode()
    assert "vos pronostics" in page and "Je dis 3-1" in page and "hélas" not in page


def test_bad_input_is_refused_with_a_message_and_nothing_saved(alice):
    response = _filter(_signed_in(alice), title="", keywords="x")
    assert response.status_code == 400 and "title" in response.content.decode()
    response = _filter(_signed_in(alice), context=[])
    assert response.status_code == 400
    assert not Filter.objects.exists()


def test_a_filter_is_changed_and_deleted_by_its_owner_only(alice, bob):
    client = _signed_in(alice)
    _filter(client)
    f = Filter.objects.get()
    assert _signed_in(bob).get(f"/filters/{f.id}/").status_code == 404
    _signed_in(bob).post(f"/filters/{f.id}/delete/")
    assert Filter.objects.filter(pk=f.id).exists()
    client.post(f"/filters/{f.id}/keywords/", {"keywords": "score\nbut", "whole_word": "on"})
    client.post(f"/filters/{f.id}/edit/", {"title": "Foot", "context": ["home"],
                                           "action": "hide", "expires_in": "keep"})
    f.refresh_from_db()
    assert f.title == "Foot" and f.action == "hide" and f.context == ["home"]
    assert sorted(f.keywords.values_list("keyword", flat=True)) == ["but", "finale", "score"]
    page = client.get(f"/filters/{f.id}/").content.decode()
    assert "score" in page and "Foot" in page
    client.post(f"/filters/{f.id}/delete/")
    assert not Filter.objects.exists()
