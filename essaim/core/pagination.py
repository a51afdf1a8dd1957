"""Cursor pagination over time-ordered IDs: ``max_id``, ``since_id`` and ``min_id``.

* ``max_id``: entries strictly older than the cursor (the next page down).
* ``since_id``: the newest entries strictly newer than the cursor.
* ``min_id``: the entries right after the cursor (the page just above it), still newest first.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

MAX_ID = 2**63 - 1  # IDs are signed 64-bit; a larger cursor would overflow the database


@dataclass(frozen=True)
class Cursor:
    max_id: int | None = None
    since_id: int | None = None
    min_id: int | None = None
    limit: int = 20

    @classmethod
    def parse(cls, params, *, default: int = 20, maximum: int = 40) -> Cursor:
        def as_id(name: str) -> int | None:
            raw = params.get(name)
            if raw in (None, ""):
                return None
            try:
                value = int(raw)
            except (TypeError, ValueError):
                return None
            return min(value, MAX_ID) if value >= 0 else None

        try:
            limit = int(params.get("limit") or default)
        except (TypeError, ValueError):
            limit = default
        limit = max(1, min(limit, maximum))
        return cls(as_id("max_id"), as_id("since_id"), as_id("min_id"), limit)


def paginate_ids(qs: QuerySet, cursor: Cursor, field: str = "id") -> list:
    """Apply the cursor to ``qs``; returns a list, newest first."""
    rows = list(cursor_window(qs, cursor, field))
    if cursor.min_id is not None:
        rows.reverse()
    return rows


def cursor_window(qs: QuerySet, cursor: Cursor, field: str = "id") -> QuerySet:
    """``qs`` narrowed to the cursor's page, still a query (to combine with others): newest
    first, or oldest first with ``min_id`` (the page just above it)."""
    if cursor.max_id is not None:
        qs = qs.filter(**{f"{field}__lt": _bounded(cursor.max_id)})
    if cursor.since_id is not None:
        qs = qs.filter(**{f"{field}__gt": _bounded(cursor.since_id)})
    if cursor.min_id is not None:
        return qs.filter(**{f"{field}__gt": _bounded(cursor.min_id)}).order_by(field)[
            : cursor.limit]
    return qs.order_by(f"-{field}")[: cursor.limit]


def _bounded(value: int) -> int:
    return max(-MAX_ID, min(int(value), MAX_ID))
