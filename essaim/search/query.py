"""The query language: words, "phrases", -exclusions, OR, a prefix on the last word while
typing, and filters (``from:@user in:community list:"name" #tag dept:… has:… is:… lang:…
before:/after:``).

:func:`parse` turns what a person typed into a :class:`ParsedQuery` made of analysed terms
only: nothing typed reaches an engine as syntax (engines quote every term they are given).
Bad input raises :class:`~essaim.core.errors.ValidationFailed` with a message to show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _

from essaim.core.errors import ValidationFailed
from essaim.text import LANGUAGES, fold, is_stop_word, query_terms, stem, tokenize

MAX_LENGTH = 500
MAX_CLAUSES = 32
MIN_PREFIX = 2
HAS_VALUES = ("file", "image", "link", "poll")
IS_VALUES = ("question", "unanswered")
FILTERS = ("from", "in", "list", "dept", "has", "is", "lang", "before", "after")

_TOKEN_RE = re.compile(
    r'(?P<neg>-)?(?:(?P<key>[A-Za-z]+):(?P<val>"[^"]*"|[^\s"]+)'
    r'|"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+))')


@dataclass(frozen=True)
class Clause:
    """One word or one phrase (folded words as typed, elisions removed)."""

    words: tuple[str, ...]
    prefix: bool = False  # the last word may be the start of a longer word

    def alternatives(self) -> list[tuple[tuple[str, ...], bool]]:
        """The term sequences this clause matches (any of them), each with whether its last
        term is a prefix: the word's stems in French and English, or a phrase's stems in
        each language (stop words of that language left out, as the index does)."""
        found: list[tuple[tuple[str, ...], bool]] = []

        def add(seq: tuple[str, ...], prefix: bool = False) -> None:
            if seq and (seq, prefix) not in found:
                found.append((seq, prefix))

        if len(self.words) == 1:
            word = self.words[0]
            terms = query_terms(word)
            for term in terms:
                add((term,))
            # A stop word is not indexed, so it is not required even while typing ("été").
            if self.prefix and len(word) >= MIN_PREFIX and terms:
                add((word,), True)
            return found
        for lang in LANGUAGES:
            kept = [w for w in self.words if not is_stop_word(w, (lang,))]
            seq = tuple(stem(w, lang) for w in kept)
            if self.prefix and kept and kept[-1] == self.words[-1] and len(kept[-1]) >= 2:
                add(seq[:-1] + (kept[-1],), True)
            add(seq)
        return found


@dataclass
class Filters:
    authors: list[str] = field(default_factory=list)  # usernames, lower case
    communities: list[str] = field(default_factory=list)  # slugs or names as typed
    lists: list[str] = field(default_factory=list)  # titles of the searcher's own lists
    departments: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # lower case, without '#'
    has: set[str] = field(default_factory=set)
    is_: set[str] = field(default_factory=set)
    lang: str | None = None
    before: date | None = None
    after: date | None = None

    def __bool__(self) -> bool:
        return bool(self.authors or self.communities or self.lists or self.departments
                    or self.tags
                    or self.has or self.is_ or self.lang or self.before or self.after)


@dataclass
class ParsedQuery:
    raw: str
    groups: list[list[Clause]]  # every group must match; a group matches if one clause does
    excluded: list[Clause]
    filters: Filters

    @property
    def has_text(self) -> bool:
        return bool(self.groups)

    def highlight_words(self) -> tuple[set[str], set[str]]:
        """(stems in either language, prefixes) of the positive words, for highlighting."""
        stems: set[str] = set()
        prefixes: set[str] = set()
        for group in self.groups:
            for clause in group:
                for word in clause.words:
                    if not is_stop_word(word):
                        stems.update(stem(word, lang) for lang in LANGUAGES)
                if clause.prefix:
                    prefixes.add(clause.words[-1])
        for tag in self.filters.tags:
            for part in _words_of(tag):
                stems.update(stem(part, lang) for lang in LANGUAGES)
        return stems, prefixes


def _words_of(text: str) -> tuple[str, ...]:
    """Folded words of a bare token or a phrase; ``@name`` counts as its name's parts."""
    out: list[str] = []
    for token in tokenize(text):
        if token.kind == "word":
            out.append(token.value)
        elif token.kind in ("mention", "hashtag"):
            out.extend(p for p in re.findall(r"[^\W_]+", fold(token.value)))
    return tuple(out)


def _date(key: str, value: str) -> date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValidationFailed(_("%(filter)s: needs a date such as 2026-03-31 (got “%(value)s”).")
                           % {"filter": f"{key}:", "value": value}, field="q")


def _choice(key: str, value: str, allowed: tuple[str, ...]) -> str:
    value = value.lower()
    if value not in allowed:
        raise ValidationFailed(_("%(filter)s accepts %(allowed)s (got “%(value)s”).")
                               % {"filter": f"{key}:", "allowed": ", ".join(allowed),
                                  "value": value}, field="q")
    return value


def _apply_filter(filters: Filters, key: str, value: str) -> None:
    if value.startswith('"') and value.endswith('"'):
        value = value[1:-1].strip()
    if not value:
        raise ValidationFailed(_("%(filter)s needs a value.") % {"filter": f"{key}:"},
                               field="q")
    if key == "from":
        filters.authors.append(value.lstrip("@").lower())
    elif key == "in":
        filters.communities.append(value)
    elif key == "list":
        filters.lists.append(value)
    elif key == "dept":
        filters.departments.append(value)
    elif key == "has":
        filters.has.add(_choice(key, value, HAS_VALUES))
    elif key == "is":
        filters.is_.add(_choice(key, value, IS_VALUES))
    elif key == "lang":
        filters.lang = _choice(key, value, LANGUAGES)
    elif key == "before":
        filters.before = _date(key, value)
    else:
        filters.after = _date(key, value)


def filter_tokens(raw: str) -> tuple[list[str], set[int]]:
    """The tokens of a query as typed, and the positions of those that are filters
    (``key:value`` with a known key, or a ``#tag``): what the search page shows as chips."""
    tokens = [m.group(0) for m in _TOKEN_RE.finditer(raw or "")]
    filters = set()
    for index, token in enumerate(tokens):
        key = token.split(":", 1)[0].lower() if ":" in token else ""
        if key in FILTERS or (token.startswith("#") and len(token) > 1):
            filters.add(index)
    return tokens, filters


def check_query(raw: str | None) -> str:
    text = (raw or "").strip()
    if not text:
        raise ValidationFailed(_("Type something to search for."), field="q")
    if len(text) > MAX_LENGTH:
        raise ValidationFailed(_("A search can have at most %(limit)d characters.")
                               % {"limit": MAX_LENGTH}, field="q")
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in text):
        raise ValidationFailed(_("The search holds a control character."), field="q")
    if text.count('"') % 2:
        raise ValidationFailed(_("A quotation mark is not closed: close the phrase with \"."),
                               field="q")
    return text


def parse(raw: str | None, *, prefix_last: bool = True) -> ParsedQuery:
    """Parse a query; the last bare word is a prefix when ``prefix_last`` and the text does not
    end with a space (someone still typing)."""
    text = check_query(raw)
    typing = prefix_last and not (raw or "").endswith((" ", "\t", "\n"))
    filters = Filters()
    groups: list[list[Clause]] = []
    excluded: list[Clause] = []
    pending_or = False
    matches = list(_TOKEN_RE.finditer(text))
    for index, match in enumerate(matches):
        neg = bool(match.group("neg"))
        key = (match.group("key") or "").lower()
        if key and not (match.group("val") or "").startswith("//"):
            if key not in FILTERS:
                raise ValidationFailed(
                    _("Unknown filter “%(filter)s”: use from:, in:, list:, dept:, has:, is:, "
                      "lang:, before: or after:.") % {"filter": f"{key}:"}, field="q")
            if neg:
                raise ValidationFailed(_("A filter cannot be excluded (%(filter)s).")
                                       % {"filter": f"-{key}:"}, field="q")
            _apply_filter(filters, key, match.group("val"))
            continue
        token = match.group(0)[1:] if neg else match.group(0)
        phrase = match.group("phrase")
        if phrase is None and token == "OR" and not neg:
            pending_or = bool(groups)
            continue
        if phrase is None and token.startswith("#") and not neg and len(token) > 1:
            if _words_of(token):
                filters.tags.append(token[1:].lower())
            continue
        words = _words_of(phrase if phrase is not None else token)
        if not words:
            continue
        last = index == len(matches) - 1
        clause = Clause(words, prefix=typing and last and phrase is None and not neg)
        if not clause.alternatives():
            pending_or = False
            continue  # only stop words
        if neg:
            excluded.append(clause)
        elif pending_or:
            groups[-1].append(clause)
        else:
            groups.append([clause])
        pending_or = False
    if sum(len(g) for g in groups) + len(excluded) > MAX_CLAUSES:
        raise ValidationFailed(_("A search can hold at most %(limit)d words and phrases.")
                               % {"limit": MAX_CLAUSES}, field="q")
    if not groups and not filters:
        if excluded:
            raise ValidationFailed(_("Add a word or a filter to look for besides the "
                                     "excluded words."), field="q")
        raise ValidationFailed(_("These words are too common to search for: add a more "
                                 "specific word."), field="q")
    return ParsedQuery(raw=text, groups=groups, excluded=excluded, filters=filters)
