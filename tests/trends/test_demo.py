"""The demo company shows a weak signal and a trend."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from essaim.cli import main
from essaim.trends import queries
from essaim.trends.models import COMPANY


def test_the_demo_company_has_a_visible_weak_signal_and_a_trend(db, capsys):
    assert main(["seed", "--users", "60", "--posts", "400", "--seed", "1"]) == 0
    alex = get_user_model().objects.get(username="alex")
    top = queries.signals(alex, COMPANY, limit=3)
    assert any("hydrog" in t for s in top for t in [s.term, *s.related])
    hydrogen = next(s for s in top if any("hydrog" in t for t in [s.term, *s.related]))
    assert hydrogen.people >= 10 and hydrogen.departments >= 5
    tags = [t.label for t in queries.trends(alex, COMPANY, kind="tag", limit=5)]
    assert "SalonIndustrie" in tags
    from essaim.notifications.models import Notification

    weekly = Notification.objects.filter(recipient=alex, kind=Notification.Kind.SIGNALS)
    assert weekly.count() == 1 and "hydrog" in weekly.get().subject

    from essaim.moderation import conduct
    from essaim.moderation.models import Report

    assert conduct.current() is not None and conduct.has_accepted(alex)
    assert Report.objects.filter(status="open").exists()
    assert Report.objects.filter(status="resolved").exists()
    from essaim.posts.actions import do_create_post

    assert do_create_post(alex, "The demo logins post at once")
