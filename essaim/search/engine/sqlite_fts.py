"""SQLite FTS5: an external-content table over ``search_document`` (kept in step by
triggers on every insert, update and delete), ranked by BM25 (names and titles weigh 4,
text 1)."""

from __future__ import annotations

from django.db.models import QuerySet

from ..models import Document
from ..query import Clause
from .base import SearchEngine

HEAD_WEIGHT = 4.0
BODY_WEIGHT = 1.0


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _alternative(seq: tuple[str, ...], prefix: bool) -> str:
    if prefix:
        head = f"{_quote(' '.join(seq[:-1]))} + " if len(seq) > 1 else ""
        return f"{head}{_quote(seq[-1])}*"
    return _quote(" ".join(seq))


def clause_expression(clause: Clause) -> str:
    return "(" + " OR ".join(_alternative(seq, prefix)
                             for seq, prefix in clause.alternatives()) + ")"


def group_expression(group: list[Clause]) -> str:
    return "(" + " OR ".join(clause_expression(c) for c in group) + ")"


def match_expression(groups: list[list[Clause]]) -> str:
    return " AND ".join(group_expression(g) for g in groups)


class SqliteFtsEngine(SearchEngine):
    name = "sqlite"
    vendor = "sqlite"

    def recency_sql(self) -> str:
        return "(julianday('now') - julianday(search_document.created_at))"

    def matching(self, kind: str, groups: list[list[Clause]],
                 excluded: list[Clause]) -> QuerySet:
        if groups:  # the FTS match drives the query: the kind filter must not use its index
            qs = Document.objects.extra(where=["+search_document.kind = %s"], params=[kind])
        else:
            qs = Document.objects.filter(kind=kind)
        if excluded:
            qs = qs.extra(where=[
                "search_document.id NOT IN (SELECT rowid FROM search_document_fts "
                "WHERE search_document_fts MATCH %s)"],
                params=[match_expression([[c] for c in excluded]).replace(" AND ", " OR ")])
        if not groups:
            return qs.extra(select={"relevance": "0.0", "score": "0.0"})
        relevance = f"(-bm25(search_document_fts, {HEAD_WEIGHT}, {BODY_WEIGHT}))"
        return qs.extra(  # noqa: S610 - constant SQL, terms as parameters
            tables=["search_document_fts"],
            where=["search_document_fts.rowid = search_document.id",
                   "search_document_fts MATCH %s"],
            params=[match_expression(groups)],
            select={"relevance": relevance, "score": self._score_sql(kind, relevance)})
