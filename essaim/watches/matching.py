"""Matching new posts against every saved watch, without running every watch's query.

Each watch keeps an *anchor*, worked out when it is saved (:func:`anchor_of`): the analysed
term sequences of one of its required word groups (any of them must be in a matching post),
else its hashtags, its authors (``from:``, or the members of a ``list:``) or its communities.
The anchors of all watches are compiled into one :class:`WatchIndex`: an Aho-Corasick
automaton (pyahocorasick) over the term sequences, and dictionaries for the rest. A post's
indexed terms (the search document, a space-separated stream of stems) are scanned once: each
hit names the watches that *may* match. Only those candidates run their whole query, through
the search engine and the visibility policy, restricted to the new posts; a watch never
gathers a post its owner may not see.

Keys are whole terms wrapped in spaces (``" salon "``, ``" salon emploi "``), so a watch on
``vivatech`` fires on ``#Vivatech`` (hashtags are indexed as words) but never on a ``#tag``
inside a URL (the tokenizer keeps URLs whole and the index leaves them out).
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

import ahocorasick
from django.db.models import Count, Max, Q
from django.utils import timezone

from essaim.core.errors import EssaimError
from essaim.search.query import ParsedQuery, parse
from essaim.text import fold

from .models import Delivery, Watch, WatchMatch

log = logging.getLogger(__name__)

# Posts older than this when indexed (imports, edits of old posts) are not news: not matched.
FRESH = timedelta(days=2)


# --- anchors -----------------------------------------------------------------------------

def anchor_of(owner, parsed: ParsedQuery) -> dict:
    """What a post must hold to be a candidate for this query (see the module's docstring)."""
    from essaim.search import queries

    f = parsed.filters
    if parsed.groups:
        keys = []
        for clause in parsed.groups[0]:
            for seq, prefix in clause.alternatives():
                if not prefix:
                    keys.append(" " + " ".join(seq) + " ")
        if keys:
            return {"terms": sorted(set(keys))}
    if f.tags:
        return {"tags": sorted({fold(f.tags[0])})}
    if f.authors:
        return {"authors": queries._author_ids(owner, f.authors[:1])}
    if f.lists:
        return {"lists": queries.list_ids(owner, f.lists[:1])}
    if f.communities:
        return {"communities": queries._community_ids(owner, f.communities[:1])}
    return {}


# --- the compiled index ------------------------------------------------------------------

@dataclass
class WatchIndex:
    automaton: ahocorasick.Automaton | None
    by_tag: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    by_author: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    by_community: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    always: set[int] = field(default_factory=set)
    size: int = 0

    @classmethod
    def build(cls, rows: Iterable[tuple[int, dict]], list_members: dict[int, list[int]]
              ) -> WatchIndex:
        """From (watch id, anchor) pairs and the members of the lists anchors name."""
        automaton = ahocorasick.Automaton()
        by_key: dict[str, set[int]] = defaultdict(set)
        index = cls(automaton=None)
        for watch_id, anchor in rows:
            index.size += 1
            if anchor.get("terms"):
                for key in anchor["terms"]:
                    by_key[key].add(watch_id)
            elif anchor.get("tags"):
                for tag in anchor["tags"]:
                    index.by_tag[tag].add(watch_id)
            elif anchor.get("authors"):
                for author in anchor["authors"]:
                    index.by_author[author].add(watch_id)
            elif anchor.get("lists"):
                for list_id in anchor["lists"]:
                    for author in list_members.get(list_id, ()):
                        index.by_author[author].add(watch_id)
            elif anchor.get("communities"):
                for community in anchor["communities"]:
                    index.by_community[community].add(watch_id)
            else:
                index.always.add(watch_id)
        for key, ids in by_key.items():
            automaton.add_word(key, frozenset(ids))
        if by_key:
            automaton.make_automaton()
            index.automaton = automaton
        return index

    def candidates(self, terms: str, *, tags: Iterable[str] = (), author_id: int | None = None,
                   community_id: int | None = None) -> set[int]:
        """The watches a post may match, from its indexed terms and its facts."""
        found = set(self.always)
        if self.automaton is not None and terms:
            for _end, ids in self.automaton.iter(f" {terms} "):
                found.update(ids)
        for tag in tags:
            found.update(self.by_tag.get(fold(tag), ()))
        if author_id is not None:
            found.update(self.by_author.get(author_id, ()))
        if community_id is not None:
            found.update(self.by_community.get(community_id, ()))
        return found


_lock = threading.Lock()
_cached: tuple[tuple, WatchIndex] | None = None


def _version() -> tuple:
    """Changes whenever a watch or a list's membership changes (then the index is rebuilt)."""
    from essaim.graph.models import ListMember

    watches = Watch.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    members = ListMember.objects.aggregate(n=Count("id"), last=Max("id"))
    return (watches["n"], watches["last"], members["n"], members["last"])


def current_index() -> WatchIndex:
    """The compiled index of every active person's watches (rebuilt when they change)."""
    global _cached
    version = _version()
    with _lock:
        if _cached is not None and _cached[0] == version:
            return _cached[1]
    rows = list(Watch.objects.filter(owner__is_active=True).exclude(anchor__isnull=True)
                .values_list("id", "anchor"))
    list_ids = {i for _id, anchor in rows for i in (anchor or {}).get("lists", ())}
    members: dict[int, list[int]] = defaultdict(list)
    if list_ids:
        from essaim.graph.models import ListMember

        for list_id, account_id in ListMember.objects.filter(
                account_list_id__in=list_ids).values_list("account_list_id", "account_id"):
            members[list_id].append(account_id)
    index = WatchIndex.build(((i, a or {}) for i, a in rows), members)
    with _lock:
        _cached = (version, index)
    return index


def forget_index() -> None:
    global _cached
    with _lock:
        _cached = None


# --- matching ----------------------------------------------------------------------------

def match_posts(post_ids: Iterable[int], *, now=None) -> list[WatchMatch]:
    """Gather these (just indexed) posts into the watches whose whole query they match and
    whose owner may see them; deliver the instant ones. Idempotent: a post is gathered once
    per watch."""
    from essaim.posts.models import Post
    from essaim.search.models import Document, Kind

    now = now or timezone.now()
    ids = sorted({int(i) for i in post_ids})
    if not ids or not Watch.objects.exists():
        return []
    posts = {p.id: p for p in Post.objects.filter(
        pk__in=ids, relay_of__isnull=True, created_at__gte=now - FRESH)
        .prefetch_related("hashtags")}
    if not posts:
        return []
    terms = dict(Document.objects.filter(kind=Kind.POST, object_id__in=list(posts))
                 .values_list("object_id", "body"))
    index = current_index()
    wanted: dict[int, set[int]] = defaultdict(set)
    for post in posts.values():
        for watch_id in index.candidates(terms.get(post.id, ""),
                                         tags=[t.name for t in post.hashtags.all()],
                                         author_id=post.author_id,
                                         community_id=post.community_id):
            wanted[watch_id].add(post.id)
    if not wanted:
        return []
    created: list[WatchMatch] = []
    for watch in Watch.objects.filter(pk__in=list(wanted), owner__is_active=True) \
            .select_related("owner"):
        fresh = [i for i in wanted[watch.id] if posts[i].created_at >= watch.created_at
                 and posts[i].author_id != watch.owner_id]
        if fresh:
            created.extend(_confirm(watch, fresh, now))
    _deliver_instant(created, posts)
    return created


def _confirm(watch: Watch, post_ids: list[int], now) -> list[WatchMatch]:
    """The whole query, through the engine and the policy, on the candidate posts only."""
    from essaim.search.queries import matching_documents

    try:
        parsed = parse(watch.query, prefix_last=False)
        found = list(matching_documents(watch.owner, parsed, "posts",
                                        restrict=Q(pk__in=post_ids))
                     .values_list("object_id", flat=True))
    except EssaimError as exc:  # e.g. from: a person who left, a list deleted since
        log.info("watch %s no longer runs: %s", watch.id, exc)
        return []
    if not found:
        return []
    already = set(WatchMatch.objects.filter(watch=watch, post_id__in=found)
                  .values_list("post_id", flat=True))
    rows = [WatchMatch(watch=watch, post_id=i, created_at=now) for i in found
            if i not in already]
    WatchMatch.objects.bulk_create(rows, ignore_conflicts=True)
    return rows


def _deliver_instant(created: list[WatchMatch], posts: dict) -> None:
    from essaim.notifications.actions import do_notify
    from essaim.notifications.models import Notification

    for match in created:
        watch = match.watch
        if watch.delivery != Delivery.INSTANT:
            continue
        post = posts[match.post_id]
        do_notify(watch.owner, post.author, Notification.Kind.WATCH, post,
                  subject=watch.name, link=f"/watches/{watch.id}/")


def _on_indexed(sender, kind: str, object_ids, **kwargs) -> None:
    from essaim.search.models import Kind

    if kind == Kind.POST:
        match_posts(object_ids)


def connect() -> None:
    from essaim.search.tasks import indexed

    indexed.connect(_on_indexed, dispatch_uid="watches-match")
