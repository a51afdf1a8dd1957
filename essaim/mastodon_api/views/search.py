"""``GET /api/v2/search``: accounts, hashtags and statuses (always all three arrays)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.db.models import Q

from essaim import visibility as policy
from essaim.core.errors import NotFound
from essaim.posts.models import Hashtag
from essaim.search import queries as search_queries

from ..http import api, json_response
from ..serializers.accounts import accounts as account_entities
from ..serializers.misc import tag
from ..serializers.statuses import statuses
from .accounts import search_accounts

LIMIT = 40
POST_PATH = re.compile(r"^/posts/(\d+)/?$")
PROFILE_PATH = re.compile(r"^/@([^/]+)/?$")


def _resolve_url(request, q: str) -> dict | None:
    """A link to one of our own posts or profiles, as the single result it points to."""
    parts = urlsplit(q)
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != request.get_host().lower():
        return None
    result = {"accounts": [], "hashtags": [], "statuses": []}
    viewer = request.viewer
    if match := POST_PATH.match(parts.path):
        try:
            post = policy.access_post(viewer, int(match.group(1)))
        except NotFound:
            return result
        result["statuses"] = statuses(viewer, [post], request)
    elif match := PROFILE_PATH.match(parts.path):
        try:
            account = policy.access_account(viewer, match.group(1))
        except NotFound:
            return result
        result["accounts"] = account_entities(viewer, [account], request)
    return result


def _hashtags(viewer, q: str, limit: int, offset: int):
    name = q.lstrip("#").strip()
    if not name:
        return Hashtag.objects.none()
    qs = policy.known_hashtags(viewer, Hashtag.objects.filter(name__istartswith=name.lower()))
    return qs.order_by("name")[offset:offset + limit]


def _statuses(viewer, q: str, p, offset: int, limit: int) -> list:
    """Posts found by the search engine, narrowed by ``account_id`` and ``max_id``/``min_id``."""
    restrict = Q(relay_of__isnull=True)
    if p.get("account_id"):
        restrict &= Q(author_id=p.int("account_id"))
    if p.get("max_id"):
        restrict &= Q(id__lt=p.int("max_id"))
    if p.get("min_id"):
        restrict &= Q(id__gt=p.int("min_id"))
    return search_queries.search(viewer, q, "posts", offset=offset, limit=limit,
                                 restrict=restrict).items


@api("read:search")
def search(request):
    p, viewer = request.params, request.viewer
    q = (p.str("q") or "").strip()
    wanted = p.str("type")
    limit = max(1, min(p.int("limit", 20) or 20, LIMIT))
    offset = max(0, p.int("offset", 0) or 0)
    result = {"accounts": [], "hashtags": [], "statuses": []}
    if not q:
        return json_response(result)
    resolved = _resolve_url(request, q)
    if resolved is not None:
        return json_response(resolved)
    if wanted in (None, "", "accounts"):
        people = search_accounts(viewer, q, following=p.bool("following"), offset=offset,
                                 limit=limit)
        result["accounts"] = account_entities(viewer, people, request)
    if wanted in (None, "", "hashtags"):
        result["hashtags"] = [tag(request, t) for t in _hashtags(viewer, q, limit, offset)]
    if wanted in (None, "", "statuses") and not q.startswith("@"):
        result["statuses"] = statuses(viewer, _statuses(viewer, q, p, offset, limit), request)
    return json_response(result)

