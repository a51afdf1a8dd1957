"""Background indexing: objects are indexed after their transaction commits."""

from __future__ import annotations

from django_tasks import task

from essaim.core.jobs import enqueue_on_commit


@task()
def index_documents(kind: str, object_ids: list[int]) -> int:
    """Index (or drop) these objects. Idempotent: a retry changes nothing."""
    from .indexing import index_objects

    return index_objects(kind, object_ids)


def index_soon(kind: str, *object_ids: int) -> None:
    if object_ids:
        enqueue_on_commit(index_documents, kind, [int(i) for i in object_ids])
