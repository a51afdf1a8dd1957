"""The weekly Amplify digest: employees are told once a week which posts to amplify."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from essaim.advocacy.actions import do_start_campaign
from essaim.advocacy.digest import do_deliver_weekly_digest, do_set_weekly_digest
from essaim.notifications.models import Notification

from .conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(official_post, alice):
    return do_start_campaign(alice, official_post.id, name="lyon-plant",
                             texts={"linkedin": "Proud of our new plant"})


def test_employees_get_one_digest_a_week_naming_the_campaigns(campaign, bob, make_user):
    guest = make_user("gail", name="Gail", guest_of="Acme")
    report = do_deliver_weekly_digest()
    assert report["campaigns"] == 1 and report["sent"] >= 1
    note = Notification.objects.get(recipient=bob, kind="digest")
    assert note.link == "/amplify/" and "lyon-plant" in note.subject
    assert not Notification.objects.filter(recipient=guest).exists()
    assert do_deliver_weekly_digest()["sent"] == 0  # this week is served
    next_week = timezone.now() + timedelta(days=7)
    assert do_deliver_weekly_digest(now=next_week)["sent"] >= 1


def test_nothing_is_sent_in_a_week_without_campaigns(bob):
    assert do_deliver_weekly_digest() == {"sent": 0, "campaigns": 0}
    assert not Notification.objects.filter(kind="digest").exists()


def test_the_digest_can_be_turned_off_from_the_amplify_page(campaign, bob):
    client = signed_in(bob)
    client.post("/amplify/digest/", {"on": "0"})
    page = client.get("/amplify/").content.decode()  # also looks for a week to serve
    assert "Receive the weekly digest" in page
    do_deliver_weekly_digest()
    assert not Notification.objects.filter(recipient=bob, kind="digest").exists()
    do_set_weekly_digest(bob, True)
    assert do_deliver_weekly_digest()["sent"] == 1
    assert Notification.objects.filter(recipient=bob, kind="digest").exists()
    assert "Stop the weekly digest" in client.get("/amplify/").content.decode()


def test_the_cli_sends_the_digest(campaign, bob, capsys):
    import json

    from essaim.cli import main

    assert main(["amplify", "digest", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["campaigns"] == 1


def test_a_company_can_leave_the_digest_to_cron(campaign, bob, settings):
    settings.ESSAIM_AMPLIFY_DIGEST = False
    signed_in(bob).get("/")
    assert not Notification.objects.filter(kind="digest").exists()
    signed_in(bob).get("/amplify/")
    assert not Notification.objects.filter(kind="digest").exists()
