"""Small helpers for reading Mastodon responses in tests."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

LINK_RE = re.compile(r'<([^>]+)>; rel="(next|prev)"')


def links(response) -> dict[str, str]:
    """{"next": url, "prev": url} from a Link header, checking "next" comes first."""
    header = response.headers.get("Link", "")
    found = LINK_RE.findall(header)
    rels = [rel for _url, rel in found]
    assert rels in ([], ["next"], ["prev"], ["next", "prev"]), header
    return {rel: url for url, rel in found}


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def ids(response) -> list[str]:
    return [item["id"] for item in response.json()]
