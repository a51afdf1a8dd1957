"""Watches for the demo: alex keeps watch on green hydrogen (a notification per post) and on
#SalonIndustrie (a weekly digest), saved a few days ago, so their unread posts show at once."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model

WATCHES = [("Hydrogène vert", "hydrogène", "instant"),
           ("Salon Industrie", "#SalonIndustrie", "weekly")]


def seed_watches(now: datetime, username: str = "alex") -> int:
    """Save the demo's watches and gather the recent posts they match; returns how many
    posts were gathered. Needs the search index (it matches on indexed terms)."""
    from essaim.posts.models import Post
    from essaim.watches.actions import do_create_watch
    from essaim.watches.matching import FRESH, match_posts
    from essaim.watches.models import Watch

    owner = get_user_model().objects.filter(username=username, is_active=True).first()
    if owner is None:
        return 0
    saved = now - timedelta(days=2)
    for name, query, delivery in WATCHES:
        watch = do_create_watch(owner, query, name=name, delivery=delivery)
        Watch.objects.filter(pk=watch.pk).update(created_at=saved, seen_at=saved,
                                                 digest_sent_at=saved)
    recent = Post.objects.filter(created_at__gte=max(saved, now - FRESH),
                                 relay_of__isnull=True).values_list("id", flat=True)
    return len(match_posts(list(recent), now=now))


def seed_filters_and_schedule(now: datetime, username: str = "alex") -> int:
    """alex hides football results from home and the company flow (a keyword filter) and has
    a post scheduled for tomorrow morning; returns how many things were made."""
    from essaim.filters.actions import do_create_filter
    from essaim.posts.actions.scheduled import do_schedule_post

    owner = get_user_model().objects.filter(username=username, is_active=True).first()
    if owner is None:
        return 0
    do_create_filter(owner, title="Football", context=["home", "public"], action="warn",
                     keywords=[("score", True), ("penalty", True)])
    tomorrow = (now + timedelta(days=1)).replace(hour=8, minute=30, second=0, microsecond=0)
    do_schedule_post(owner, tomorrow, visibility="company",
                     text="Rappel : la revue des signaux faibles a lieu ce matin à 10 h.")
    return 2
