"""PostgreSQL full-text search: a ``tsvector`` column built in Python from the analysed terms
(names and titles weight A, text D, positions kept for phrases), a GIN index, ``tsquery``
built from the same terms, ranked by ``ts_rank_cd``."""

from __future__ import annotations

from django.db.models import QuerySet

from ..models import Document
from ..query import Clause
from .base import SearchEngine

MAX_POSITION = 16383


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def vector_literal(head: str, body: str) -> str:
    """A tsvector literal: each term with its positions (and weight A in the head)."""
    positions: dict[tuple[str, str], list[int]] = {}
    position = 0
    for weight, text in (("A", head), ("D", body)):
        for term in text.split():
            position = min(position + 1, MAX_POSITION)
            positions.setdefault((term, weight), []).append(position)
        position = min(position + 1, MAX_POSITION)  # no phrase across head and body
    parts = []
    for (term, weight), where in positions.items():
        marks = ",".join(f"{p}{'A' if weight == 'A' else ''}" for p in where[:256])
        parts.append(f"{_lexeme(term)}:{marks}")
    return " ".join(parts)


def _alternative(seq: tuple[str, ...], prefix: bool) -> str:
    terms = [_lexeme(t) for t in seq]
    if prefix:
        terms[-1] += ":*"
    return terms[0] if len(terms) == 1 else "(" + " <-> ".join(terms) + ")"


def clause_query(clause: Clause) -> str:
    return "(" + " | ".join(_alternative(s, p) for s, p in clause.alternatives()) + ")"


def tsquery(groups: list[list[Clause]]) -> str:
    return " & ".join("(" + " | ".join(clause_query(c) for c in g) + ")" for g in groups)


class PostgresEngine(SearchEngine):
    name = "postgres"
    vendor = "postgresql"

    def prepare(self, doc: Document) -> Document:
        doc.vector = vector_literal(doc.head, doc.body)
        return doc

    def recency_sql(self) -> str:
        return "(EXTRACT(EPOCH FROM (NOW() - search_document.created_at)) / 86400.0)"

    def matching(self, kind: str, groups: list[list[Clause]],
                 excluded: list[Clause]) -> QuerySet:
        qs = Document.objects.filter(kind=kind)
        if excluded:
            qs = qs.extra(where=["NOT (search_document.vector @@ %s::tsquery)"],
                          params=[" | ".join(clause_query(c) for c in excluded)])
        if not groups:
            return qs.extra(select={"relevance": "0.0", "score": "0.0"})
        query = tsquery(groups)
        relevance = "ts_rank_cd(search_document.vector, %s::tsquery)"
        return qs.extra(  # noqa: S610 - constant SQL, terms as parameters
            where=["search_document.vector @@ %s::tsquery"], params=[query],
            select={"relevance": relevance, "score": self._score_sql(kind, relevance)},
            select_params=[query, query])
