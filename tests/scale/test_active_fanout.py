"""Fan-out reaches recently active people; the others find a complete home when they return."""

from __future__ import annotations

from django.urls import reverse

from essaim.core.pagination import Cursor
from essaim.graph.actions import do_follow
from essaim.oauth.actions import do_issue_token
from essaim.posts.actions import do_create_post
from essaim.timelines import queries as timelines
from essaim.timelines.activity import note_activity
from essaim.timelines.store import timeline_store

from .conftest import away_for


def stored_ids(user) -> list[int]:
    return [pid for pid, _source in timeline_store().entries(user.id)]


def test_fan_out_skips_people_away_longer_than_the_active_period(alice, bob, carol, settings):
    settings.ESSAIM_ACTIVE_DAYS = 14
    do_follow(bob, alice)
    do_follow(carol, alice)
    away_for(carol, 20)
    post = do_create_post(alice, "Sprint review at ten")
    assert post.id in stored_ids(bob)
    assert post.id not in stored_ids(carol)


def test_someone_back_after_a_long_absence_finds_every_post_in_their_home(
        alice, bob, client):
    do_follow(bob, alice)
    away_for(bob, 30)
    missed = [do_create_post(alice, f"While you were away {i}").id for i in range(3)]
    client.force_login(bob)
    response = client.get(reverse("web:home"))
    assert response.status_code == 200
    assert stored_ids(bob)[:3] == missed[::-1]
    bob.refresh_from_db()
    later = do_create_post(alice, "Welcome back")
    assert stored_ids(bob)[0] == later.id


def test_an_api_client_coming_back_gets_a_complete_home(alice, bob, client):
    do_follow(bob, alice)
    away_for(bob, 30)
    missed = do_create_post(alice, "Missed it").id
    _token, raw = do_issue_token(bob, "read")
    response = client.get("/api/essaim/v1/timelines/home",
                          headers={"Authorization": f"Bearer {raw}"})
    assert [item["id"] for item in response.json()["items"]] == [str(missed)]
    later = do_create_post(alice, "Now you are back")
    assert stored_ids(bob)[0] == later.id


def test_reading_a_returning_persons_home_writes_nothing_and_misses_nothing(alice, bob):
    do_follow(bob, alice)
    away_for(bob, 30)
    missed = do_create_post(alice, "Read me").id
    timeline_store().mark_stale(bob.id)  # as note_activity leaves it until the rebuild task ran
    assert [p.id for p in timelines.home(bob, Cursor()).posts] == [missed]
    assert missed not in stored_ids(bob)


def test_noting_a_returning_persons_activity_rebuilds_their_home_by_a_task(alice, bob):
    do_follow(bob, alice)
    away_for(bob, 30)
    missed = do_create_post(alice, "Read me").id
    assert note_activity(bob) is True
    assert stored_ids(bob) == [missed]
    assert note_activity(bob) is False  # active now: nothing more to rebuild
