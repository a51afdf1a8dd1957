"""Ambassadors in the demo: a campaign to amplify, relays and shares, views and visits."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from essaim.advocacy.actions import do_get_share_link, visitor_hash
from essaim.advocacy.models import AdvocacyProfile, Campaign, PostView, Share, Visit
from essaim.posts.actions import do_create_post, do_relay

CAMPAIGN_TEXT = ("Notre nouvelle usine d'électrolyseurs ouvre à Lyon : 120 emplois et de "
                 "l'hydrogène vert pour la région. Fiers de l'équipe ! #hydrogène")
AGENTS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36",
          "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Firefox/127.0"]


def seed_advocacy(now: datetime, seed: int = 7) -> int:
    """Seed the campaign scene; returns the posts written (0 without the demo personas)."""
    User = get_user_model()
    accounts = {u.username: u for u in User.objects.filter(
        username__in=["camille", "news", "alex", "sofia"])}
    if len(accounts) < 4:
        return 0
    rng = random.Random(seed)
    camille, news = accounts["camille"], accounts["news"]
    AdvocacyProfile.objects.update_or_create(user=camille, defaults={"communication": True})
    post = do_create_post(camille, CAMPAIGN_TEXT, visibility="public", author=news,
                          created_at=now - timedelta(days=2), rate_limit=False, language="fr")
    Campaign.objects.create(
        post=post, name="usine-lyon", created_by=camille, starts_at=now - timedelta(days=2),
        ends_at=now + timedelta(days=12),
        texts={"default": "Fier·e de notre nouvelle usine à Lyon ! #hydrogène",
               "linkedin": "Une étape clé pour l'hydrogène vert en France : notre usine de "
                           "Lyon ouvre ses portes, avec 120 emplois à la clé.",
               "x": "Notre usine d'électrolyseurs ouvre à Lyon #hydrogène"})
    employees = list(User.objects.filter(kind="employee", is_active=True, is_official=False)
                     .exclude(id=camille.id).order_by("id"))
    rng.shuffle(employees)
    for person in employees[:18]:
        do_relay(person, post.id)
    networks = ["linkedin", "linkedin", "x", "facebook", "email", "copy"]
    today = timezone.localdate(now)
    for i, person in enumerate(employees[18:30]):
        link = do_get_share_link(person, post.id)
        Share.objects.create(link=link, network=networks[i % len(networks)],
                             created_at=now - timedelta(hours=rng.randint(1, 40)))
        for n in range(rng.randint(2, 9)):
            day = today - timedelta(days=rng.randint(0, 1))
            Visit.objects.get_or_create(link=link, visitor=visitor_hash(
                f"192.0.2.{n}", AGENTS[n % 3], day), day=day, kind="visit")
        Visit.objects.get_or_create(link=link, visitor="linkedinbot", day=today, kind="preview")
    PostView.objects.bulk_create(
        [PostView(post=post, user=person, day=today - timedelta(days=rng.randint(0, 2)))
         for person in employees[:120]], ignore_conflicts=True)
    for person in [accounts["alex"], accounts["sofia"]]:
        AdvocacyProfile.objects.update_or_create(user=person, defaults={"show_badge": True})
        do_relay(person, post.id)
    return 1
