"""The interface every search engine implements, and what they share.

An engine stores :class:`~essaim.search.models.Document` rows (terms analysed in Python by
:mod:`essaim.text`, so that every engine indexes the very same terms) and answers
:meth:`SearchEngine.matching`: the documents of one kind matching a parsed query, annotated
with ``relevance`` (the engine's text score, higher is better) and ``score`` (relevance blended
with recency, see docs/search.md). Visibility is never the engine's business: callers narrow
the documents to objects the viewer may see through the visibility policy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db.models import QuerySet

from ..models import Document, Kind
from ..query import Clause

RECENCY_DAYS = 30.0  # a post this many days old keeps half of its recency bonus
DATED_KINDS = (Kind.POST, Kind.FILE, Kind.IDEA, Kind.LINK)
UPDATE_FIELDS = ["head", "body", "language", "created_at", "indexed_at", "vector"]


class SearchEngine:
    """Base class: writes through the ORM; subclasses say how text is matched and ranked."""

    name = "base"
    vendor = ""

    # --- writing -------------------------------------------------------------------------
    def prepare(self, doc: Document) -> Document:
        """Fill engine-specific columns of a document before it is written."""
        return doc

    def write(self, docs: Sequence[Document]) -> None:
        """Insert or replace documents (by kind and object)."""
        if not docs:
            return
        Document.objects.bulk_create([self.prepare(d) for d in docs], batch_size=500,
                                     update_conflicts=True,
                                     unique_fields=["kind", "object_id"],
                                     update_fields=UPDATE_FIELDS)

    def delete(self, kind: str, object_ids: Iterable[int]) -> int:
        ids = list(object_ids)
        if not ids:
            return 0
        deleted, _rows = Document.objects.filter(kind=kind, object_id__in=ids).delete()
        return deleted

    def clear(self, kind: str | None = None) -> None:
        qs = Document.objects.all() if kind is None else Document.objects.filter(kind=kind)
        qs.delete()

    # --- reading -------------------------------------------------------------------------
    def matching(self, kind: str, groups: list[list[Clause]],
                 excluded: list[Clause]) -> QuerySet:
        """Documents of ``kind`` matching every group (any clause of a group) and no excluded
        clause, annotated with ``relevance`` and ``score``. Without groups, all documents of
        the kind but the excluded ones (relevance 0; filters narrow them down)."""
        raise NotImplementedError

    def recency_sql(self) -> str:
        """SQL for the age of ``search_document.created_at`` in days."""
        raise NotImplementedError

    def _score_sql(self, kind: str, relevance: str) -> str:
        if kind not in DATED_KINDS:
            return relevance
        age = self.recency_sql()
        return f"(({relevance}) * (1.0 + 1.0 / (1.0 + MAX({age}, 0.0) / {RECENCY_DAYS})))" \
            if self.vendor == "sqlite" else \
            f"(({relevance}) * (1.0 + 1.0 / (1.0 + GREATEST({age}, 0.0) / {RECENCY_DAYS})))"
