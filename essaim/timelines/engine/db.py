from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings

from essaim.core.pagination import Cursor, paginate_ids

from ..models import TimelineEntry
from .base import TimelineStore

BATCH = 1000


class DatabaseTimelineStore(TimelineStore):
    def push(self, post_id: int, source_id: int, owner_ids: Iterable[int]) -> int:
        rows = [TimelineEntry(owner_id=o, post_id=post_id, source_id=source_id)
                for o in set(owner_ids)]
        for start in range(0, len(rows), BATCH):
            TimelineEntry.objects.bulk_create(rows[start:start + BATCH], ignore_conflicts=True)
        return len(rows)

    def holders(self, owner_ids: Iterable[int], post_ids: Iterable[int]) -> set[int]:
        owners, posts = list(owner_ids), list(post_ids)
        found: set[int] = set()
        for start in range(0, len(owners), BATCH):
            found |= set(TimelineEntry.objects.filter(
                owner_id__in=owners[start:start + BATCH], post_id__in=posts)
                .values_list("owner_id", flat=True))
        return found

    def page(self, owner_id: int, cursor: Cursor) -> list[int]:
        qs = TimelineEntry.objects.filter(owner_id=owner_id).values_list("post_id", flat=True)
        return paginate_ids(qs, cursor, field="post_id")

    def remove_posts(self, post_ids: Iterable[int]) -> None:
        TimelineEntry.objects.filter(post_id__in=list(post_ids)).delete()

    def remove_source(self, owner_id: int, source_id: int) -> None:
        TimelineEntry.objects.filter(owner_id=owner_id, source_id=source_id).delete()

    def trim(self, owner_id: int, keep: int) -> None:
        cutoff = (TimelineEntry.objects.filter(owner_id=owner_id).order_by("-post_id")
                  .values_list("post_id", flat=True)[keep:keep + 1])
        cutoff_ids = list(cutoff)
        if cutoff_ids:
            TimelineEntry.objects.filter(owner_id=owner_id, post_id__lte=cutoff_ids[0]).delete()

    def rebuild(self, owner_id: int) -> int:
        from ..fanout import home_candidates

        self.clear(owner_id)
        limit = settings.ESSAIM_TIMELINE_MAX
        entries = home_candidates(owner_id, limit)
        TimelineEntry.objects.bulk_create(
            [TimelineEntry(owner_id=owner_id, post_id=p, source_id=s) for p, s in entries],
            ignore_conflicts=True, batch_size=BATCH)
        return len(entries)

    def clear(self, owner_id: int) -> None:
        TimelineEntry.objects.filter(owner_id=owner_id).delete()
