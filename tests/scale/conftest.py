"""Fixtures for the scale behaviours: a company with an official account everyone follows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from essaim.graph.actions import do_follow


@pytest.fixture
def company(make_user, settings):
    """An official "news" account followed by six employees: above the broadcast threshold."""
    settings.ESSAIM_BROADCAST_FOLLOWERS = 5
    news = make_user("news", name="Company news", is_official=True)
    staff = [make_user(f"employee{i}") for i in range(6)]
    for person in staff:
        do_follow(person, news)
    return news, staff


def away_for(user, days: int) -> None:
    """As if ``user`` had last used Essaim ``days`` days ago (and joined long before)."""
    when = timezone.now() - timedelta(days=days)
    get_user_model().objects.filter(pk=user.pk).update(
        last_active_at=when, date_joined=when - timedelta(days=30))
    user.refresh_from_db()
