"""Trend scores: distinct people now against the term's own expected level, with decay.

Mastodon's ``Trends::Tags`` compares the accounts using a tag today with yesterday's,
``(observed − expected)² / expected``, keeps the highest score and lets it decay with a 4-hour
half-life. Here the expected level is the highest of the term's average day over the last two
weeks and the same weekday one and two weeks ago (from the hourly buckets), so a term that is
always popular, or comes back every Monday, does not trend for being itself; observed counts
distinct *active* people over the last 24 hours, so one person (or one bot) posting sixty times
counts once, and removed posts or deactivated people stop counting.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from django.db.models import Count, Max, Q

from essaim.posts.models import Like, Post, Visibility

from .models import COMPANY, Bucket, TermUse, TrendingPost, TrendScore

HALF_LIFE = timedelta(hours=4)
COOLDOWN = timedelta(hours=24)
BASELINE_DAYS = 14
KEEP_ABOVE = 0.05
DAY = timedelta(days=1)


def expected_levels(scope: str, keys: set[tuple[str, str]], now: datetime) -> dict:
    """Expected distinct people per day of each term (at least 1)."""
    if not keys:
        return {}
    start = now - DAY * (BASELINE_DAYS + 1)
    rows = (Bucket.objects.filter(scope=scope, hour__gte=start, hour__lt=now - DAY,
                                  key__in={k for _kind, k in keys})
            .values_list("kind", "key", "hour", "people"))
    total: dict = defaultdict(float)
    week1: dict = defaultdict(float)
    week2: dict = defaultdict(float)
    for kind, key, hour, people in rows:
        total[(kind, key)] += people
        age = now - hour
        if 7 * DAY <= age < 8 * DAY:
            week1[(kind, key)] += people
        elif 14 * DAY <= age < 15 * DAY:
            week2[(kind, key)] += people
    return {term: max(1.0, total[term] / BASELINE_DAYS, week1[term], week2[term])
            for term in keys}


def raw_score(observed: float, expected: float, min_people: int) -> float:
    if observed < max(min_people, 1) or observed <= expected:
        return 0.0
    return (observed - expected) ** 2 / expected


def decayed(max_score: float, max_at: datetime, now: datetime) -> float:
    return max_score * 0.5 ** ((now - max_at) / HALF_LIFE)


def score_scope(scope: str, now: datetime, min_people: int) -> int:
    """Recompute every trend score of a scope; returns how many are kept."""
    active = Q(author__is_active=True)
    recent = {(r["kind"], r["key"]): r for r in
              TermUse.objects.filter(active, scope=scope, created_at__gt=now - DAY,
                                     created_at__lte=now)
              .values("kind", "key")
              .annotate(observed=Count("author_id", distinct=True), label=Max("label"),
                        departments=Count("department_id", distinct=True))
              .filter(observed__gte=max(min_people, 1))}
    expected = expected_levels(scope, set(recent), now)
    previous = {(s.kind, s.key): s for s in TrendScore.objects.filter(scope=scope)}
    kept: dict[tuple[str, str], TrendScore] = {}
    for term in set(recent) | set(previous):
        row = recent.get(term)
        before = previous.get(term)
        score = raw_score(row["observed"], expected[term], min_people) if row else 0.0
        max_score, max_at = (before.max_score, before.max_score_at) if before else (0.0, now)
        if before is None or max_at < now - COOLDOWN:
            max_score, max_at = 0.0, now
        if score > max_score:
            max_score, max_at = score, now
        value = decayed(max_score, max_at, now)
        if value < KEEP_ABOVE:
            continue
        kept[term] = TrendScore(
            scope=scope, kind=term[0], key=term[1],
            label=row["label"] if row else (before.label if before else term[1]),
            score=value, max_score=max_score,
            max_score_at=max_at, observed=row["observed"] if row else 0,
            expected=expected.get(term, before.expected if before else 1.0),
            departments=row["departments"] if row else 0, people=0, posts=0, computed_at=now)
    _week_counts(scope, kept, now)
    TrendScore.objects.filter(scope=scope).delete()
    TrendScore.objects.bulk_create(kept.values(), batch_size=500)
    return len(kept)


def _week_counts(scope: str, kept: dict, now: datetime) -> None:
    if not kept:
        return
    for row in (TermUse.objects.filter(scope=scope, author__is_active=True,
                                       created_at__gt=now - 7 * DAY, created_at__lte=now,
                                       key__in={k for _kind, k in kept})
                .values("kind", "key")
                .annotate(people=Count("author_id", distinct=True), posts=Count("id"))):
        found = kept.get((row["kind"], row["key"]))
        if found is not None:
            found.people, found.posts = row["people"], row["posts"]


def _post_filter(scope: str) -> Q:
    if scope == COMPANY:
        return Q(visibility__in=[Visibility.PUBLIC, Visibility.COMPANY], community__isnull=True)
    return Q(visibility=Visibility.COMMUNITY, community_id=int(scope.split(":", 1)[1]))


def score_posts(scope: str, now: datetime, min_people: int, window: timedelta = 2 * DAY,
                limit: int = 40) -> int:
    """Trending posts: distinct people who liked, relayed or answered, decaying with age."""
    posts = dict(Post.objects.filter(_post_filter(scope), relay_of__isnull=True,
                                     author__is_active=True, created_at__gt=now - window,
                                     created_at__lte=now)
                 .values_list("id", "author_id"))
    people: dict[int, set[int]] = defaultdict(set)
    ids = list(posts)
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        for post_id, user_id in Like.objects.filter(post_id__in=chunk,
                                                    user__is_active=True) \
                .values_list("post_id", "user_id"):
            people[post_id].add(user_id)
        for field in ("relay_of_id", "in_reply_to_id"):
            for post_id, user_id in Post.objects.filter(
                    **{f"{field}__in": chunk}, author__is_active=True) \
                    .values_list(field, "author_id"):
                people[post_id].add(user_id)
    created = dict(Post.objects.filter(id__in=list(people)).values_list("id", "created_at"))
    rows = []
    for post_id, who in people.items():
        who.discard(posts.get(post_id))
        if len(who) < max(min_people, 1):
            continue
        age = (now - created[post_id]) / timedelta(hours=12)
        rows.append(TrendingPost(scope=scope, post_id=post_id, people=len(who),
                                 score=len(who) * 0.5 ** age, computed_at=now))
    rows.sort(key=lambda r: -r.score)
    TrendingPost.objects.filter(scope=scope).delete()
    TrendingPost.objects.bulk_create(rows[:limit])
    return len(rows[:limit])


def bucket_totals(scope: str, keys: list[tuple[str, str]], since: datetime):
    """Hourly people per term since a moment: ``{(kind, key): {hour: people}}``."""
    found: dict = defaultdict(dict)
    if not keys:
        return found
    for kind, key, hour, people in (Bucket.objects.filter(
            scope=scope, hour__gte=since, key__in={k for _kind, k in keys})
            .values_list("kind", "key", "hour", "people")):
        if (kind, key) in keys:
            found[(kind, key)][hour] = people
    return found


__all__ = ["bucket_totals", "decayed", "expected_levels", "raw_score", "score_posts",
           "score_scope"]
