"""Mastodon's filter entities: Filter, FilterKeyword, FilterStatus and FilterResult."""

from __future__ import annotations

from .common import iso


def keyword_entity(keyword) -> dict:
    return {"id": str(keyword.id), "keyword": keyword.keyword,
            "whole_word": keyword.whole_word}


def status_entity(row) -> dict:
    return {"id": str(row.id), "status_id": str(row.post_id)}


def filter_entity(f, *, full: bool = True) -> dict:
    data = {"id": str(f.id), "title": f.title, "context": list(f.context),
            "expires_at": iso(f.expires_at), "filter_action": f.action}
    if full:
        data["keywords"] = [keyword_entity(k) for k in f.keywords.all()]
        data["statuses"] = [status_entity(s) for s in f.statuses.all()]
    return data


def result_entity(result) -> dict:
    """A FilterResult on a status: the filter (without its keywords and statuses, as
    Mastodon sends it), the keywords that matched and the filtered statuses."""
    return {"filter": filter_entity(result.filter, full=False) | {"keywords": [],
                                                                    "statuses": []},
            "keyword_matches": result.keyword_matches or None,
            "status_matches": result.status_matches or None}
