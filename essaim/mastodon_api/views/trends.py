"""Trends for Mastodon apps' Explore tabs: tags, statuses and links, in Mastodon's shapes.

Company trends go to employees; external guests and anonymous clients get empty lists (a
Mastodon client has no way to ask for a community's trends).
"""

from __future__ import annotations

import calendar
from datetime import UTC, datetime, time

from essaim import visibility
from essaim.posts.models import Hashtag
from essaim.trends import queries
from essaim.trends.models import Kind
from essaim.trends.tasks import refresh_soon

from ..http import api, json_response
from ..serializers.common import tag_url
from ..serializers.statuses import statuses

MAX = 20


def _page(request, default: int = 10) -> tuple[int, int]:
    limit = request.params.int("limit", default) or default
    offset = max(0, request.params.int("offset", 0) or 0)
    return max(1, min(MAX, limit)), offset


def _history(item) -> list[dict]:
    return [{"day": str(calendar.timegm(datetime.combine(d["day"], time(),
                                                         tzinfo=UTC).timetuple())),
             "uses": str(d["uses"]), "accounts": str(d["accounts"])} for d in item.history]


def _trends(request, kind: str, default: int = 10):
    scope = visibility.company_trend_scope(request.viewer)
    if scope is None:
        return None, []
    refresh_soon()
    limit, offset = _page(request, default)
    return scope, queries.trends(request.viewer, scope, kind=kind, limit=limit, offset=offset,
                                 samples=False)


@api("read", auth="optional")
def tags(request):
    _scope, items = _trends(request, Kind.TAG)
    ids = dict(Hashtag.objects.filter(name__in=[t.key for t in items])
               .values_list("name", "id"))
    return json_response([{"id": str(ids.get(t.key, t.key)), "name": t.label,
                           "url": tag_url(request, t.key), "history": _history(t)}
                          for t in items])


@api("read", auth="optional")
def links(request):
    _scope, items = _trends(request, Kind.LINK)
    return json_response([{
        "url": f"https://{t.key}", "title": t.label, "description": "", "type": "link",
        "author_name": "", "author_url": "", "provider_name": t.label.split("/", 1)[0],
        "provider_url": "", "html": "", "width": 0, "height": 0, "image": None,
        "image_description": "", "embed_url": "", "blurhash": None, "published_at": None,
        "authors": [], "history": _history(t)} for t in items])


@api("read:statuses", auth="optional")
def trending_statuses(request):
    scope = visibility.company_trend_scope(request.viewer)
    if scope is None:
        return json_response([])
    refresh_soon()
    limit, offset = _page(request, 20)
    posts = queries.trending_posts(request.viewer, scope, limit=limit, offset=offset)
    return json_response(statuses(request.viewer, posts, request))
