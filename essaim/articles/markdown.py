"""Markdown to safe HTML: CommonMark (markdown-it-py) then an allow-list sanitiser (nh3).

Raw HTML in the source is not interpreted (it is shown as text); links get
``rel="nofollow noopener noreferrer"``; images keep only http(s) or same-site addresses.
"""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_md.enable(["table", "strikethrough"])

TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "strong", "em", "del", "s",
        "code", "pre", "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody",
        "tr", "th", "td"}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"},
              "th": set(), "td": set()}
SCHEMES = {"http", "https", "mailto"}


def render(body: str) -> str:
    html = _md.render(body)
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES,
                     link_rel="nofollow noopener noreferrer")


def plain_text(html: str) -> str:
    """The text of rendered HTML on one line (for summaries and unfurl descriptions)."""
    text = nh3.clean(html, tags=set())
    text = re.sub(r"\s+", " ", text).strip()
    return (text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&quot;", '"').replace("&#39;", "'"))


def summary(html: str, limit: int = 280) -> str:
    text = plain_text(html)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
