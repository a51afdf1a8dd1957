"""Which posts a person's filters catch in a context, and what is left to show.

A keyword matches, case and accents folded (``evenement`` catches ``Événement``):

* ``whole_word``: its words appear as consecutive words of the post (elisions removed,
  hashtags and mentions count as words); words inside a link never match, so a filter on
  ``vivatech`` ignores ``https://example.org/#vivatech`` (Mastodon's issue #27990);
* otherwise: anywhere in the text, as a part of a word too.

A post is caught on its content warning and its text, a relay on the post it relays.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils import timezone

from essaim.text import fold, tokenize

from .models import Action, Filter, FilterKeyword, FilterStatus


@dataclass
class FilterResult:
    """A filter that caught a post (Mastodon's FilterResult)."""

    filter: Filter
    keyword_matches: list[str] = field(default_factory=list)
    status_matches: list[str] = field(default_factory=list)


def filters_of(user, *, with_expired: bool = True) -> list[Filter]:
    if user is None or not user.is_authenticated:
        return []
    qs = Filter.objects.filter(owner_id=user.id)
    if not with_expired:
        qs = qs.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
    return list(qs.order_by("title", "id").prefetch_related(
        Prefetch("keywords", queryset=FilterKeyword.objects.order_by("id")),
        Prefetch("statuses", queryset=FilterStatus.objects.order_by("id"))))


def _words(text: str) -> list[str]:
    return [t.value for t in tokenize(text) if t.kind != "url" and t.value]


@dataclass(frozen=True)
class _Keyword:
    """A keyword analysed once: folded, and as words when it must match whole words."""

    text: str
    folded: str
    words: tuple[str, ...] | None  # None: matches anywhere in the text

    @classmethod
    def of(cls, keyword: FilterKeyword) -> _Keyword:
        return cls(keyword.keyword, fold(keyword.keyword).strip(),
                   tuple(_words(keyword.keyword)) if keyword.whole_word else None)

    def matches(self, folded: str, words: list[str]) -> bool:
        if not self.folded:
            return False
        if self.words is None:
            return self.folded in folded
        n = len(self.words)
        return n > 0 and any(tuple(words[i:i + n]) == self.words
                             for i in range(len(words) - n + 1))


def results_for(viewer, items, context: str | None) -> dict[int, list[FilterResult]]:
    """For each (entry id, shown post) pair a filter of ``viewer`` catches in ``context``,
    keyed by the entry id, what caught it (the entry is the timeline's row: a relay's row
    shows the post it relays)."""
    if context is None:
        return {}
    active = [(f, [_Keyword.of(k) for k in f.keywords.all()])
              for f in filters_of(viewer, with_expired=False) if context in f.context]
    if not active:
        return {}
    out: dict[int, list[FilterResult]] = {}
    for entry_id, shown in items:
        text = "\n".join(p for p in (shown.spoiler_text, shown.text) if p)
        folded, words = fold(text), _words(text)
        ids = {entry_id, shown.id}
        found = []
        for f, keywords in active:
            matched = [k.text for k in keywords if k.matches(folded, words)]
            statuses = [str(s.id) for s in f.statuses.all() if s.post_id in ids]
            if matched or statuses:
                found.append(FilterResult(f, matched, statuses))
        if found:
            out[entry_id] = found
    return out


def _shown(post):
    return post.relay_of if post.relay_of_id and post.relay_of is not None else post


def apply(viewer, posts: list, context: str | None) -> tuple[list, dict[int, list]]:
    """The posts left once ``hide`` filters took theirs out, and what caught the others."""
    results = results_for(viewer, [(p.id, _shown(p)) for p in posts], context)
    if not results:
        return list(posts), {}
    kept = [p for p in posts
            if not any(r.filter.action == Action.HIDE for r in results.get(p.id, ()))]
    shown = {p.id for p in kept}
    return kept, {i: r for i, r in results.items() if i in shown}
