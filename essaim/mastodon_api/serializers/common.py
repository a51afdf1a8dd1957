"""Formats shared by every Mastodon entity: datetimes, dates, absolute URLs, visibility."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from django.templatetags.static import static

from essaim.core.paths import path_with
from essaim.posts.models import Visibility

# Essaim's visibility as Mastodon clients know it, and back. "company" is shown as
# "unlisted" (visible to every signed-in employee, in no anonymous view).
TO_MASTODON = {Visibility.PUBLIC: "public", Visibility.COMPANY: "unlisted",
               Visibility.FOLLOWERS: "private", Visibility.DIRECT: "direct",
               # A community post reaches its members only: the closest Mastodon audience.
               Visibility.COMMUNITY: "private"}
FROM_MASTODON = {"public": Visibility.PUBLIC, "unlisted": Visibility.COMPANY,
                 "private": Visibility.FOLLOWERS, "direct": Visibility.DIRECT,
                 # Essaim's own names are accepted too.
                 "company": Visibility.COMPANY, "followers": Visibility.FOLLOWERS}


def iso(value: datetime | None) -> str | None:
    """``YYYY-MM-DDTHH:MM:SS.mmmZ``, as every Mastodon client parses it."""
    if value is None:
        return None
    value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def day(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%d") if value else None


def base_url(request) -> str:
    """``scheme://host`` of the request (worked out once per request: a page asks it often)."""
    base = getattr(request, "_essaim_base_url", None)
    if base is None:
        base = request.build_absolute_uri("/").rstrip("/")
        request._essaim_base_url = base
    return base


def absolute(request, path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    if path.startswith("/") and not path.startswith("//"):
        return base_url(request) + path
    return request.build_absolute_uri(path)


def profile_url(request, username: str) -> str:
    return base_url(request) + path_with("web:profile", username)


def post_url(request, post_id: int) -> str:
    return base_url(request) + path_with("web:thread", int(post_id))


def tag_url(request, name: str) -> str:
    return base_url(request) + path_with("web:hashtag", name.lower())


def static_url(request, path: str) -> str:
    return absolute(request, static(path))


_HREF_RE = re.compile(r'href="/(?!/)')


def absolute_html(request, html: str) -> str:
    """Post HTML with absolute links, and the classes clients use to spot mentions and tags."""
    html = _HREF_RE.sub(f'href="{base_url(request)}/', html)
    html = html.replace('class="hashtag"', 'class="mention hashtag"')
    return html.replace('class="mention"', 'class="u-url mention"')
