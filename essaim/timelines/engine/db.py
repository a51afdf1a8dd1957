"""The database timeline store: one row per entry, the embedded default."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max
from django.db.models.constants import OnConflict

from essaim.core.ids import snowflake
from essaim.core.pagination import MAX_ID, Cursor

from ..models import TimelineEntry, TimelineFloor
from .base import STALE_FLOOR, TimelineStore, bounds, complete_page

BATCH = 1000


def _held(owner_id: int, cursor: Cursor) -> list[int]:
    """The entries of the cursor's window above the owner's floor, newest first: the read of
    every home page, in SQL written once (building it with the ORM cost more than running it)."""
    entries, floors = TimelineEntry._meta.db_table, TimelineFloor._meta.db_table
    # Only table names from the models are formatted in; values are bound.
    sql = (f"SELECT post_id FROM {entries} WHERE owner_id = %s AND post_id > "  # noqa: S608
           f"COALESCE((SELECT exact_above FROM {floors} WHERE owner_id = %s), 0)")
    params: list[int] = [owner_id, owner_id]
    if cursor.max_id is not None:
        sql += " AND post_id < %s"
        params.append(max(-MAX_ID, min(cursor.max_id, MAX_ID)))
    for low in (cursor.since_id, cursor.min_id):
        if low is not None:
            sql += " AND post_id > %s"
            params.append(max(-MAX_ID, min(low, MAX_ID)))
    sql += f" ORDER BY post_id {'ASC' if cursor.min_id is not None else 'DESC'} LIMIT %s"
    params.append(cursor.limit)
    with connection.cursor() as db:
        db.execute(sql, params)
        rows = [row[0] for row in db.fetchall()]
    if cursor.min_id is not None:
        rows.reverse()
    return rows


class DatabaseTimelineStore(TimelineStore):
    def push(self, post_id: int, source_id: int, owner_ids: Iterable[int]) -> int:
        with transaction.atomic():
            return _insert([(o, post_id, source_id) for o in sorted(set(owner_ids))])

    def holders(self, owner_ids: Iterable[int], post_ids: Iterable[int]) -> set[int]:
        owners, posts = list(owner_ids), list(post_ids)
        found: set[int] = set()
        for start in range(0, len(owners), BATCH):
            found |= set(TimelineEntry.objects.filter(
                owner_id__in=owners[start:start + BATCH], post_id__in=posts)
                .values_list("owner_id", flat=True))
        return found

    def page(self, owner_id: int, cursor: Cursor) -> list[int]:
        window = bounds(cursor)
        if window is None:
            return []
        held = _held(owner_id, cursor)
        if len(held) >= cursor.limit and cursor.min_id is None:
            return held  # a full page from the top: what lies below the floor cannot change it
        return complete_page(owner_id, cursor, self._floor(owner_id), held)

    def entries(self, owner_id: int) -> list[tuple[int, int]]:
        return list(TimelineEntry.objects.filter(owner_id=owner_id).order_by("-post_id")
                    .values_list("post_id", "source_id"))

    def remove_posts(self, post_ids: Iterable[int]) -> None:
        TimelineEntry.objects.filter(post_id__in=list(post_ids)).delete()

    def remove_source(self, owner_id: int, source_id: int) -> None:
        TimelineEntry.objects.filter(owner_id=owner_id, source_id=source_id).delete()

    def trim(self, owner_id: int, keep: int) -> None:
        cutoff = list(TimelineEntry.objects.filter(owner_id=owner_id).order_by("-post_id")
                      .values_list("post_id", flat=True)[keep:keep + 1])
        if not cutoff:
            return
        with transaction.atomic():
            TimelineEntry.objects.filter(owner_id=owner_id, post_id__lte=cutoff[0]).delete()
            self._raise_floor(owner_id, cutoff[0])

    def rebuild(self, owner_id: int) -> int:
        from ..home import home_candidates_with_floor

        # Entries pushed while the rebuild reads (posts newer than this mark) are kept.
        mark = snowflake()
        entries, floor = home_candidates_with_floor(owner_id, settings.ESSAIM_TIMELINE_MAX)
        wanted = set(entries)
        with transaction.atomic():  # write only the difference: usually next to nothing
            held = set(TimelineEntry.objects.filter(owner_id=owner_id, post_id__lt=mark)
                       .values_list("post_id", "source_id"))
            stale = [p for p, _s in held - wanted]
            for start in range(0, len(stale), BATCH):
                TimelineEntry.objects.filter(owner_id=owner_id,
                                             post_id__in=stale[start:start + BATCH]).delete()
            _insert([(owner_id, p, s) for p, s in sorted(wanted - held)])
            if floor:
                TimelineFloor.objects.update_or_create(owner_id=owner_id,
                                                       defaults={"exact_above": floor})
            else:
                TimelineFloor.objects.filter(owner_id=owner_id).delete()
        return len(entries)

    def clear(self, owner_id: int) -> None:
        with transaction.atomic():
            TimelineEntry.objects.filter(owner_id=owner_id).delete()
            TimelineFloor.objects.filter(owner_id=owner_id).delete()

    def mark_stale(self, owner_id: int) -> None:
        TimelineFloor.objects.update_or_create(owner_id=owner_id,
                                               defaults={"exact_above": STALE_FLOOR})

    # --- floors ---

    def _floor(self, owner_id: int) -> int:
        row = TimelineFloor.objects.filter(owner_id=owner_id).aggregate(f=Max("exact_above"))
        return row["f"] or 0

    def _raise_floor(self, owner_id: int, floor: int) -> None:
        if floor > self._floor(owner_id):
            TimelineFloor.objects.update_or_create(owner_id=owner_id,
                                                   defaults={"exact_above": floor})


def _insert(rows: list[tuple[int, int, int]]) -> int:
    """Insert (owner, post, source) rows, skipping those present; returns how many were new.

    A prepared statement run over many rows: several times faster than building models.
    """
    if not rows:
        return 0
    ops = connection.ops
    insert = ops.insert_statement(on_conflict=OnConflict.IGNORE)
    table = ops.quote_name(TimelineEntry._meta.db_table)
    suffix = ops.on_conflict_suffix_sql([], OnConflict.IGNORE, None, None)
    sql = f"{insert} {table} (owner_id, post_id, source_id) VALUES (%s, %s, %s) {suffix}"
    added = 0
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start:start + BATCH])
            added += max(0, cursor.rowcount)
    return added
