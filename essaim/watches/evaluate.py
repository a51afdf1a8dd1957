"""A watch's whole query evaluated on one new post in memory, as the search engines would.

The engines match the analysed terms of a post's search document (:mod:`essaim.search`): a
clause matches when one of its alternatives (a term, a phrase of consecutive terms, a prefix)
occurs in the document; every group needs one clause; no excluded clause may occur; the
filters narrow by facts of the post. The same rules run here on the document's term stream
and the post's facts, so that a candidate is confirmed without a query per watch (the tests
check both forms agree on random posts and queries). Filters whose facts only the database
holds (``is:question``, ``is:unanswered``) mark a watch as confirmed by the engine instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from essaim.search.queries import day_start
from essaim.search.query import Clause, ParsedQuery
from essaim.text import fold


@dataclass
class PostFacts:
    """What a watch may ask of a new post."""

    terms: list[str]
    language: str
    author_id: int
    department_id: int | None
    community_id: int | None
    created_at: datetime
    tags: set[str] = field(default_factory=set)  # hashtag names as stored
    has: set[str] = field(default_factory=set)  # "file", "image", "link", "poll"

    def __post_init__(self) -> None:
        self.term_set = set(self.terms)


@dataclass
class CompiledWatch:
    parsed: ParsedQuery
    authors: set[int] | None = None
    communities: set[int] | None = None
    listed: set[int] | None = None  # the members of the lists it names
    departments: set[int] | None = None
    in_memory: bool = True  # False: confirm through the engine


def compile_watch(parsed: ParsedQuery, filters: dict,
                  list_members: dict[int, list[int]]) -> CompiledWatch:
    """From the parsed query and the filter ids resolved when the watch was saved."""
    f = parsed.filters
    compiled = CompiledWatch(parsed, in_memory=not f.is_)
    if f.authors:
        compiled.authors = set(filters.get("authors", ()))
    if f.communities:
        compiled.communities = set(filters.get("communities", ()))
    if f.lists:
        compiled.listed = {member for list_id in filters.get("lists", ())
                           for member in list_members.get(list_id, ())}
    if f.departments:
        compiled.departments = set(filters.get("departments", ()))
    return compiled


def _occurs(seq: tuple[str, ...], prefix: bool, facts: PostFacts) -> bool:
    terms = facts.terms
    if len(seq) == 1:
        if not prefix:
            return seq[0] in facts.term_set
        return any(t.startswith(seq[0]) for t in facts.term_set)
    n = len(seq)
    head, last = seq[:-1], seq[-1]
    for start in range(len(terms) - n + 1):
        if tuple(terms[start:start + n - 1]) != head:
            continue
        word = terms[start + n - 1]
        if word == last or (prefix and word.startswith(last)):
            return True
    return False


def _clause(clause: Clause, facts: PostFacts) -> bool:
    return any(_occurs(seq, prefix, facts) for seq, prefix in clause.alternatives())


def matches(watch: CompiledWatch, facts: PostFacts) -> bool:
    """Whether the post matches the whole query (visibility aside: the policy decides that)."""
    parsed, f = watch.parsed, watch.parsed.filters
    if not all(any(_clause(c, facts) for c in group) for group in parsed.groups):
        return False
    if any(_clause(c, facts) for c in parsed.excluded):
        return False
    if watch.authors is not None and facts.author_id not in watch.authors:
        return False
    if watch.communities is not None and facts.community_id not in watch.communities:
        return False
    if watch.listed is not None and facts.author_id not in watch.listed:
        return False
    if watch.departments is not None and facts.department_id not in watch.departments:
        return False
    for tag in f.tags:
        if not facts.tags & {tag, fold(tag)}:
            return False
    if not f.has <= facts.has:
        return False
    if f.lang and facts.language != f.lang:
        return False
    if f.before and not facts.created_at < day_start(f.before):
        return False
    return not (f.after and not facts.created_at >= day_start(f.after + timedelta(days=1)))
