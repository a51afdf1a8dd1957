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


@task()
def extract_file_text(file_id: int) -> int:
    """Read the text of a community file's latest version (bounded in size and time), then
    index the file again with it. Idempotent: a version already read is not read again."""
    from .files import extract_latest

    return extract_latest(file_id)


def extract_soon(file_id: int) -> None:
    enqueue_on_commit(extract_file_text, int(file_id))
