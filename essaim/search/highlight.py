"""Highlighting: the words of a text that a query matched, wrapped in ``<mark>`` (escaped)."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from essaim.text import LANGUAGES, stem, tokenize

from .query import ParsedQuery

EXCERPT = 240


def _matches(value: str, stems: set[str], prefixes: set[str]) -> bool:
    return any(stem(value, lang) in stems for lang in LANGUAGES) or any(
        value.startswith(p) for p in prefixes)


def highlight(text: str, parsed: ParsedQuery, *, limit: int | None = EXCERPT) -> SafeString:
    """``text`` escaped, the matching words marked; cut around the first match when longer
    than ``limit`` characters."""
    text = text or ""
    stems, prefixes = parsed.highlight_words()
    spans = []
    for token in tokenize(text):
        value = token.value
        if token.kind == "hashtag":
            value = value.split("_")[0]
        if token.kind in ("word", "hashtag") and _matches(value, stems, prefixes):
            spans.append((token.start, token.end))
    start, end = 0, len(text)
    if limit is not None and len(text) > limit:
        first = spans[0][0] if spans else 0
        start = max(0, min(first - limit // 4, len(text) - limit))
        end = start + limit
    out, cursor = [], start
    if start > 0:
        out.append("…")
    for a, b in spans:
        if a < start or b > end:
            continue
        out.append(escape(text[cursor:a]))
        out.append(f"<mark>{escape(text[a:b])}</mark>")
        cursor = b
    out.append(escape(text[cursor:end]))
    if end < len(text):
        out.append("…")
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped
