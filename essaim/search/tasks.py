"""Background indexing: objects are indexed after their transaction commits."""

from __future__ import annotations

from django.dispatch import Signal
from django_tasks import task

from essaim.core.jobs import enqueue_on_commit

# Sent after objects changed by people (not by a bulk reindex) are indexed, with ``kind`` and
# ``object_ids``: what builds on the index (watches) reacts to the new terms from here.
indexed = Signal()


@task()
def index_documents(kind: str, object_ids: list[int]) -> int:
    """Index (or drop) these objects. Idempotent: a retry changes nothing."""
    from .indexing import index_objects

    written = index_objects(kind, object_ids)
    indexed.send(sender=kind, kind=kind, object_ids=object_ids)
    return written


def index_soon(kind: str, *object_ids: int) -> None:
    if object_ids:
        enqueue_on_commit(index_documents, kind, [int(i) for i in object_ids])
