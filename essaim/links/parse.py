"""Read what a page says about itself: OpenGraph, Twitter cards, then plain HTML.

The standard library's ``html.parser`` is enough here: it is tolerant of broken markup, decodes
entities, never fetches or runs anything, and reading stops at ``<body>`` (everything a preview
needs is in the head), so a large page costs little.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from essaim.core.text import CONTROL

from .models import URL_MAX

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
SPACES = re.compile(r"\s+")

TITLE_KEYS = ("og:title", "twitter:title")
DESCRIPTION_KEYS = ("og:description", "twitter:description", "description")
IMAGE_KEYS = ("og:image:secure_url", "og:image", "og:image:url", "twitter:image",
              "twitter:image:src")


@dataclass
class Preview:
    title: str = ""
    description: str = ""
    image_url: str = ""
    site_name: str = ""
    site_url: str = ""
    author_name: str = ""
    author_url: str = ""


class _Stop(Exception):
    pass


class _HeadReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            raise _Stop
        if tag == "title" and not self.title:
            self._in_title = True
        elif tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            key = (values.get("property") or values.get("name") or "").strip().lower()
            if key and "content" in values:
                self.meta.setdefault(key, values["content"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "head":
            raise _Stop

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def decode(body: bytes, charset: str) -> str:
    """The page's text, in the charset its headers or its first ``<meta>`` name (else UTF-8)."""
    if not charset:
        found = META_CHARSET.search(body[:4096])
        charset = found.group(1).decode("ascii") if found else "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"
    return body.decode(charset, errors="replace")


def clean(value: str, limit: int) -> str:
    """One line of plain text, no control characters, at most ``limit`` characters."""
    value = SPACES.sub(" ", CONTROL.sub(" ", value)).strip()
    return value if len(value) <= limit else value[:limit - 1].rstrip() + "…"


def web_address(value: str, base: str) -> str:
    """``value`` made absolute against ``base`` if it is an http(s) address, else ""."""
    value = CONTROL.sub("", value.strip())
    if not value:
        return ""
    absolute = urljoin(base, value)
    if urlsplit(absolute).scheme not in ("http", "https") or len(absolute) > URL_MAX:
        return ""
    return absolute


def read_preview(html: str, url: str) -> Preview:
    """The preview of the page ``html`` fetched from ``url`` (after redirects)."""
    reader = _HeadReader()
    try:
        reader.feed(html)
        reader.close()
    except _Stop:
        pass
    meta = reader.meta

    def first(keys) -> str:
        return next((meta[k] for k in keys if meta.get(k, "").strip()), "")

    parts = urlsplit(url)
    author = meta.get("author", "") or meta.get("article:author", "")
    author_url = web_address(author, url) if author.startswith(("http://", "https://")) else ""
    return Preview(
        title=clean(first(TITLE_KEYS) or reader.title, 200),
        description=clean(first(DESCRIPTION_KEYS), 500),
        image_url=web_address(first(IMAGE_KEYS), url),
        site_name=clean(meta.get("og:site_name", "") or parts.hostname or "", 100),
        site_url=f"{parts.scheme}://{parts.netloc}/",
        author_name="" if author_url else clean(author, 100),
        author_url=author_url,
    )
