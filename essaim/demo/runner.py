"""Put a generated company in the database: people, follows, posts, interactions, timelines."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core.errors import ValidationFailed
from essaim.importers.company import (
    do_import_bookmarks,
    do_import_follows,
    do_import_likes,
    do_import_posts,
    do_import_users,
)
from essaim.timelines.store import timeline_store
from essaim.trends.actions import do_refresh

from . import DEMO_PASSWORD, data
from .activity import play_recent_activity
from .advocacy import seed_advocacy
from .communities import seed_communities
from .content import ContentGenerator
from .graph import make_follows
from .people import Person, make_officials, make_people, user_rows
from .signals import seed_signal_subscribers, seed_signals

DEMO_USERS, DEMO_POSTS, DEMO_SEED = 200, 4000, 2026
MIN_USERS = len(data.PERSONAS) + 5
MAX_USERS, MAX_POSTS = 1_000_000, 50_000_000
TIMELINE_BATCH = 200


@dataclass
class SeedReport:
    users: int = 0
    follows: int = 0
    posts: int = 0
    likes: int = 0
    bookmarks: int = 0
    timelines: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


class _Phases:
    def __init__(self, report: SeedReport, progress: Callable[[str], None] | None):
        self.report, self.progress, self.started = report, progress, time.perf_counter()

    def done(self, name: str) -> None:
        now = time.perf_counter()
        self.report.seconds[name] = now - self.started
        self.started = now
        if self.progress:
            self.progress(f"{name}: {self.report.seconds[name]:.1f} s")


def check_sizes(users: int, posts: int) -> None:
    if not MIN_USERS <= users <= MAX_USERS:
        raise ValidationFailed(_("The number of users must be between %(min)d and %(max)d.")
                               % {"min": MIN_USERS, "max": MAX_USERS}, field="users")
    if not 0 <= posts <= MAX_POSTS:
        raise ValidationFailed(_("The number of posts must be between 0 and %(max)d.")
                               % {"max": MAX_POSTS}, field="posts")


def seed_company(*, users: int, posts: int, seed: int = 1, password: str = DEMO_PASSWORD,
                 now: datetime | None = None,
                 progress: Callable[[str], None] | None = None) -> SeedReport:
    """Fill an empty database with a company of ``users`` people and ``posts`` posts.

    Everyone gets the same password (hashed once). The same seed gives the same people, follows
    and texts; dates end at ``now``.
    """
    check_sizes(users, posts)
    if get_user_model().objects.exists():
        raise ValidationFailed(_("The database already has accounts: seeding needs an empty "
                                 "database."))
    rng, now = random.Random(seed), now or timezone.now()
    report = SeedReport()
    phases = _Phases(report, progress)
    everyone = _import_people(rng, users, password, now)
    report.users = len(everyone)
    phases.done("accounts")
    pairs = make_follows(rng, everyone)
    report.follows = do_import_follows([(everyone[a].id, everyone[b].id) for a, b in pairs])
    phases.done("follows")
    _import_content(rng, everyone, pairs, posts, now, report)
    if posts:
        # Communities first: a guest's mentions reach only the people they share one with.
        report.posts += seed_communities(everyone, now)
        report.posts += play_recent_activity(everyone, now)
        report.posts += seed_advocacy(now)
        report.posts += seed_signals(now)
        from .files import seed_post_files

        report.posts += seed_post_files(now)
    phases.done("posts")
    _analyze()
    report.timelines = rebuild_all_timelines()
    phases.done("timelines")
    if posts:
        do_refresh(now=now)
        seed_signal_subscribers(now)
        phases.done("trends")
        from essaim.insight.fill import fill

        fill(now=now)
        phases.done("insight")
        from .moderation import seed_moderation

        seed_moderation()
        phases.done("moderation")
    from essaim.search.indexing import reindex

    reindex()  # what the bulk import wrote without signals: searchable at once
    phases.done("search")
    return report


def seed_demo(progress: Callable[[str], None] | None = None) -> SeedReport:
    """The demo company: about 200 people and two months of posts, indexed for search."""
    report = seed_company(users=DEMO_USERS, posts=DEMO_POSTS, seed=DEMO_SEED,
                          progress=progress)
    from .watches import seed_filters_and_schedule, seed_watches

    seed_watches(timezone.now())  # on the index: a watch matches indexed terms
    seed_filters_and_schedule(timezone.now())
    return report


def _import_people(rng: random.Random, users: int, password: str, now) -> list[Person]:
    people = make_people(rng, users)
    everyone = people + make_officials(people)
    ids = do_import_users(user_rows(rng, everyone, now), password_hash=make_password(password))
    for person in everyone:
        person.id = ids[person.username]
    return everyone


def _import_content(rng, everyone: list[Person], pairs, posts: int, now, report) -> None:
    generator = ContentGenerator(rng, everyone, pairs, end=now)
    for chunk in generator.chunks(posts):
        do_import_posts([s.row for s in chunk])
        likes, bookmarks = generator.marks(chunk)
        do_import_likes([(everyone[i].id, row.id, when) for i, row, when in likes])
        do_import_bookmarks([(everyone[i].id, row.id, when) for i, row, when in bookmarks])
        report.posts += len(chunk)
        report.likes += len(likes)
        report.bookmarks += len(bookmarks)


def _analyze() -> None:
    """Refresh the query planner's statistics after a bulk load (SQLite and PostgreSQL)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def rebuild_all_timelines() -> int:
    """Rebuild every active account's home timeline; returns how many were rebuilt."""
    from essaim.timelines.broadcasters import mark_broadcasters

    mark_broadcasters()  # their posts are merged when homes are read, not stored
    store = timeline_store()
    ids = list(get_user_model().objects.filter(is_active=True).order_by("id")
               .values_list("id", flat=True))
    for start in range(0, len(ids), TIMELINE_BATCH):
        with transaction.atomic():
            for owner_id in ids[start:start + TIMELINE_BATCH]:
                store.rebuild(owner_id)
    return len(ids)
