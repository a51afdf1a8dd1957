""""Signals this week": subscribers are told once a week, never about nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from essaim.cli import main
from essaim.core.errors import PermissionDenied
from essaim.notifications.models import Notification
from essaim.trends.actions import do_subscribe_signals
from essaim.trends.weekly import do_deliver_weekly_signals, week_start

from .test_signals import SAID


@pytest.fixture
def hydrogen(crowd, say, refresh):
    for i, text in enumerate(SAID):
        say(crowd[i], text, hours_ago=30 - i * 4)
    refresh()


def _weekly(user):
    return list(Notification.objects.filter(recipient=user, kind=Notification.Kind.SIGNALS))


def test_a_subscriber_is_told_the_weeks_signals_with_a_link_to_the_signals_page(crowd,
                                                                                 hydrogen):
    reader = crowd[11]
    do_subscribe_signals(reader)
    assert do_deliver_weekly_signals()["sent"] == 1
    [notification] = _weekly(reader)
    assert notification.link == "/signals/"
    assert "hydrog" in notification.subject


def test_a_week_is_delivered_once_and_the_next_week_again(crowd, hydrogen):
    reader = crowd[11]
    do_subscribe_signals(reader)
    do_deliver_weekly_signals()
    assert do_deliver_weekly_signals()["sent"] == 0
    assert len(_weekly(reader)) == 1
    next_week = week_start() + timedelta(days=7, hours=9)
    assert do_deliver_weekly_signals(now=next_week)["sent"] == 1
    assert len(_weekly(reader)) == 2


def test_people_who_did_not_subscribe_or_left_receive_nothing(crowd, hydrogen):
    do_subscribe_signals(crowd[10])
    do_subscribe_signals(crowd[11])
    do_subscribe_signals(crowd[11], False)
    crowd[10].is_active = False
    crowd[10].save()
    assert do_deliver_weekly_signals()["sent"] == 0
    assert not Notification.objects.filter(kind=Notification.Kind.SIGNALS).exists()


def test_a_quiet_week_sends_nothing_and_stays_open_for_a_later_signal(crowd, say, refresh):
    reader = crowd[11]
    do_subscribe_signals(reader)
    assert do_deliver_weekly_signals()["sent"] == 0
    for i, text in enumerate(SAID):
        say(crowd[i], text, hours_ago=30 - i * 4)
    refresh()
    assert do_deliver_weekly_signals()["sent"] == 1


def test_guests_cannot_subscribe_to_the_companys_signals(make_user):
    gail = make_user("gail", name="Gail Guest", guest_of="Acme Corp")
    with pytest.raises(PermissionDenied):
        do_subscribe_signals(gail)


def test_the_command_line_delivers_the_week(crowd, hydrogen, capsys):
    do_subscribe_signals(crowd[11])
    assert main(["signals", "--deliver-weekly"]) == 0
    assert "1" in capsys.readouterr().out
    assert len(_weekly(crowd[11])) == 1


def test_the_signals_page_subscribes_and_the_notification_reads_in_french(crowd, hydrogen,
                                                                          client):
    reader = crowd[11]
    reader.locale = "fr"
    reader.save()
    client.force_login(reader)
    client.post("/signals/subscribe/", {"subscribe": "1"})
    do_deliver_weekly_signals()
    page = client.get("/notifications/").content.decode()
    assert "Signaux de la semaine" in page and 'href="/signals/"' in page
