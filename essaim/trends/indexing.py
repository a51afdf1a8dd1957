"""Filling term uses and hourly buckets: one post after its commit, or many at once.

Both paths write the same rows and are idempotent (a term use is unique per post, scope and
term; a bucket is recounted from the term uses, never incremented), so a task run twice or a
refresh after an import changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Max
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


class Use(NamedTuple):
    post_id: int
    author_id: int
    scope: str
    kind: str
    key: str
    label: str
    hour: datetime
    created_at: datetime
    department_id: int | None
    organisation_id: int | None
    conversation_id: int


class _Post(NamedTuple):
    id: int
    text: str
    language: str
    visibility: str
    community_id: int | None
    created_at: datetime
    relay_of_id: int | None
    thread_root_id: int | None
    in_reply_to_id: int | None
    quote_of_id: int | None
    author_id: int
    department_id: int | None
    organisation_id: int | None


def _uses(post: _Post) -> list[Use]:
    scope = scope_of(post)
    if scope is None:
        return []
    hour, conversation = hour_of(post.created_at), conversation_of(post)
    return [Use(post.id, post.author_id, scope, t.kind, t.key, t.label, hour, post.created_at,
                post.department_id, post.organisation_id, conversation)
            for t in terms_of(post.text, post.language)]


def _aware(value) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _posts(post_ids: Iterable[int]) -> list[_Post]:
    """The posts to index (relays left out) with their authors' department and organisation,
    in one plain query (the ORM's compilation would cost more than the query itself)."""
    ids = list(post_ids)
    if not ids:
        return []
    quote = connection.ops.quote_name
    post, user = quote(Post._meta.db_table), quote(get_user_model()._meta.db_table)
    marks = ", ".join(["%s"] * len(ids))
    sql = (f"SELECT p.id, p.text, p.{quote('language')}, p.visibility, p.community_id, "  # noqa: S608
           f"p.created_at, p.relay_of_id, p.thread_root_id, p.in_reply_to_id, p.quote_of_id, "
           f"p.author_id, a.department_id, a.organisation_id FROM {post} p "
           f"JOIN {user} a ON a.id = p.author_id "
           f"WHERE p.id IN ({marks}) AND p.relay_of_id IS NULL")
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        rows = cursor.fetchall()
    return [_Post._make((*row[:5], _aware(row[5]), *row[6:])) for row in rows]


_COLUMNS = ("post_id", "author_id", "scope", "kind", "key", "label", "hour", "created_at",
            "department_id", "organisation_id", "conversation_id")


def _moment(value: datetime):
    return connection.ops.adapt_datetimefield_value(value)


def _insert_uses(uses: list[Use]) -> None:
    """A prepared ``executemany``: several times faster than ``bulk_create`` per post."""
    quote = connection.ops.quote_name
    sql = (f"INSERT INTO {quote(TermUse._meta.db_table)} "  # noqa: S608
           f"({', '.join(quote(c) for c in _COLUMNS)}) "
           f"VALUES ({', '.join(['%s'] * len(_COLUMNS))})")
    rows = [(u.post_id, u.author_id, u.scope, u.kind, u.key, u.label, _moment(u.hour),
             _moment(u.created_at), u.department_id, u.organisation_id, u.conversation_id)
            for u in uses]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def index_posts(post_ids: Iterable[int], *, fresh: bool = False) -> int:
    """Write the term uses of these posts and recount the buckets they touch (``fresh``:
    posts just created, which cannot have term uses yet)."""
    ids = list(post_ids)
    written = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        posts = list(_posts(chunk))
        hours = {p.id: hour_of(p.created_at) for p in posts}
        uses = [use for post in posts for use in _uses(post)]
        with transaction.atomic():
            old = set() if fresh else _old_uses(chunk)
            if old:  # an edit replaces its terms
                TermUse.objects.filter(post_id__in=chunk).delete()
            if uses:
                _insert_uses(uses)
            written += len(uses)
            touched = {(u.scope, u.hour, u.kind, u.key) for u in uses} | {
                (scope, hours[post], kind, key) for scope, post, kind, key in old
                if post in hours}
            if len(chunk) >= MANY and touched:
                span = sorted({t[1] for t in touched})
                rebuild_buckets(span[0], span[-1] + timedelta(hours=1))
            elif touched:
                recount(touched, zero_first=bool(old))
    return written


def _old_uses(post_ids: list[int]) -> set[tuple[str, int, str, str]]:
    """(scope, post, kind, key) of the term uses these posts already have (an edit)."""
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(post_ids))
    sql = (f"SELECT scope, post_id, kind, {quote('key')} FROM "  # noqa: S608
           f"{quote(TermUse._meta.db_table)} WHERE post_id IN ({marks})")
    with connection.cursor() as cursor:
        cursor.execute(sql, post_ids)
        return set(cursor.fetchall())


def recount(touched: set[tuple[str, datetime, str, str]], *, zero_first: bool = True) -> None:
    """Recount the buckets of some (scope, hour, kind, key) from their term uses, in one
    upsert per scope and hour (a bucket left with nobody keeps a row at zero)."""
    groups: dict[tuple[str, datetime], set[tuple[str, str]]] = defaultdict(set)
    for scope, hour, kind, key in touched:
        groups[(scope, hour)].add((kind, key))
    quote = connection.ops.quote_name
    bucket, use = quote(Bucket._meta.db_table), quote(TermUse._meta.db_table)
    user = quote(get_user_model()._meta.db_table)
    k = quote("key")
    for (scope, hour), terms in groups.items():
        if zero_first:  # terms an edit took away keep a bucket, at zero
            Bucket.objects.filter(scope=scope, hour=hour, key__in={t[1] for t in terms}) \
                .update(people=0, posts=0)
        keys = sorted({t[1] for t in terms})
        marks = ", ".join(["%s"] * len(keys))
        sql = (f"INSERT INTO {bucket} (scope, kind, {k}, hour, people, posts) "  # noqa: S608
               f"SELECT u.scope, u.kind, u.{k}, u.hour, COUNT(DISTINCT u.author_id), COUNT(*) "
               f"FROM {use} u JOIN {user} a ON a.id = u.author_id "
               f"WHERE a.is_active = %s AND u.scope = %s AND u.hour = %s AND u.{k} IN ({marks}) "
               f"GROUP BY u.scope, u.kind, u.{k}, u.hour "
               f"ON CONFLICT (scope, kind, {k}, hour) DO UPDATE SET people = excluded.people, "
               f"posts = excluded.posts")
        with connection.cursor() as cursor:
            cursor.execute(sql, [True, scope, _moment(hour), *keys])


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
            cursor.execute(sql, [True, _moment(since), _moment(until)])


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
