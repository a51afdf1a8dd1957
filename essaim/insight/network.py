"""The interaction network over a window, and each person's measures of it.

Undirected tie weight {u, v}: every reply, mention, relay, quote and like between u and v in
either direction over the window (from the count tables), no self-ties, deactivated people
left out. The directed version keeps who acted on whom (a → b: a replied to, mentioned,
relayed, quoted or liked b).

Burt's constraint and effective size are networkx's own functions, run on the part of the
network they read (the person's ties and their neighbours' ties), which gives exactly the
numbers they give on the whole network. Gould–Fernandez brokerage is counted here (networkx
has none) on the directed network, with departments (external organisations as their own
groups) as the groups.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import networkx as nx
from django.contrib.auth import get_user_model
from django.db.models import Q, Sum
from django.utils import timezone

from .models import Interaction

MIN_DAYS, MAX_DAYS, DEFAULT_DAYS = 7, 365, 90
ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")
READING = (Interaction.Kind.REPLY, Interaction.Kind.LIKE, Interaction.Kind.RELAY)
# An idea scout reads closely from at least as many groups as three equal ones (log2 3 bits);
# an idea connector carried content across groups at least three times in the window.
SCOUT_BITS = math.log2(3)
CONNECTOR_CARRIES = 3


def window_start(days: int, now: datetime | None = None):
    return ((now or timezone.now()) - timedelta(days=days)).date()


def _active_ids() -> set[int]:
    return set(get_user_model().objects.filter(is_active=True).values_list("id", flat=True))


def _rows(days: int, now=None, *, people: set[int] | None = None, kinds=None):
    qs = Interaction.objects.filter(day__gte=window_start(days, now),
                                    day__lte=(now or timezone.now()).date(),
                                    source__is_active=True, target__is_active=True)
    if people is not None:
        qs = qs.filter(Q(source_id__in=people) | Q(target_id__in=people))
    if kinds is not None:
        qs = qs.filter(kind__in=kinds)
    return qs.values("source_id", "target_id").annotate(w=Sum("count"))


def directed_weights(days: int, now=None, *, people: set[int] | None = None) -> dict:
    """{(a, b): weight} — a acted on b."""
    return {(r["source_id"], r["target_id"]): r["w"] for r in _rows(days, now, people=people)}


def undirected(directed: dict) -> dict:
    """{(u, v): weight} with u < v, both directions summed."""
    out: Counter = Counter()
    for (a, b), w in directed.items():
        out[(min(a, b), max(a, b))] += w
    return dict(out)


def graph(weights: dict) -> nx.Graph:
    g = nx.Graph()
    g.add_weighted_edges_from((u, v, w) for (u, v), w in weights.items())
    return g


def groups(user_ids) -> dict[int, str]:
    """Each person's group: their department, or their organisation for external guests."""
    out = {}
    rows = get_user_model().objects.filter(id__in=list(user_ids)).values(
        "id", "kind", "department_id", "department__name", "organisation_id",
        "organisation__name")
    for r in rows:
        if r["kind"] == "guest":
            out[r["id"]] = f"org:{r['organisation_id'] or 'none'}"
        else:
            out[r["id"]] = f"dept:{r['department_id'] or 'none'}"
    return out


def entropy_bits(weights: dict[str, float]) -> float:
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    return -sum(w / total * math.log2(w / total) for w in weights.values() if w > 0) + 0.0


def brokerage(person: int, directed: dict, group: dict[int, str]) -> dict[str, int]:
    """Gould–Fernandez roles of ``person`` as broker b on every two-path a → b → c (a ≠ c)
    with no a → c tie."""
    counts = dict.fromkeys(ROLES, 0)
    ins = [a for (a, b) in directed if b == person and a != person]
    outs = [c for (b, c) in directed if b == person and c != person]
    gb = group.get(person)
    for a in ins:
        for c in outs:
            if a == c or (a, c) in directed:
                continue
            ga, gc = group.get(a), group.get(c)
            if ga == gb == gc:
                counts["coordinator"] += 1
            elif ga == gc:
                counts["itinerant"] += 1
            elif gb == gc:
                counts["gatekeeper"] += 1
            elif ga == gb:
                counts["representative"] += 1
            else:
                counts["liaison"] += 1
    counts["total"] = sum(counts[r] for r in ROLES)
    return counts


@dataclass
class Measures:
    ties: int
    departments: int | None
    diversity: float | None
    constraint: float | None
    effective_size: float | None
    brokerage: dict = field(default_factory=dict)
    reason: str = ""
    by_group: dict = field(default_factory=dict)


def measures(person: int, days: int, now=None) -> Measures:
    """The person's measures over the window, from the part of the network they read."""
    mine = directed_weights(days, now, people={person})
    neighbours = {b if a == person else a for (a, b) in mine} - {person}
    if not neighbours:
        return Measures(ties=0, departments=None, diversity=None, constraint=None,
                        effective_size=None, brokerage={},
                        reason="no interaction with anyone in the window")
    around = directed_weights(days, now, people=neighbours | {person})
    ties = undirected(around)
    g = graph(ties)
    group = groups(set(g.nodes))
    by_group: Counter = Counter()
    for v in neighbours:
        by_group[group.get(v, "dept:none")] += g[person][v]["weight"]
    departments = len({group[v] for v in neighbours
                       if group.get(v, "").startswith("dept:") and group[v] != "dept:none"})
    return Measures(
        ties=len(neighbours), departments=departments,
        diversity=round(entropy_bits(dict(by_group)), 6),
        constraint=nx.constraint(g, [person], weight="weight")[person],
        effective_size=nx.effective_size(g, [person], weight="weight")[person],
        brokerage=brokerage(person, around, group),
        by_group=dict(by_group))


def scout_score(person: int, days: int, now=None) -> float:
    """Diversity (bits) of the groups whose posts ``person`` reads closely (replies, likes,
    relays, bookmarks) and of the people they follow."""
    from essaim.graph.models import Follow
    from essaim.posts.models import Bookmark

    sources: Counter = Counter()
    for r in _rows(days, now, kinds=READING).filter(source_id=person):
        sources[r["target_id"]] += r["w"]
    end = now or timezone.now()
    start = end - timedelta(days=days)
    for author in Bookmark.objects.filter(user_id=person, created_at__gte=start,
                                          created_at__lte=end).values_list(
            "post__author_id", flat=True):
        sources[author] += 1
    for followee in Follow.objects.filter(follower_id=person, followee__is_active=True)\
            .values_list("followee_id", flat=True):
        sources[followee] += 1
    sources.pop(person, None)
    group = groups(sources)
    weights: Counter = Counter()
    for who, w in sources.items():
        weights[group.get(who, "dept:none")] += w
    return round(entropy_bits(dict(weights)), 6)


def connector_score(person: int, days: int, now=None) -> int:
    """How many times ``person`` carried content across groups in the window: relays and
    quotes of another group's post, mentions in a reply or quote that bring in someone from
    another group than the author answered, and ideas they relayed or connected."""
    from essaim.communities.models import IdeaCredit
    from essaim.posts.models import Post

    end = now or timezone.now()
    start = end - timedelta(days=days)
    mine = Post.objects.filter(author_id=person, created_at__gte=start, created_at__lte=end)
    own = groups([person]).get(person)
    carried = 0
    originals = list(mine.filter(Q(relay_of__isnull=False) | Q(quote_of__isnull=False))
                     .values_list("relay_of__author_id", "quote_of__author_id"))
    authors = {a or b for a, b in originals}
    group = groups(authors)
    carried += sum(1 for a, b in originals if group.get(a or b) != own)
    answered = list(mine.filter(Q(in_reply_to_account__isnull=False) |
                                Q(quote_of__isnull=False))
                    .values_list("id", "in_reply_to_account_id", "quote_of__author_id"))
    if answered:
        through = Post.mentions.through.objects.filter(post_id__in=[p for p, _a, _b in answered])
        mentioned: dict[int, list[int]] = defaultdict(list)
        for post_id, user_id in through.values_list("post_id", "user_id"):
            mentioned[post_id].append(user_id)
        everyone = {u for ids in mentioned.values() for u in ids} | {
            a or b for _p, a, b in answered}
        group = groups(everyone)
        for post_id, replied, quoted in answered:
            other = group.get(replied or quoted)
            carried += sum(1 for u in mentioned.get(post_id, [])
                           if u not in (person, replied or quoted) and group.get(u) != other)
    carried += IdeaCredit.objects.filter(user_id=person, created_at__gte=start,
                                         created_at__lte=end).count()
    return carried
