"""Scheduled posts: Mastodon apps schedule them (scheduled_at), list, move and cancel them,
and they publish at their time with every rule of posting, once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from essaim.oauth.actions import do_issue_token
from essaim.posts.actions.scheduled import do_publish_due
from essaim.posts.models import Post, ScheduledPost

pytestmark = pytest.mark.django_db


def _bearer(user) -> Client:
    _token, raw = do_issue_token(user, "read write")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def _later(minutes=60) -> str:
    return (timezone.now() + timedelta(minutes=minutes)).isoformat()


def test_a_mastodon_app_schedules_a_post_that_publishes_at_its_time(alice):
    api = _bearer(alice)
    response = api.post("/api/v1/statuses", {"status": "Bonne année à tous !",
                                             "scheduled_at": _later(), "visibility": "public"})
    assert response.status_code == 200
    body = response.json()
    assert body["params"]["text"] == "Bonne année à tous !" and body["scheduled_at"]
    assert body["params"]["visibility"] == "public"
    assert not Post.objects.exists()
    assert [s["id"] for s in api.get("/api/v1/scheduled_statuses").json()] == [body["id"]]
    assert do_publish_due() == {"published": 0, "failed": 0}  # not yet
    report = do_publish_due(now=timezone.now() + timedelta(hours=2))
    assert report == {"published": 1, "failed": 0}
    post = Post.objects.get()
    assert post.text == "Bonne année à tous !" and post.author == alice
    assert do_publish_due(now=timezone.now() + timedelta(hours=3))["published"] == 0  # once
    assert api.get("/api/v1/scheduled_statuses").json() == []


def test_a_scheduled_post_can_be_moved_and_cancelled(alice):
    api = _bearer(alice)
    planned = api.post("/api/v1/statuses", {"status": "Plus tard", "scheduled_at": _later()})
    sid = planned.json()["id"]
    moved = api.put(f"/api/v1/scheduled_statuses/{sid}", {"scheduled_at": _later(240)},
                    content_type="application/json").json()
    assert moved["scheduled_at"] > planned.json()["scheduled_at"]
    assert api.delete(f"/api/v1/scheduled_statuses/{sid}").status_code == 200
    assert not ScheduledPost.objects.exists()


@pytest.mark.parametrize("when", ["bientôt", "2001-01-01T00:00:00Z"])
def test_a_bad_or_past_time_is_refused(alice, when):
    response = _bearer(alice).post("/api/v1/statuses", {"status": "x", "scheduled_at": when})
    assert response.status_code == 422
    assert not ScheduledPost.objects.exists()


def test_a_guest_cannot_schedule_a_public_post(make_user):
    gail = make_user("gail", name="Gail", guest_of="Acme")
    response = _bearer(gail).post("/api/v1/statuses", {"status": "Hello",
                                                       "scheduled_at": _later(),
                                                       "visibility": "public"})
    assert response.status_code == 403 and not ScheduledPost.objects.exists()


def test_nobody_else_sees_or_changes_ones_scheduled_posts(alice, bob):
    sid = _bearer(alice).post("/api/v1/statuses", {"status": "À moi",
                                                   "scheduled_at": _later()}).json()["id"]
    api = _bearer(bob)
    assert api.get("/api/v1/scheduled_statuses").json() == []
    assert api.get(f"/api/v1/scheduled_statuses/{sid}").status_code == 404
    assert api.delete(f"/api/v1/scheduled_statuses/{sid}").status_code == 404
    assert ScheduledPost.objects.filter(pk=sid).exists()
    assert Client().get("/api/v1/scheduled_statuses").status_code == 401


def test_a_post_that_became_impossible_is_not_published_and_its_author_is_told(alice, bob):
    from essaim.notifications.models import Notification
    from essaim.posts.actions import do_create_post, do_delete_post

    parent = do_create_post(bob, "Question ?", rate_limit=False)
    _bearer(alice).post("/api/v1/statuses", {"status": "Réponse", "scheduled_at": _later(),
                                             "in_reply_to_id": str(parent.id)})
    do_delete_post(bob, parent.id)
    report = do_publish_due(now=timezone.now() + timedelta(hours=2))
    assert report == {"published": 0, "failed": 1}
    note = Notification.objects.get(recipient=alice, kind="scheduled")
    assert "could not be published" in note.subject
    assert ScheduledPost.objects.get().error


def test_the_web_composer_schedules_a_post_in_the_browsers_time_zone(alice):
    client = Client()
    client.force_login(alice)
    local = (timezone.now() + timedelta(hours=3)).replace(tzinfo=None, second=0,
                                                          microsecond=0)
    # A browser in Paris in winter: local time is UTC + 1 h, getTimezoneOffset() is -60.
    shown = (local + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post("/compose/", {"text": "Rappel : inventaire demain",
                                         "visibility": "company", "reply_policy": "everyone",
                                         "scheduled_at": shown, "scheduled_offset": "-60"})
    assert response.status_code == 302 and response["Location"] == "/scheduled/"
    planned = ScheduledPost.objects.get()
    assert planned.scheduled_at.replace(tzinfo=None) == local
    page = client.get("/scheduled/").content.decode()
    assert "Rappel : inventaire demain" in page
    client.post(f"/scheduled/{planned.id}/cancel/")
    assert not ScheduledPost.objects.exists()


def test_the_web_composer_refuses_a_time_in_the_past(alice):
    client = Client()
    client.force_login(alice)
    response = client.post("/compose/", {"text": "Trop tard", "visibility": "company",
                                         "reply_policy": "everyone",
                                         "scheduled_at": "2001-01-01T10:00"})
    assert response.status_code == 422 and "future" in response.content.decode()
    assert not ScheduledPost.objects.exists() and not Post.objects.exists()
