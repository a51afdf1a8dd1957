"""Reporting what one can see, handling it from the queue, everyone told, everything logged."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from essaim.audit.models import AuditEntry
from essaim.core.errors import NotFound, PermissionDenied, ValidationFailed
from essaim.core.pagination import Cursor
from essaim.moderation.models import Report
from essaim.moderation.reports import MODERATOR_GROUP, do_report, do_resolve
from essaim.notifications.models import Notification
from essaim.oauth.actions import do_issue_token
from essaim.posts.actions import do_create_post
from essaim.posts.models import Post
from essaim.timelines import queries as timelines
from tests.communities.conftest import build_community


@pytest.fixture
def moderator(make_user):
    person = make_user("mona", department="HR")
    person.groups.add(Group.objects.get_or_create(name=MODERATOR_GROUP)[0])
    return person


@pytest.fixture
def rude(alice):
    return do_create_post(alice, "Everyone in Sales is useless", visibility="company")


def _masto(user) -> Client:
    _token, raw = do_issue_token(user, "read write follow push")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_reporting_the_same_post_twice_makes_one_report(bob, rude):
    first = do_report(bob, post_id=rude.id, category="harassment", comment="Rude")
    again = do_report(bob, post_id=rude.id, category="harassment", comment="Still rude")
    assert first.pk == again.pk and Report.objects.count() == 1
    assert "Still rude" in Report.objects.get().comment


def test_what_one_cannot_see_cannot_be_reported(bob, alice, guest):
    secret = do_create_post(alice, "Psst @carol", visibility="direct")
    with pytest.raises(NotFound):
        do_report(bob, post_id=secret.id)
    internal = do_create_post(alice, "Internal", visibility="company")
    with pytest.raises(NotFound):
        do_report(guest, post_id=internal.id)


def test_a_guest_reports_inside_their_community(alice, guest):
    room = build_community(alice, "Bid", kind="external", guests=[guest])
    post = do_create_post(alice, "Off topic here", community=room)
    report = do_report(guest, post_id=post.id, category="off_topic")
    assert report.community_id == room.id


def test_bad_categories_and_overlong_comments_are_refused(bob, rude):
    with pytest.raises(ValidationFailed):
        do_report(bob, post_id=rude.id, category="boring")
    with pytest.raises(ValidationFailed):
        do_report(bob, post_id=rude.id, comment="x" * 1001)


def test_hiding_a_post_removes_it_from_every_read_and_tells_both_people(bob, carol, rude,
                                                                        moderator):
    from essaim.graph.actions import do_follow

    do_follow(carol, rude.author)
    report = do_report(bob, post_id=rude.id, category="harassment")
    do_report(carol, post_id=rude.id, category="harassment")
    do_resolve(moderator, report.pk, "hide", "Disrespectful to a whole department")
    assert Post.objects.get(pk=rude.pk).hidden_at is not None
    assert rude.id not in [p.id for p in timelines.home(carol, Cursor(limit=40)).posts]
    assert _masto(carol).get(f"/api/v1/statuses/{rude.id}").status_code == 404
    assert Report.objects.filter(status="open").count() == 0  # both reports settled
    assert Notification.objects.filter(recipient=bob, kind="report").exists()
    assert Notification.objects.filter(recipient=carol, kind="report").exists()
    told = Notification.objects.get(recipient=rude.author, kind="moderation")
    assert "Disrespectful" in told.subject
    assert AuditEntry.objects.filter(action="moderation.hide").exists()


def test_a_decision_needs_a_reason_and_a_known_action(bob, rude, moderator):
    report = do_report(bob, post_id=rude.id)
    with pytest.raises(ValidationFailed):
        do_resolve(moderator, report.pk, "hide", "  ")
    with pytest.raises(ValidationFailed):
        do_resolve(moderator, report.pk, "ban_forever", "why")


def test_deleting_from_a_report_deletes_the_post(bob, rude, moderator):
    report = do_report(bob, post_id=rude.id)
    do_resolve(moderator, report.pk, "delete", "Harassment")
    assert not Post.objects.filter(pk=rude.pk).exists()
    assert Report.objects.get().post_text == "Everyone in Sales is useless"


def test_an_animator_handles_their_community_only(alice, bob, carol, make_user):
    room = build_community(alice, "Bid", kind="external", members=[bob])
    other = build_community(carol, "Other", kind="external", members=[bob])
    here = do_report(bob, post_id=do_create_post(alice, "x", community=room).id)
    there = do_report(bob, post_id=do_create_post(carol, "y", community=other).id)
    do_resolve(alice, here.pk, "dismiss", "Fine as is")
    with pytest.raises(PermissionDenied):
        do_resolve(alice, there.pk, "dismiss", "Not mine")


@pytest.mark.parametrize("who,status", [("moderator", 200), ("admin", 200), ("employee", 403),
                                        ("guest", 403)])
def test_the_queue_is_for_moderators(client, bob, rude, moderator, make_user, guest, who,
                                     status):
    do_report(bob, post_id=rude.id, category="harassment")
    people = {"moderator": moderator, "admin": make_user("root", admin=True),
              "employee": make_user("erin"), "guest": guest}
    client.force_login(people[who])
    response = client.get("/moderation/")
    assert response.status_code == status
    if status == 200:
        assert "Everyone in Sales is useless" in response.content.decode()


def test_a_moderator_decides_from_the_queue_page(client, bob, rude, moderator):
    report = do_report(bob, post_id=rude.id, category="harassment")
    client.force_login(moderator)
    client.post("/moderation/", {"report": report.pk, "action": "warn", "reason": "Be kind"})
    assert Report.objects.get().outcome == "warn"


def test_the_report_page_sends_a_report(client, bob, rude):
    client.force_login(bob)
    assert client.get(f"/posts/{rude.id}/report/").status_code == 200
    client.post(f"/posts/{rude.id}/report/", {"category": "spam", "comment": "Spam"})
    assert Report.objects.get().category == "spam"


def test_mastodon_apps_report_statuses(bob, rude):
    response = _masto(bob).post("/api/v1/reports", {
        "account_id": str(rude.author_id), "status_ids[]": [str(rude.id)],
        "category": "violation", "comment": "Against the rules"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status_ids"] == [str(rude.id)] and body["action_taken"] is False
    assert body["target_account"]["id"] == str(rude.author_id)


def test_the_native_api_reports_and_lists_my_reports(client, bob, rude):
    client.force_login(bob)
    made = client.post("/api/essaim/v1/reports", json.dumps(
        {"post_id": str(rude.id), "category": "harassment"}), content_type="application/json")
    assert made.status_code == 200
    mine = client.get("/api/essaim/v1/reports").json()["items"]
    assert [r["id"] for r in mine] == [made.json()["id"]]
    assert client.post(f"/api/essaim/v1/reports/{made.json()['id']}/resolve", json.dumps(
        {"action": "dismiss", "reason": "x"}), content_type="application/json"
    ).status_code == 403


def test_anonymous_visitors_cannot_report(client, rude):
    assert client.post("/api/essaim/v1/reports", json.dumps({"post_id": str(rude.id)}),
                       content_type="application/json").status_code == 401
    assert client.get(f"/posts/{rude.id}/report/").status_code == 302
