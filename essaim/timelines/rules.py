"""The small rules a home timeline is made of, written once for fan-out, rebuilds, the
broadcaster merge and follow backfills alike."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db.models import Q

from essaim.core.pagination import Cursor
from essaim.graph.queries import following_ids

T = TypeVar("T")


def reply_rule(owner) -> Q:
    """Which posts of the people ``owner`` follows reach their home: not a reply, or a reply
    to ``owner``, to someone ``owner`` follows, or to the author themselves (a thread)."""
    return (Q(in_reply_to_account__isnull=True) | Q(in_reply_to_account_id=owner.id)
            | Q(in_reply_to_account_id__in=following_ids(owner)))


def first_appearances(items: list[T], key: Callable[[T], tuple[int, int | None]]) -> list[T]:
    """Drop each relay whose post already shows lower down (as itself or an earlier relay).

    ``items`` are newest first; ``key`` gives (post ID, relayed post ID or None) of an item.
    """
    seen: set[int] = set()
    kept = []
    for item in reversed(items):
        pid, original = key(item)
        if original is not None and original in seen:
            continue
        seen.add(original or pid)
        kept.append(item)
    kept.reverse()
    return kept


def window(ids: Iterable, cursor: Cursor) -> list:
    """The cursor's ``limit`` entries among ``ids`` (all inside its bounds), newest first."""
    if cursor.min_id is not None:
        return sorted(ids)[:cursor.limit][::-1]
    return sorted(ids, reverse=True)[:cursor.limit]


def merge_pages(cursor: Cursor, *pages: list[int]) -> list[int]:
    """One page out of several pages of the same cursor's window."""
    return window({i for page in pages for i in page}, cursor)
