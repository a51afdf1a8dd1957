"""Mastodon pagination: ``max_id``/``since_id``/``min_id`` cursors and ``Link`` headers.

``rel="next"`` (older entries) comes first and only when the page is full; ``rel="prev"``
(newer entries) follows whenever the page has entries. Links are absolute and keep the
request's other parameters (``limit``, ``types[]``…).
"""

from __future__ import annotations

from urllib.parse import urlencode

from essaim.core.pagination import Cursor

from .http import json_response

STATUSES_LIMIT = 40
ACCOUNTS_LIMIT = 80
CURSOR_KEYS = {"max_id", "since_id", "min_id", "offset", "access_token"}


def cursor(request, *, default: int = 20, maximum: int = STATUSES_LIMIT) -> Cursor:
    return Cursor.parse(request.params, default=default, maximum=maximum)


def link_header(request, next_max_id=None, prev_min_id=None) -> str | None:
    kept = [(k, v) for k, values in request.GET.lists() if k not in CURSOR_KEYS
            for v in values]
    base = request.build_absolute_uri(request.path)
    links = []
    if next_max_id is not None:
        links.append(f'<{base}?{urlencode([*kept, ("max_id", str(next_max_id))])}>; '
                     f'rel="next"')
    if prev_min_id is not None:
        links.append(f'<{base}?{urlencode([*kept, ("min_id", str(prev_min_id))])}>; '
                     f'rel="prev"')
    return ", ".join(links) or None


def paginated(request, data: list, *, cursor: Cursor, first_id=None, last_id=None):
    """A JSON list with its Link header; ``first_id``/``last_id`` are the page's cursor ends."""
    next_max_id = last_id if data and len(data) >= cursor.limit and last_id else None
    prev_min_id = first_id if data and first_id else None
    response = json_response(data)
    header = link_header(request, next_max_id, prev_min_id)
    if header:
        response["Link"] = header
    return response


def page_response(request, page, data: list):
    """For a ``timelines.queries.Page``: its own cursor ends decide the links."""
    response = json_response(data)
    next_max_id = page.next_max_id if page.next_max_id else None
    prev_min_id = page.prev_min_id if page.prev_min_id else None
    header = link_header(request, next_max_id, prev_min_id)
    if header:
        response["Link"] = header
    return response
