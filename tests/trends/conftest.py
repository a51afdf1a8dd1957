"""A small company talking about things, at chosen moments."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from django.utils import timezone

from essaim.posts.actions import do_create_post
from essaim.trends.actions import do_refresh


@pytest.fixture
def now():
    return timezone.now().replace(minute=30, second=0, microsecond=0)


def day_of(history, hours_ago: float = 1):
    """The entry of a trend's history for the day of posts made ``hours_ago`` (just after
    midnight, that is yesterday, not ``history[0]``); Mastodon's days are midnight timestamps."""
    day = (timezone.now() - timedelta(hours=hours_ago)).date()
    stamp = str(int(datetime.combine(day, time.min, tzinfo=UTC).timestamp()))
    return next(e for e in history if e["day"] in (day, stamp))


@pytest.fixture
def staff(make_user):
    return make_user("root", name="Root Admin", department="IT", admin=True)


@pytest.fixture
def crowd(make_user):
    """Twelve employees in four departments."""
    departments = ["R&D", "Sales", "Marketing", "Support"]
    return [make_user(f"emp{i}", name=f"Employee {i}", department=departments[i % 4])
            for i in range(12)]


@pytest.fixture
def say():
    def post(user, text, *, hours_ago: float = 1, **kwargs):
        when = timezone.now() - timedelta(hours=hours_ago)
        return do_create_post(user, text, created_at=when, rate_limit=False, **kwargs)

    return post


@pytest.fixture
def refresh(now):
    def run(at=None):
        return do_refresh(now=at or now)

    return run


@pytest.fixture
def world(crowd, make_user, staff, say, refresh):
    """Company, an external community with a guest, and another community with its guest."""
    from tests.communities.conftest import build_community

    gail = make_user("gail", name="Gail Guest", guest_of="Acme Corp")
    otto = make_user("otto", name="Otto Other", guest_of="Other Corp")
    horizon = build_community(crowd[0], "Client Horizon", kind="external",
                              members=crowd[1:4], guests=[gail])
    other = build_community(crowd[4], "Other Deal", kind="external", members=crowd[5:7],
                            guests=[otto])
    for person in crowd[:8]:
        say(person, "Qui vient au salon #Vivatech cette semaine ?")
    for person in [*crowd[:4], gail]:
        say(person, "Le cahier des charges #Tender avance", community=horizon)
    for person in [*crowd[4:7], otto]:
        say(person, "Revue du contrat #Secretdeal ce soir", community=other)
    say(crowd[9], "Mon #Vivatech privé", visibility="followers")
    refresh()
    return {"employee": crowd[10], "member": crowd[1], "guest": gail, "other_guest": otto,
            "admin": staff, "horizon": horizon, "other": other}
