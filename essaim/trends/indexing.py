"""Filling term uses and hourly buckets: one post after its commit, or many at once.

Both paths write the same rows and are idempotent (a term use is unique per post, scope and
term; a bucket is recounted from the term uses, never incremented), so a task run twice or a
refresh after an import changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Count, Max
from django.utils import timezone

from essaim.posts.models import Post

from .models import Bucket, TermUse, TrendSettings
from .terms import conversation_of, scope_of, terms_of

RETENTION_DAYS = 35  # four weeks of baseline, and the week being looked at
RECENT_DAYS = 8  # buckets recounted by each refresh (sparklines and trend scores)
BATCH = 500
MANY = 50  # from this many posts on, buckets are rebuilt by hour rather than by term


def hour_of(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def _uses(post) -> list[TermUse]:
    scope = scope_of(post)
    if scope is None:
        return []
    author = post.author
    common = {"post_id": post.id, "author_id": post.author_id, "scope": scope,
              "hour": hour_of(post.created_at), "created_at": post.created_at,
              "department_id": author.department_id, "organisation_id": author.organisation_id,
              "conversation_id": conversation_of(post)}
    return [TermUse(kind=t.kind, key=t.key, label=t.label, **common)
            for t in terms_of(post.text, post.language)]


def _posts(post_ids: Iterable[int]):
    return (Post.objects.filter(pk__in=list(post_ids), relay_of__isnull=True)
            .select_related("author")
            .only("id", "text", "language", "visibility", "community_id", "created_at",
                  "relay_of_id", "thread_root_id", "in_reply_to_id", "quote_of_id",
                  "author_id", "author__department_id", "author__organisation_id"))


def index_posts(post_ids: Iterable[int]) -> int:
    """Write the term uses of these posts and recount the buckets they touch."""
    ids = list(post_ids)
    written = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        uses = [use for post in _posts(chunk) for use in _uses(post)]
        if not uses:
            continue
        with transaction.atomic():
            old = list(TermUse.objects.filter(post_id__in=chunk).only(
                "scope", "hour", "kind", "key"))
            if old:  # an edit replaces its terms
                TermUse.objects.filter(post_id__in=chunk).delete()
            TermUse.objects.bulk_create(uses, batch_size=BATCH)
        written += len(uses)
        if len(chunk) >= MANY:
            hours = sorted({u.hour for u in uses})
            rebuild_buckets(hours[0], hours[-1] + timedelta(hours=1))
        else:
            recount(_touched(uses + old))
    return written


def _touched(uses: list[TermUse]) -> dict[tuple[str, datetime], set[tuple[str, str]]]:
    touched: dict[tuple[str, datetime], set[tuple[str, str]]] = defaultdict(set)
    for use in uses:
        touched[(use.scope, use.hour)].add((use.kind, use.key))
    return touched


def recount(touched: dict[tuple[str, datetime], set[tuple[str, str]]]) -> None:
    """Recount the buckets of some terms in some hours from their term uses."""
    for (scope, hour), terms in touched.items():
        keys = {key for _kind, key in terms}
        counts: dict[tuple[str, str], Any] = {(row["kind"], row["key"]): row for row in
                  TermUse.objects.filter(scope=scope, hour=hour, key__in=keys,
                                         author__is_active=True)
                  .values("kind", "key")
                  .annotate(people=Count("author_id", distinct=True), posts=Count("id"))}
        rows = [Bucket(scope=scope, kind=kind, key=key, hour=hour,
                       people=counts.get((kind, key), {}).get("people", 0),
                       posts=counts.get((kind, key), {}).get("posts", 0))
                for kind, key in terms]
        Bucket.objects.bulk_create(rows, update_conflicts=True,
                                   unique_fields=["scope", "kind", "key", "hour"],
                                   update_fields=["people", "posts"])


def rebuild_buckets(since: datetime, until: datetime | None = None) -> None:
    """Rebuild every bucket from ``since`` (to ``until``) from the term uses of active people:
    posts deleted since, and people deactivated since, stop counting."""
    bucket, use = Bucket._meta.db_table, TermUse._meta.db_table
    user = get_user_model()._meta.db_table
    quote = connection.ops.quote_name
    until = until or timezone.now() + timedelta(days=1)
    with transaction.atomic():
        Bucket.objects.filter(hour__gte=since, hour__lt=until).delete()
        key = quote("key")
        sql = (f"INSERT INTO {quote(bucket)} (scope, kind, {key}, hour, people, posts) "  # noqa: S608
               f"SELECT u.scope, u.kind, u.{key}, u.hour, COUNT(DISTINCT u.author_id), "
               f"COUNT(*) FROM {quote(use)} u JOIN {quote(user)} a ON a.id = u.author_id "
               f"WHERE a.is_active = %s AND u.hour >= %s AND u.hour < %s "
               f"GROUP BY u.scope, u.kind, u.{key}, u.hour")
        with connection.cursor() as cursor:  # names from the models, values bound
            cursor.execute(sql, [True, since, until])


def index_new_posts(*, since: datetime | None = None) -> int:
    """Index the posts past the fill checkpoint (posts the after-commit task missed)."""
    state = TrendSettings.current()
    since = since or timezone.now() - timedelta(days=RETENTION_DAYS)
    top = Post.objects.aggregate(top=Max("id"))["top"] or 0
    pending = (Post.objects.filter(id__gt=state.indexed_until, id__lte=top,
                                   created_at__gte=since, relay_of__isnull=True)
               .order_by("id").values_list("id", flat=True))
    count = 0
    ids = list(pending)
    for start in range(0, len(ids), BATCH):
        count += index_posts(ids[start:start + BATCH])
    TrendSettings.objects.update_or_create(pk=1, defaults={"indexed_until": max(
        top, state.indexed_until)})
    return count


def prune(now: datetime) -> None:
    cutoff = now - timedelta(days=RETENTION_DAYS)
    TermUse.objects.filter(hour__lt=cutoff).delete()
    Bucket.objects.filter(hour__lt=cutoff).delete()
