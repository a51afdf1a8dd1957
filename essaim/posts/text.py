"""Post text: find hashtags, mentions and links; render them as safe HTML.

Users never write HTML: the text is escaped and only the links we make are added, then the
result is passed through a sanitiser as a second line of defence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import nh3
from django.urls import reverse
from django.utils.html import escape

HASHTAG_RE = r"(?<![\w&/])#(?P<tag>\w{1,100})"
MENTION_RE = r"(?<![\w/@])@(?P<user>[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,148}[A-Za-z0-9_])?)"
URL_RE = r"(?P<url>https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]])"
TOKEN_RE = re.compile(f"{URL_RE}|{HASHTAG_RE}|{MENTION_RE}", re.UNICODE)

ALLOWED_TAGS = {"p", "br", "a", "span"}
ALLOWED_ATTRS = {"a": {"href", "class", "title"}, "span": {"class"}}


@dataclass
class ParsedText:
    hashtags: list[str] = field(default_factory=list)  # as written, first occurrence order
    mentions: list[str] = field(default_factory=list)  # usernames, lower-case
    links: list[str] = field(default_factory=list)


def parse(text: str) -> ParsedText:
    out = ParsedText()
    seen_tags: set[str] = set()
    for match in TOKEN_RE.finditer(text):
        if match.group("url"):
            out.links.append(match.group("url"))
        elif match.group("tag"):
            tag = match.group("tag")
            if tag.lower() not in seen_tags and not tag.isdigit():
                seen_tags.add(tag.lower())
                out.hashtags.append(tag)
        elif match.group("user"):
            name = match.group("user").lower()
            if name not in out.mentions:
                out.mentions.append(name)
    return out


def render(text: str, known_usernames: set[str] | None = None) -> str:
    """HTML for ``text``: paragraphs, line breaks, and links for tags, known mentions and URLs."""
    known = known_usernames or set()

    def link(match: re.Match) -> str:
        if match.group("url"):
            url = match.group("url")
            shown = url.split("://", 1)[1]
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            return (f'<a href="{escape(url)}" rel="nofollow noopener noreferrer" '
                    f'class="link" title="{escape(url)}">{escape(shown)}</a>')
        if match.group("tag"):
            tag = match.group("tag")
            if tag.isdigit():
                return escape(match.group(0))
            href = reverse("web:hashtag", args=[tag.lower()])
            return f'<a href="{href}" class="hashtag">#{escape(tag)}</a>'
        name = match.group("user")
        if name.lower() not in known:
            return escape(match.group(0))
        href = reverse("web:profile", args=[name.lower()])
        return f'<a href="{href}" class="mention">@{escape(name)}</a>'

    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        parts: list[str] = []
        pos = 0
        for match in TOKEN_RE.finditer(block):
            parts.append(escape(block[pos:match.start()]))
            parts.append(link(match))
            pos = match.end()
        parts.append(escape(block[pos:]))
        paragraphs.append("<p>" + "".join(parts).replace("\n", "<br>") + "</p>")
    html = "".join(paragraphs)
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRS,
                     link_rel="nofollow noopener noreferrer", url_schemes={"http", "https"})
