"""The timeline store interface: each person's home timeline as a list of post IDs."""

from __future__ import annotations

from collections.abc import Iterable

from essaim.core.pagination import Cursor


class TimelineStore:
    """Implementations: ``db.DatabaseTimelineStore`` (source of truth) and a Redis cache."""

    def push(self, post_id: int, source_id: int, owner_ids: Iterable[int]) -> int:
        """Insert one post into many timelines; idempotent. Returns how many were added."""
        raise NotImplementedError

    def holders(self, owner_ids: Iterable[int], post_ids: Iterable[int]) -> set[int]:
        """Which of ``owner_ids`` have any of ``post_ids`` in their timeline."""
        raise NotImplementedError

    def page(self, owner_id: int, cursor: Cursor) -> list[int]:
        """Post IDs of one timeline, newest first, honouring max_id/since_id/min_id."""
        raise NotImplementedError

    def remove_posts(self, post_ids: Iterable[int]) -> None:
        """Remove posts from every timeline (deletes, visibility changes)."""
        raise NotImplementedError

    def remove_source(self, owner_id: int, source_id: int) -> None:
        """Remove what ``source_id`` brought into one timeline (unfollow, block, mute)."""
        raise NotImplementedError

    def trim(self, owner_id: int, keep: int) -> None:
        raise NotImplementedError

    def rebuild(self, owner_id: int) -> int:
        """Rebuild one timeline from the posts it should hold. Returns its size."""
        raise NotImplementedError

    def clear(self, owner_id: int) -> None:
        raise NotImplementedError
