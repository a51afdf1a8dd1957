"""The weak-signal detector: new subjects, growing, picked up across the company.

A weak signal is a term (or a group of phrasings of one subject) that is rare in the baseline
(the four weeks before the window), used now by several people in several departments or
organisations, in independent conversations. Its score is the product of

* **novelty** ``1 / (1 + b)``, ``b`` the term's people per week in the baseline (Yoon 2012's
  "degree of visibility" of the past) — a weekly Monday meeting or an always-popular word has a
  high ``b``;
* **growth** ``log2(1 + Σ 0.5^(age/24 h))`` over the distinct people of the window, each by
  their latest use (recent diffusion weighs more; a subject that stopped fades), times the
  acceleration ``(people of the last 36 h + 1) / (people of the 36 h before + 1)`` kept in
  [0.5, 2] — Yoon's growth rates of visibility and diffusion, Kleinberg's burst in a window;
* **spread** ``log2(1 + departments) × (1 + log2 organisations) × √(independent / posts) ×
  (1 − top share)``: *independent* counts posts that are neither in the same conversation nor
  near-duplicate texts (MinHash, :mod:`.neardup`), so an announcement relayed or copied by
  everyone is one voice; *top share* is the part of the posts written by the busiest person,
  so one enthusiast repeating a word scores nothing.

Terms must pass gates first (at least 3 people, 2 departments or organisations, 3 independent
conversations, novelty ≥ 0.25). The best candidates are then grouped (shared stem and
co-occurring posts, or strongly co-occurring posts): "hydrogène vert", "l'hydrogène" and
"green hydrogen" become one signal scored on the union of their posts.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Max, Min, Sum

from essaim.posts.models import Post

from . import neardup
from .models import Bucket, HiddenTrend, Kind, Signal, TermUse

WINDOW = timedelta(hours=72)
BASELINE = timedelta(days=28)
MIN_PEOPLE = 3
MIN_SPREAD_UNITS = 2  # departments, or organisations
MIN_INDEPENDENT = 3
MIN_NOVELTY = 0.25
GROUPED = 150  # best terms considered for grouping
SAME_ONSET = timedelta(hours=6)
KEPT = 50
CHUNK = 900


@dataclass
class Evidence:
    kind: str
    key: str
    label: str
    novelty: float = 1.0
    rows: list = field(default_factory=list)  # (post, author, department, org, unit, created)
    score: float = 0.0
    people: int = 0
    departments: int = 0
    organisations: int = 0

    @property
    def n_words(self) -> int:
        return len(self.key.split())


@dataclass
class Found:
    members: list[Evidence]
    score: float
    people: int
    departments: int
    organisations: int
    posts: int
    post_ids: list[int]

    @property
    def lead(self) -> Evidence:
        return max(self.members, key=lambda e: (e.people, e.n_words, e.score))


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _fresh_terms(scope: str, now: datetime) -> dict[tuple[str, str], int]:
    """Terms used in the window and again in its last day, with their people-hours."""
    found = {}
    for row in (Bucket.objects.filter(scope=scope, hour__gt=now - WINDOW, hour__lte=now,
                                      kind__in=[Kind.TERM, Kind.TAG])
                .values("kind", "key")
                .annotate(ph=Sum("people"), last=Max("hour"))
                .filter(ph__gte=MIN_PEOPLE, last__gt=now - timedelta(hours=24))):
        found[(row["kind"], row["key"])] = row["ph"]
    return found


def _novelty(scope: str, terms: list[tuple[str, str]], now: datetime) -> dict:
    start, end = now - WINDOW - BASELINE, now - WINDOW
    weeks = BASELINE / timedelta(days=7)
    seen: dict = defaultdict(float)
    for chunk in _chunks(sorted({k for _kind, k in terms})):
        for kind, key, people in (Bucket.objects.filter(scope=scope, hour__gt=start,
                                                        hour__lte=end, key__in=chunk)
                                  .values_list("kind", "key").annotate(ph=Sum("people"))):
            seen[(kind, key)] += people
    return {t: 1.0 / (1.0 + seen[t] / weeks) for t in terms}


def _load_rows(scope: str, terms: dict[tuple[str, str], Evidence], now: datetime) -> None:
    for chunk in _chunks(sorted({k for _kind, k in terms})):
        for kind, key, label, post, author, dept, org, conv, created in (
                TermUse.objects.filter(scope=scope, key__in=chunk, author__is_active=True,
                                       created_at__gt=now - WINDOW, created_at__lte=now)
                .values_list("kind", "key", "label", "post_id", "author_id", "department_id",
                             "organisation_id", "conversation_id", "created_at")):
            found = terms.get((kind, key))
            if found is not None:
                found.label = found.label or label
                found.rows.append((post, author, dept, org, conv, created))


def _independent_units(terms: dict[tuple[str, str], Evidence]) -> dict[int, int]:
    """Each post's unit: its conversation, merged with its near-duplicates' conversations."""
    convs = {row[0]: row[4] for e in terms.values() for row in e.rows}
    texts: dict[int, str] = {}
    for chunk in _chunks(list(convs)):
        texts.update(Post.objects.filter(pk__in=chunk).values_list("id", "text"))
    near = neardup.clusters(texts)
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for post, conv in convs.items():
        other = near.get(post, post)
        parent[find(convs.get(other, other))] = find(conv)
    return {post: find(conv) for post, conv in convs.items()}


def measure(rows: list, units: dict[int, int], now: datetime) -> tuple[float, dict]:
    """Growth × spread of a set of term uses (rows may repeat a post: counted once)."""
    posts: dict[int, tuple] = {}
    for row in rows:
        posts.setdefault(row[0], row)
    latest: dict[int, datetime] = {}
    per_person: dict[int, int] = defaultdict(int)
    departments: set[int] = set()
    organisations: set[int] = set()
    recent: set[int] = set()
    before: set[int] = set()
    for _post, author, dept, org, _conv, created in posts.values():
        latest[author] = max(latest.get(author, created), created)
        per_person[author] += 1
        if dept is not None:
            departments.add(dept)
        organisations.add(org or 0)
        (recent if now - created <= WINDOW / 2 else before).add(author)
    people = len(latest)
    independent = len({units.get(p, p) for p in posts})
    facts = {"people": people, "departments": len(departments),
             "organisations": len(organisations), "posts": len(posts),
             "independent": independent}
    if (people < MIN_PEOPLE or independent < MIN_INDEPENDENT
            or max(len(departments), len(organisations)) < MIN_SPREAD_UNITS):
        return 0.0, facts
    fresh = sum(0.5 ** ((now - at) / timedelta(hours=24)) for at in latest.values())
    acceleration = min(2.0, max(0.5, (len(recent) + 1) / (len(before) + 1)))
    growth = math.log2(1 + fresh) * acceleration
    top_share = max(per_person.values()) / len(posts)
    spread = (math.log2(1 + len(departments)) * (1 + math.log2(len(organisations)))
              * math.sqrt(independent / len(posts)) * (1 - top_share))
    return growth * spread, facts


def _stems(key: str) -> set[str]:
    return set(key.split())


def _linked(a: Evidence, b: Evidence, posts: dict[int, set[int]]) -> bool:
    pa, pb = posts[id(a)], posts[id(b)]
    overlap = len(pa & pb) / len(pa | pb)
    return overlap >= 0.5 or (overlap >= 0.15 and bool(_stems(a.key) & _stems(b.key)))


def _first(e: Evidence) -> datetime:
    return min(row[5] for row in e.rows)


def _group(best: list[Evidence]) -> list[list[Evidence]]:
    """Phrasings of one subject together.

    Phrases and hashtags are grouped first, each (most used first) joining the group that
    holds most of its posts (80 %, or half with a shared stem) — never merging two groups, so a
    phrase mixing two subjects does not chain them. A single word then joins the group it is
    linked to; when it links groups that are otherwise apart, they are one subject only if they
    began within
    ``SAME_ONSET`` of each other ("hydrogène vert" and "green hydrogen" through "hydrogène"),
    otherwise the word joins the largest and the subjects stay apart ("jumeau numérique" and
    "sobriété numérique" are not one subject because both say "numérique").
    """
    posts = {id(e): {row[0] for row in e.rows} for e in best}
    by_id = {id(e): e for e in best}
    phrases = [e for e in best if e.kind == Kind.TAG or e.n_words > 1]
    words = [e for e in best if not (e.kind == Kind.TAG or e.n_words > 1)]
    parent = {id(e): id(e) for e in best}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    groups: list[tuple[int, set[int]]] = []  # (leader, posts of the group)
    for phrase in sorted(phrases, key=lambda e: (-e.people, -e.score)):
        mine = posts[id(phrase)]
        chosen: int | None = None
        share = 0.0
        for leader, covered in groups:
            inside = len(mine & covered) / len(mine)
            shared = bool(_stems(phrase.key) & _stems(by_id[leader].key))
            if inside > share and (inside >= 0.8 or (inside >= 0.5 and shared)):
                chosen, share = leader, inside
        if chosen is None:
            groups.append((id(phrase), set(mine)))
        else:
            parent[id(phrase)] = chosen
            for leader, covered in groups:
                if leader == chosen:
                    covered |= mine
    members: dict[int, list[Evidence]] = defaultdict(list)
    for e in phrases:
        members[find(id(e))].append(e)
    onset = {root: min(_first(e) for e in group) for root, group in members.items()}
    for word in words:
        roots = sorted({find(id(e)) for e in phrases if _linked(word, e, posts)},
                       key=lambda r: -sum(len(posts[id(e)]) for e in members[r]))
        if not roots:
            members[id(word)].append(word)
            continue
        lead = roots[0]
        for other in roots[1:]:
            if abs(onset[other] - onset[lead]) <= SAME_ONSET:
                parent[other] = lead
                members[lead] += members.pop(other)
                onset[lead] = min(onset[lead], onset.pop(other))
        members[lead].append(word)
    return list(members.values())


def detect(scope: str, now: datetime) -> list[Found]:
    """Rank the weak signals of a scope at ``now`` (best first)."""
    fresh = _fresh_terms(scope, now)
    novelty = _novelty(scope, list(fresh), now)
    hidden = set(HiddenTrend.objects.values_list("kind", "key"))
    terms = {t: Evidence(t[0], t[1], "", novelty=n) for t, n in novelty.items()
             if n >= MIN_NOVELTY and t not in hidden}
    if not terms:
        return []
    _load_rows(scope, terms, now)
    plain = {row[0]: row[4] for e in terms.values() for row in e.rows}
    terms = {t: e for t, e in terms.items() if measure(e.rows, plain, now)[0] > 0}
    units = _independent_units(terms)  # near-duplicates only among what passed the gates
    for e in terms.values():
        value, facts = measure(e.rows, units, now)
        e.score = e.novelty * value
        e.people, e.departments, e.organisations = (facts["people"], facts["departments"],
                                                    facts["organisations"])
    best = sorted((e for e in terms.values() if e.score > 0), key=lambda e: -e.score)[:GROUPED]
    found = []
    for members in _group(best):
        rows = [row for e in members for row in e.rows]
        value, facts = measure(rows, units, now)
        score = max(e.novelty for e in members) * value
        if score <= 0:
            continue
        newest = sorted({(row[5], row[0]) for row in rows}, reverse=True)
        found.append(Found(members=members, score=score, people=facts["people"],
                           departments=facts["departments"],
                           organisations=facts["organisations"], posts=facts["posts"],
                           post_ids=[p for _at, p in newest][:30]))
    found.sort(key=lambda f: -f.score)
    return found[:KEPT]


def _curve(scope: str, keys: list[tuple[str, str]], now: datetime) -> list[int]:
    """People per 6 hours over 7 days (the busiest phrasing of each slot)."""
    start = now - timedelta(days=7)
    slots: dict[int, dict] = defaultdict(lambda: defaultdict(int))
    for chunk in _chunks(sorted({k for _kind, k in keys})):
        for kind, key, hour, people in Bucket.objects.filter(
                scope=scope, hour__gt=start, hour__lte=now, key__in=chunk) \
                .values_list("kind", "key", "hour", "people"):
            if (kind, key) in keys:
                slot = int((hour - start) / timedelta(hours=6))
                slots[slot][(kind, key)] += people
    return [max(slots[i].values(), default=0) for i in range(28)]


def store(scope: str, now: datetime) -> int:
    """Detect and keep the signals of a scope (what pages and APIs read)."""
    found = detect(scope, now)
    rows = []
    for rank, f in enumerate(found, start=1):
        lead = f.lead
        keys = [(e.kind, e.key) for e in f.members]
        first = TermUse.objects.filter(scope=scope, key__in=[k for _kind, k in keys]) \
            .aggregate(first=Min("created_at"))["first"] or now
        related = [e.label for e in sorted(f.members, key=lambda e: (-e.people, e.key))
                   if e is not lead][:8]
        rows.append(Signal(
            scope=scope, rank=rank, term=lead.label, key=lead.key, kind=lead.kind,
            related=related, keys=[f"{k}:{v}" for k, v in keys], score=round(f.score, 4),
            first_seen=first, posts=f.posts, people=f.people, departments=f.departments,
            organisations=f.organisations, post_ids=f.post_ids,
            curve=_curve(scope, keys, now), computed_at=now))
    Signal.objects.filter(scope=scope).delete()
    Signal.objects.bulk_create(rows)
    return len(rows)
