"""Keyword filters, Mastodon's v2 API (``/api/v2/filters``, their keywords and statuses), and
the v1 list apps still read (one v1 filter per keyword)."""

from __future__ import annotations

from essaim.filters import actions
from essaim.filters.models import Action
from essaim.filters.queries import filters_of

from ..http import api, json_response
from ..serializers.common import iso
from ..serializers.filters import filter_entity, keyword_entity, status_entity


def _one(request, filter_id) -> dict:
    found = next((f for f in filters_of(request.viewer) if f.id == int(filter_id)), None)
    return filter_entity(found) if found else {}


def _keywords(params) -> list[dict]:
    raw = params.raw("keywords_attributes")
    items = raw if isinstance(raw, list) else list(raw.values()) if isinstance(raw, dict) \
        else []
    return [item for item in items if isinstance(item, dict)]


def _expires_in(params):
    return params.get("expires_in") if "expires_in" in params else ...


@api("read:filters")
def index(request):
    return json_response([filter_entity(f) for f in filters_of(request.viewer)])


@api("write:filters")
def create(request):
    p = request.params
    created = actions.do_create_filter(
        request.viewer, title=p.str("title"), context=p.getlist("context"),
        action=p.str("filter_action"), expires_in=p.get("expires_in"),
        keywords=[(k.get("keyword"), str(k.get("whole_word", True)).lower()
                   not in ("false", "0", "")) for k in _keywords(p)
                  if str(k.get("_destroy", "")).lower() not in ("1", "true")])
    return json_response(_one(request, created.id))


@api("read:filters")
def get(request, filter_id):
    return json_response(_one(request, actions.access_filter(request.viewer, filter_id).id))


@api("write:filters")
def update(request, filter_id):
    p = request.params
    context = p.getlist("context") if "context" in p else None
    updated = actions.do_update_filter(
        request.viewer, filter_id, title=p.str("title"), context=context,
        action=p.str("filter_action"), expires_in=_expires_in(p), keywords=_keywords(p))
    return json_response(_one(request, updated.id))


@api("write:filters")
def delete(request, filter_id):
    actions.do_delete_filter(request.viewer, filter_id)
    return json_response({})


@api("read:filters")
def keywords(request, filter_id):
    found = actions.access_filter(request.viewer, filter_id)
    return json_response([keyword_entity(k) for k in found.keywords.order_by("id")])


@api("write:filters")
def add_keyword(request, filter_id):
    p = request.params
    keyword = actions.do_add_keyword(request.viewer, filter_id, p.str("keyword"),
                                     p.bool("whole_word", False))
    return json_response(keyword_entity(keyword))


@api("read:filters")
def get_keyword(request, keyword_id):
    return json_response(keyword_entity(actions.access_keyword(request.viewer, keyword_id)))


@api("write:filters")
def update_keyword(request, keyword_id):
    p = request.params
    keyword = actions.do_update_keyword(request.viewer, keyword_id, p.str("keyword"),
                                        p.bool_or_none("whole_word"))
    return json_response(keyword_entity(keyword))


@api("write:filters")
def delete_keyword(request, keyword_id):
    actions.do_delete_keyword(request.viewer, keyword_id)
    return json_response({})


@api("read:filters")
def statuses(request, filter_id):
    found = actions.access_filter(request.viewer, filter_id)
    return json_response([status_entity(s) for s in found.statuses.order_by("id")])


@api("write:filters")
def add_status(request, filter_id):
    row = actions.do_add_filter_status(request.viewer, filter_id,
                                       request.params.str("status_id"))
    return json_response(status_entity(row))


@api("read:filters")
def get_status(request, status_id):
    return json_response(status_entity(actions.access_filter_status(request.viewer,
                                                                    status_id)))


@api("write:filters")
def delete_status(request, status_id):
    actions.do_delete_filter_status(request.viewer, status_id)
    return json_response({})


@api("read:filters")
def v1_index(request):
    """Mastodon's v1 filters: one per keyword (``irreversible`` for the hiding ones)."""
    out = []
    for f in filters_of(request.viewer):
        for k in f.keywords.all():
            out.append({"id": str(k.id), "phrase": k.keyword, "context": list(f.context),
                        "whole_word": k.whole_word, "expires_at": iso(f.expires_at),
                        "irreversible": f.action == Action.HIDE})
    return json_response(out)


