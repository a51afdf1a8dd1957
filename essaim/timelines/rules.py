"""The small rules a home timeline is made of, written once for fan-out, rebuilds, the
broadcaster merge and follow backfills alike."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import TypeVar

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

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


# --- Who counts as here: fan-out skips the others (their timeline is rebuilt on return) ---

def recently_active() -> Q:
    """Accounts used in the last ``ESSAIM_ACTIVE_DAYS`` days (or created then, never used)."""
    since = timezone.now() - timedelta(days=settings.ESSAIM_ACTIVE_DAYS)
    return Q(last_active_at__gte=since) | Q(last_active_at__isnull=True, date_joined__gte=since)


def is_recently_active(user) -> bool:
    since = timezone.now() - timedelta(days=settings.ESSAIM_ACTIVE_DAYS)
    if user.last_active_at is None:
        return user.date_joined >= since
    return user.last_active_at >= since
