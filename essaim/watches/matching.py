"""Matching new posts against every saved watch, without running every watch's query.

Each watch keeps an *anchor*, worked out when it is saved (:func:`anchor_of`): the analysed
term sequences of one of its required word groups (any of them must be in a matching post),
else its hashtags, its authors (``from:``, or the members of a ``list:``) or its communities.
The anchors of all watches are compiled into one :class:`WatchIndex`: an Aho-Corasick
automaton (pyahocorasick) over the term sequences, and dictionaries for the rest. A post's
indexed terms (the search document, a space-separated stream of stems) are scanned once: each
hit names the watches that *may* match. Only those candidates evaluate their whole query on
the post, in memory (:mod:`essaim.watches.evaluate`, the engines' rules on the same terms;
``is:`` filters go through the engine), and the policy's reverse form (who may read this
post) keeps the owners who may see it, in one query per post: a watch never gathers a post
its owner may not see.

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
from datetime import datetime, timedelta

import ahocorasick
from django.db.models import Count, Max, Q
from django.utils import timezone

from essaim.core.errors import EssaimError
from essaim.search.query import ParsedQuery, parse
from essaim.text import fold

from .evaluate import CompiledWatch, PostFacts, compile_watch, matches
from .models import Delivery, Watch, WatchMatch

log = logging.getLogger(__name__)

# Posts older than this when indexed (imports, edits of old posts) are not news: not matched.
FRESH = timedelta(days=2)


# --- anchors -----------------------------------------------------------------------------

def anchor_of(owner, parsed: ParsedQuery, filters: dict | None = None) -> dict:
    """What a post must hold to be a candidate for this query (see the module's docstring),
    and under ``filters`` the ids its filters name, resolved for the owner (unless given)."""
    filters = resolved_filters(owner, parsed) if filters is None else filters
    anchor: dict = {"filters": filters}
    alternatives = list(clause_alternatives(parsed.groups[0])) if parsed.groups else []
    if alternatives and not any(prefix for _seq, prefix in alternatives):
        anchor["terms"] = sorted({" " + " ".join(seq) + " " for seq, _prefix in alternatives})
    elif parsed.filters.tags:
        anchor["tags"] = [fold(parsed.filters.tags[0])]
    else:
        for name in ("authors", "lists", "communities"):
            if filters.get(name):
                anchor[name] = filters[name]
                break
    return anchor


def clause_alternatives(group):
    """Every alternative of every clause of one group (any of them makes the group match)."""
    for clause in group:
        yield from clause.alternatives()


def resolved_filters(owner, parsed: ParsedQuery) -> dict:
    """The ids of the people, communities, lists and departments the filters name (the
    searches' own resolution: unknown ones raise with the search's message)."""
    from essaim.search import queries

    f, out = parsed.filters, {}
    if f.authors:
        out["authors"] = queries.author_ids(owner, f.authors)
    if f.communities:
        out["communities"] = queries.community_ids(owner, f.communities)
    if f.lists:
        out["lists"] = queries.list_ids(owner, f.lists)
    if f.departments:
        out["departments"] = queries.department_ids(f.departments)
    return out


# --- the compiled index ------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """One watch as the matcher holds it."""

    id: int
    owner_id: int
    created_at: datetime
    compiled: CompiledWatch


@dataclass
class WatchIndex:
    automaton: ahocorasick.Automaton | None
    by_tag: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    by_author: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    by_community: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    always: set[int] = field(default_factory=set)
    entries: dict[int, Entry] = field(default_factory=dict)
    size: int = 0

    @classmethod
    def build(cls, rows: Iterable[tuple[int, dict]], list_members: dict[int, list[int]],
              entries: dict[int, Entry] | None = None) -> WatchIndex:
        """From (watch id, anchor) pairs and the members of the lists anchors name."""
        automaton = ahocorasick.Automaton()
        by_key: dict[str, set[int]] = defaultdict(set)
        index = cls(automaton=None, entries=entries or {})
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
_compiled: dict[int, tuple[datetime, Entry]] = {}  # parsed once per version of a watch


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
    rows = list(Watch.objects.filter(owner__is_active=True)
                .values_list("id", "owner_id", "created_at", "updated_at", "query", "anchor"))
    list_ids = {i for *_rest, anchor in rows
                for i in (anchor or {}).get("filters", {}).get("lists", ())}
    members: dict[int, list[int]] = defaultdict(list)
    if list_ids:
        from essaim.graph.models import ListMember

        for list_id, account_id in ListMember.objects.filter(
                account_list_id__in=list_ids).values_list("account_list_id", "account_id"):
            members[list_id].append(account_id)
    entries, anchors = {}, []
    for watch_id, owner_id, created_at, updated_at, query, anchor in rows:
        anchor = anchor or {}
        known = _compiled.get(watch_id)
        if known is not None and known[0] == updated_at and not anchor.get("filters", {}).get(
                "lists"):
            entry = known[1]
        else:
            try:
                parsed = parse(query, prefix_last=False)
            except EssaimError:
                continue
            entry = Entry(watch_id, owner_id, created_at,
                          compile_watch(parsed, anchor.get("filters", {}), members))
            _compiled[watch_id] = (updated_at, entry)
        entries[watch_id] = entry
        anchors.append((watch_id, anchor))
    for gone in set(_compiled) - set(entries):
        del _compiled[gone]
    index = WatchIndex.build(anchors, members, entries)
    with _lock:
        _cached = (version, index)
    return index


def forget_index() -> None:
    global _cached
    with _lock:
        _cached = None
        _compiled.clear()


# --- matching ----------------------------------------------------------------------------

def _facts(posts: dict) -> dict[int, PostFacts]:
    """What the watches may ask of these posts: their indexed terms and facts."""
    from essaim.communities.models import SharedFile
    from essaim.media.models import MediaAttachment
    from essaim.polls.models import Poll
    from essaim.search.models import Document, Kind

    ids = list(posts)
    docs = {i: (body, language) for i, body, language in Document.objects.filter(
        kind=Kind.POST, object_id__in=ids).values_list("object_id", "body", "language")}
    has: dict[int, set[str]] = defaultdict(set)
    for post_id, kind in MediaAttachment.objects.filter(post_id__in=ids).values_list(
            "post_id", "kind"):
        has[post_id].add(kind)
    for post_id in SharedFile.posts.through.objects.filter(post_id__in=ids).values_list(
            "post_id", flat=True):
        has[post_id].add("file")
    for post_id in Poll.objects.filter(post_id__in=ids).values_list("post_id", flat=True):
        has[post_id].add("poll")
    out = {}
    for post in posts.values():
        if "http://" in post.text.lower() or "https://" in post.text.lower():
            has[post.id].add("link")
        body, language = docs.get(post.id, ("", ""))
        out[post.id] = PostFacts(terms=body.split(), language=language,
                                 author_id=post.author_id,
                                 department_id=post.author.department_id,
                                 community_id=post.community_id, created_at=post.created_at,
                                 tags={t.name for t in post.hashtags.all()},
                                 has=has[post.id])
    return out


def match_posts(post_ids: Iterable[int], *, now=None) -> list[WatchMatch]:
    """Gather these (just indexed) posts into the watches whose whole query they match and
    whose owner may see them; deliver the instant ones. Idempotent: a post is gathered once
    per watch."""
    from essaim.posts.models import Post

    now = now or timezone.now()
    ids = sorted({int(i) for i in post_ids})
    if not ids or not Watch.objects.exists():
        return []
    posts = {p.id: p for p in Post.objects.filter(
        pk__in=ids, relay_of__isnull=True, created_at__gte=now - FRESH)
        .select_related("author").prefetch_related("hashtags")}
    if not posts:
        return []
    index = current_index()
    facts = _facts(posts)
    found: dict[int, list[int]] = {}  # post -> watches whose query it matches
    for post in posts.values():
        fact = facts[post.id]
        hits = []
        for watch_id in index.candidates(" ".join(fact.terms), tags=fact.tags,
                                         author_id=post.author_id,
                                         community_id=post.community_id):
            entry = index.entries.get(watch_id)
            if entry is None or entry.owner_id == post.author_id or \
                    post.created_at < entry.created_at:
                continue
            if entry.compiled.in_memory and not matches(entry.compiled, fact):
                continue
            hits.append(watch_id)
        if hits:
            found[post.id] = hits
    created = _gather(found, posts, index, now)
    _deliver_instant(created, posts)
    return created


def _gather(found: dict[int, list[int]], posts: dict, index: WatchIndex,
            now) -> list[WatchMatch]:
    """Keep the matches whose owner may read the post (one reverse-policy query per post),
    confirm the engine-only ones, and write them."""
    from django.contrib.auth import get_user_model

    from essaim import visibility as policy

    User = get_user_model()
    rows: list[WatchMatch] = []
    watches = {w.id: w for w in Watch.objects.filter(
        pk__in={i for ids in found.values() for i in ids}).select_related("owner")}
    for post_id, watch_ids in found.items():
        post = posts[post_id]
        owners = {watches[i].owner_id for i in watch_ids if i in watches}
        readers = set(User.objects.filter(pk__in=owners).filter(policy.readers_filter(post))
                      .values_list("pk", flat=True))
        for watch_id in watch_ids:
            watch = watches.get(watch_id)
            if watch is None or watch.owner_id not in readers:
                continue
            if not index.entries[watch_id].compiled.in_memory and \
                    not _engine_confirms(watch, post_id):
                continue
            rows.append(WatchMatch(watch=watch, post_id=post_id, created_at=now))
    if not rows:
        return []
    already = set(WatchMatch.objects.filter(
        post_id__in=list(found), watch_id__in=list(watches)).values_list("watch_id", "post_id"))
    rows = [r for r in rows if (r.watch_id, r.post_id) not in already]
    WatchMatch.objects.bulk_create(rows, ignore_conflicts=True)
    return rows


def _engine_confirms(watch: Watch, post_id: int) -> bool:
    """The whole query through the engine and the policy, on one post (``is:`` filters)."""
    from essaim.search.queries import matching_documents

    try:
        parsed = parse(watch.query, prefix_last=False)
        return matching_documents(watch.owner, parsed, "posts",
                                  restrict=Q(pk=post_id)).exists()
    except EssaimError as exc:  # e.g. a list deleted since
        log.info("watch %s no longer runs: %s", watch.id, exc)
        return False


def _deliver_instant(created: list[WatchMatch], posts: dict) -> None:
    """One notification per person and post, however many of their watches it matched, for
    the watches delivered at once (the notifications' own rules apply, in one batch)."""
    from essaim.notifications.actions import do_notify_many
    from essaim.notifications.models import Notification

    by_post: dict[int, dict[int, Watch]] = defaultdict(dict)
    for match in created:
        watch = match.watch
        if watch.delivery == Delivery.INSTANT:
            by_post[match.post_id].setdefault(watch.owner_id, watch)
    for post_id, watches in by_post.items():
        post = posts[post_id]
        do_notify_many([(w.owner, w.name, f"/watches/{w.id}/") for w in watches.values()],
                       post.author, Notification.Kind.WATCH, post)


def _on_indexed(sender, kind: str, object_ids, **kwargs) -> None:
    from essaim.search.models import Kind

    if kind == Kind.POST:
        match_posts(object_ids)


def connect() -> None:
    from essaim.search.tasks import indexed

    indexed.connect(_on_indexed, dispatch_uid="watches-match")
