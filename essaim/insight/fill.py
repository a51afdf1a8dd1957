"""The hourly job: fill the count tables from the posts and likes, day by day.

Idempotent and resumable (Zulip's analytics design): each day is recomputed whole in its own
transaction (its rows deleted, then written again) and the checkpoint moves past a day only
once the day is over, so running the job twice, or again after a crash, gives the same tables.
Today is filled again at each run; ``rebuild`` starts over from the first post.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from .models import Activity, FillCheckpoint, Interaction

CHECKPOINT = "interactions"
FIRST_DAYS = 400  # a fresh install fills this far back at most


def _bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=UTC)
    return start, start + timedelta(days=1)


def _interactions(day: date) -> Counter:
    from essaim.posts.models import Like, Post

    start, end = _bounds(day)
    posts = Post.objects.filter(created_at__gte=start, created_at__lt=end)
    counts: Counter = Counter()
    rules = [
        (Interaction.Kind.REPLY, posts.filter(in_reply_to_account__isnull=False, relay_of=None),
         "author_id", "in_reply_to_account_id"),
        (Interaction.Kind.RELAY, posts.filter(relay_of__isnull=False),
         "author_id", "relay_of__author_id"),
        (Interaction.Kind.QUOTE, posts.filter(quote_of__isnull=False),
         "author_id", "quote_of__author_id"),
    ]
    for kind, qs, source, target in rules:
        for row in qs.values(source, target).annotate(n=Count("id")):
            counts[(row[source], row[target], kind)] += row["n"]
    mentions = Post.mentions.through.objects.filter(post__created_at__gte=start,
                                                    post__created_at__lt=end)
    for row in mentions.values("post__author_id", "user_id").annotate(n=Count("post_id",
                                                                          distinct=True)):
        counts[(row["post__author_id"], row["user_id"], Interaction.Kind.MENTION)] += row["n"]
    likes = Like.objects.filter(created_at__gte=start, created_at__lt=end)
    for row in likes.values("user_id", "post__author_id").annotate(n=Count("id")):
        counts[(row["user_id"], row["post__author_id"], Interaction.Kind.LIKE)] += row["n"]
    return Counter({k: n for k, n in counts.items() if k[0] != k[1]})


def _activity(day: date) -> dict[int, dict[str, int]]:
    from essaim.posts.models import Like, Post

    start, end = _bounds(day)
    posts = Post.objects.filter(created_at__gte=start, created_at__lt=end)
    out: dict[int, dict[str, int]] = {}

    def add(rows, field):
        for row in rows:
            out.setdefault(row["uid"], {"posts": 0, "replies": 0, "reactions": 0})[field] += \
                row["n"]

    add(posts.filter(relay_of=None, in_reply_to=None).values(uid=F("author_id"))
        .annotate(n=Count("id")), "posts")
    add(posts.filter(relay_of=None, in_reply_to__isnull=False).values(uid=F("author_id"))
        .annotate(n=Count("id")), "replies")
    add(posts.filter(relay_of__isnull=False).values(uid=F("author_id"))
        .annotate(n=Count("id")), "reactions")
    add(Like.objects.filter(created_at__gte=start, created_at__lt=end)
        .values(uid=F("user_id")).annotate(n=Count("id")), "reactions")
    return out


def fill_day(day: date) -> int:
    """Recompute one day's rows; returns how many interaction rows it holds."""
    counts = _interactions(day)
    activity = _activity(day)
    with transaction.atomic():
        Interaction.objects.filter(day=day).delete()
        Activity.objects.filter(day=day).delete()
        Interaction.objects.bulk_create(
            [Interaction(day=day, source_id=s, target_id=t, kind=k, count=n)
             for (s, t, k), n in counts.items()], batch_size=2000)
        Activity.objects.bulk_create(
            [Activity(day=day, user_id=uid, **row) for uid, row in activity.items()],
            batch_size=2000)
    return len(counts)


def _first_day(today: date) -> date:
    from essaim.posts.models import Post

    first = Post.objects.order_by("created_at").values_list("created_at", flat=True).first()
    if first is None:
        return today
    return max(first.astimezone(UTC).date(), today - timedelta(days=FIRST_DAYS))


def fill(*, now: datetime | None = None, rebuild: bool = False) -> dict:
    """Fill every day from the checkpoint to today; returns what was done."""
    today = (now or timezone.now()).astimezone(UTC).date()
    checkpoint, _created = FillCheckpoint.objects.get_or_create(name=CHECKPOINT)
    if rebuild or checkpoint.filled_through is None:
        start = _first_day(today)
    else:
        start = checkpoint.filled_through + timedelta(days=1)
    days = rows = 0
    day = start
    while day <= today:
        rows += fill_day(day)
        days += 1
        if day < today:  # a finished day is final: the next run starts after it
            FillCheckpoint.objects.filter(name=CHECKPOINT).update(
                filled_through=day, updated_at=timezone.now())
        day += timedelta(days=1)
    return {"days": days, "rows": rows, "from": start.isoformat(), "to": today.isoformat()}
