"""The timeline store interface: each person's home timeline as a list of post IDs.

A store holds the newest entries of each timeline (``settings.ESSAIM_TIMELINE_MAX`` after a
rebuild or a trim). Each timeline has a *floor*: the store is exact for the posts above it, and
anything at or below it is read from the database (``home.home_candidates_page``), so a page
deeper than the store is never empty or wrong. Floor 0 means the store holds everything.
"""

from __future__ import annotations

from collections.abc import Iterable

from essaim.core.pagination import MAX_ID, Cursor

# The floor of a timeline marked stale: every page is read from the database.
STALE_FLOOR = MAX_ID - 1


class TimelineStore:
    """Implementations: ``db.DatabaseTimelineStore`` (embedded default) and ``redis``'s cache."""

    def push(self, post_id: int, source_id: int, owner_ids: Iterable[int]) -> int:
        """Insert one post into many timelines; idempotent. Returns how many were added."""
        raise NotImplementedError

    def holders(self, owner_ids: Iterable[int], post_ids: Iterable[int]) -> set[int]:
        """Which of ``owner_ids`` have any of ``post_ids`` in their timeline."""
        raise NotImplementedError

    def page(self, owner_id: int, cursor: Cursor) -> list[int]:
        """Post IDs of one timeline, newest first, honouring max_id/since_id/min_id."""
        raise NotImplementedError

    def entries(self, owner_id: int) -> list[tuple[int, int]]:
        """Every (post ID, source ID) the store holds for one timeline, newest first."""
        raise NotImplementedError

    def remove_posts(self, post_ids: Iterable[int]) -> None:
        """Remove posts from every timeline (deletes, visibility changes)."""
        raise NotImplementedError

    def remove_source(self, owner_id: int, source_id: int) -> None:
        """Remove what ``source_id`` brought into one timeline (unfollow, block, mute)."""
        raise NotImplementedError

    def trim(self, owner_id: int, keep: int) -> None:
        """Keep the newest ``keep`` entries; older pages are then read from the database."""
        raise NotImplementedError

    def rebuild(self, owner_id: int) -> int:
        """Rebuild one timeline from the posts it should hold. Returns its size."""
        raise NotImplementedError

    def clear(self, owner_id: int) -> None:
        raise NotImplementedError

    def mark_stale(self, owner_id: int) -> None:
        """Stop trusting one timeline until its next rebuild: pages come from the database.

        For someone back after an absence (fan-out skipped them): one small write, the
        rebuild itself runs as a task. Pushes meanwhile may be kept or dropped; the rebuild
        settles them.
        """
        raise NotImplementedError


def bounds(cursor: Cursor) -> tuple[int, int | None] | None:
    """(exclusive lower, exclusive upper or None) IDs of a cursor; None when nothing can match."""
    low = cursor.min_id if cursor.min_id is not None else cursor.since_id
    low = max(0, low or 0)
    high = cursor.max_id
    if high is not None and high > MAX_ID:
        high = None
    if low >= MAX_ID or (high is not None and high <= low + 1):
        return None
    return low, high


def complete_page(owner_id: int, cursor: Cursor, floor: int, held: list[int]) -> list[int]:
    """Add what lies at or below ``floor`` (read from the database) to the entries ``held``.

    ``held`` are the store's entries of the cursor's window above the floor, newest first: the
    newest ones for max_id/since_id, the lowest ones for min_id.
    """
    window = bounds(cursor)
    if window is None or floor <= 0 or window[0] >= floor:
        return held
    from ..home import home_candidates_page

    low, high = window
    top = floor + 1 if high is None else min(high, floor + 1)
    if cursor.min_id is None:
        if len(held) >= cursor.limit:
            return held
        older = home_candidates_page(owner_id, Cursor(max_id=top, since_id=cursor.since_id,
                                                      limit=cursor.limit - len(held)))
        return held + older
    below = home_candidates_page(owner_id, Cursor(max_id=top, min_id=low, limit=cursor.limit))
    room = cursor.limit - len(below)
    if room <= 0:
        return below
    return held[max(0, len(held) - room):] + below
