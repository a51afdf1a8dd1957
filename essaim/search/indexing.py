"""Keeping the index in step: some objects after their commit, or everything at once."""

from __future__ import annotations

import time
from collections.abc import Iterable

from django.db import transaction

from .documents import SOURCES, build
from .engine import search_engine
from .models import Document, Kind

BATCH = 1000


def index_objects(kind: str, object_ids: Iterable[int]) -> int:
    """Index these objects again (or drop them from the index when they are gone, or are
    relays). Idempotent. Returns how many documents were written."""
    if kind not in SOURCES:
        raise ValueError(f"unknown kind of document: {kind}")
    ids = sorted({int(i) for i in object_ids})
    engine = search_engine()
    written = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        docs = build(kind, chunk)
        with transaction.atomic():
            engine.write(docs)
            kept = {d.object_id for d in docs}
            engine.delete(kind, [i for i in chunk if i not in kept])
        written += len(docs)
    return written


def reindex(*, everything: bool = False, kinds: Iterable[str] = tuple(Kind.values),
            progress=None) -> dict[str, int]:
    """Index what is missing (or, with ``everything``, rebuild the whole index); documents
    of objects that are gone are removed. Returns documents written per kind and the rate."""
    engine = search_engine()
    report: dict[str, int] = {}
    started = time.perf_counter()
    total = 0
    for kind in kinds:
        source = SOURCES[kind]
        if everything:
            engine.clear(kind)
            wanted = list(source.all_ids())
        else:
            present = set(Document.objects.filter(kind=kind).values_list("object_id", flat=True))
            existing = set(source.all_ids())
            engine.delete(kind, present - existing)
            wanted = sorted(existing - present)
        written = 0
        for start in range(0, len(wanted), BATCH):
            written += index_objects(kind, wanted[start:start + BATCH])
            if progress is not None:
                progress(kind, written, len(wanted))
        report[kind] = written
        total += written
    seconds = time.perf_counter() - started
    report["seconds_ms"] = int(seconds * 1000)
    report["per_second"] = int(total / seconds) if seconds > 0 and total else 0
    return report
