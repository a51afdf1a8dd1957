"""What a post contributes to trends: its hashtags, links and 1–3 word phrases, per scope.

Words come from the shared analysis (:mod:`essaim.text`): a phrase's key is its stems, so
inflections count together, and a phrase never starts or ends with a stop word (stop words
never trend). Relays bring no words of their own; followers-only and direct posts are never
counted. Company-visible and public posts count in the company's scope, community posts in
their community's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from essaim.posts.models import Visibility
from essaim.text import LANGUAGES, detect_language, ngrams, stem, tokenize

from .models import COMPANY, Kind, community_scope

MAX_KEY = 200
MAX_TERMS = 120  # per post: a very long post cannot flood the tables


@dataclass(frozen=True)
class Term:
    kind: str
    key: str
    label: str


def scope_of(post) -> str | None:
    if post.relay_of_id is not None:
        return None
    if post.visibility == Visibility.COMMUNITY and post.community_id is not None:
        return community_scope(post.community_id)
    if post.visibility in (Visibility.PUBLIC, Visibility.COMPANY) and post.community_id is None:
        return COMPANY
    return None


def conversation_of(post) -> int:
    return post.thread_root_id or post.in_reply_to_id or post.quote_of_id or post.id


def link_key(url: str) -> tuple[str, str]:
    """A link's key without scheme, ``www.``, tracking parameters, fragment or final slash."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not k.lower().startswith("utm_")])
    path = parts.path.rstrip("/")
    label = host + path
    return (label + (f"?{query}" if query else ""))[:MAX_KEY], label[:MAX_KEY]


_JOINER = re.compile(r"[\s'’ʼ\-]*")


def _language(text: str, tokens, language: str) -> tuple[str, ...]:
    known = (language or "").lower()[:2]
    if known in LANGUAGES:
        return (known,)
    detected = detect_language(text) if sum(t.kind == "word" for t in tokens) >= 4 else None
    return (detected,) if detected else LANGUAGES


def terms_of(text: str, language: str = "") -> list[Term]:
    """The distinct terms of a text: hashtags, links, then phrases (1–3 words).

    Phrases are those of :func:`essaim.text.phrases` (same segments, same stem keys), worked
    out from one tokenisation of the text.
    """
    found: dict[tuple[str, str], Term] = {}
    tokens = tokenize(text)
    segments: list[list] = [[]]
    previous = None
    for token in tokens:
        if token.kind == "hashtag":
            found.setdefault((Kind.TAG, token.value[:MAX_KEY]),
                             Term(Kind.TAG, token.value[:MAX_KEY], token.text[1:MAX_KEY + 1]))
        elif token.kind == "url":
            key, label = link_key(token.value)
            if key:
                found.setdefault((Kind.LINK, key), Term(Kind.LINK, key, label))
        if token.kind != "word":
            segments.append([])
            previous = None
            continue
        if previous is not None and segments[-1] and not _JOINER.fullmatch(
                text[previous.end:token.start]):
            segments.append([])
        segments[-1].append(token)
        previous = token
    langs = _language(text, tokens, language)
    for segment in segments:
        seq = [t.value for t in segment]
        written = [t.text.lower() for t in segment]
        for gram in ngrams(seq, 3, langs):
            if all(w.isdigit() or len(w) < 2 for w in gram):
                continue  # numbers and single letters say nothing
            key = " ".join(stem(w, langs[0]) for w in gram)[:MAX_KEY]
            if (Kind.TERM, key) in found:
                continue
            start = _index_of(seq, gram)
            label = " ".join(written[start:start + len(gram)])[:MAX_KEY]
            found[(Kind.TERM, key)] = Term(Kind.TERM, key, label)
            if len(found) >= MAX_TERMS:
                return list(found.values())
    return list(found.values())


def _index_of(seq: list[str], gram: tuple[str, ...]) -> int:
    n = len(gram)
    for i in range(len(seq) - n + 1):
        if tuple(seq[i:i + n]) == gram:
            return i
    return 0
