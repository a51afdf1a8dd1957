"""The demo's alex watches green hydrogen: the watch shows unread posts at once."""

from __future__ import annotations

from django.test import Client
from django.utils import timezone

from essaim.demo.watches import seed_watches
from essaim.notifications.models import Notification
from essaim.posts.actions import do_create_post


def test_the_demo_watch_on_green_hydrogen_opens_with_unread_posts(make_user, bob):
    alex = make_user("alex", department="R&D")
    do_create_post(bob, "Premier essai d'électrolyse pour l'hydrogène vert", rate_limit=False)
    do_create_post(bob, "Green hydrogen keeps coming up", rate_limit=False)
    do_create_post(bob, "Rien à voir", rate_limit=False)
    assert seed_watches(timezone.now()) == 2
    client = Client()
    client.force_login(alex)
    page = client.get("/watches/").content.decode()
    assert "Hydrogène vert" in page and "2 new" in page and "Salon Industrie" in page
    assert Notification.objects.filter(recipient=alex, kind="watch").count() == 2


def test_the_demo_has_a_keyword_filter_and_a_scheduled_post(make_user):
    from essaim.demo.watches import seed_filters_and_schedule
    from essaim.filters.models import Filter
    from essaim.posts.models import ScheduledPost

    make_user("alex", department="R&D")
    assert seed_filters_and_schedule(timezone.now()) == 2
    assert Filter.objects.get().title == "Football"
    assert ScheduledPost.objects.get().scheduled_at > timezone.now()
