"""Who follows whom: mostly within one's department, a few bridge people across, officials by all.

Pairs are indices into the list of everyone (people then officials).
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence

from .people import Person

OFFICIAL_FOLLOW_RATE = 0.95
FOLLOW_BACK_RATE = 0.4


class WeightedPicker:
    """Draw indices with given weights, quickly and reproducibly."""

    def __init__(self, indices: Sequence[int], weights: Sequence[float]):
        self.indices = list(indices)
        self.cumulative = list(itertools.accumulate(weights))

    def pick(self, rng: random.Random) -> int:
        if not self.indices:
            raise IndexError("empty picker")
        x = rng.random() * self.cumulative[-1]
        return self.indices[min(bisect.bisect(self.cumulative, x), len(self.indices) - 1)]

    def sample(self, rng: random.Random, k: int, exclude: set[int]) -> list[int]:
        """Up to ``k`` distinct indices not in ``exclude`` (gives up after a few misses)."""
        chosen: list[int] = []
        seen = set(exclude)
        tries = 0
        while len(chosen) < k and tries < 4 * k + 10:
            tries += 1
            i = self.pick(rng)
            if i not in seen:
                seen.add(i)
                chosen.append(i)
        return chosen


def popularity(person: Person) -> float:
    weight = 1.0 + min(person.activity, 5.0)
    if person.manager:
        weight *= 4
    if person.bridge:
        weight *= 2
    return weight


def _departments(people: Sequence[Person]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for i, p in enumerate(people):
        if p.department and not p.is_guest and not p.official:
            groups.setdefault(p.department, []).append(i)
    return groups


def _out_degree(rng: random.Random, person: Person, department_size: int) -> tuple[int, int]:
    """(follows inside the department, follows outside) for one person."""
    reach = min(department_size - 1, 25)
    inside = round(reach * rng.uniform(0.35, 0.85))
    outside = round(inside * rng.uniform(0.08, 0.25))
    if person.bridge:
        outside = max(outside, inside, 6)
    return inside, outside


def make_follows(rng: random.Random, everyone: Sequence[Person]) -> list[tuple[int, int]]:
    """Follow pairs (follower, followee) with strong department homophily."""
    groups = _departments(everyone)
    pickers = {name: WeightedPicker(ids, [popularity(everyone[i]) for i in ids])
               for name, ids in sorted(groups.items())}
    staff = [i for ids in groups.values() for i in ids]
    anyone = WeightedPicker(staff, [popularity(everyone[i]) for i in staff])
    officials = [i for i, p in enumerate(everyone) if p.official]
    pairs: set[tuple[int, int]] = set()
    for i in sorted(staff):
        person = everyone[i]
        inside, outside = _out_degree(rng, person, len(groups[person.department]))
        mine = set(groups[person.department])
        for j in pickers[person.department].sample(rng, inside, {i}):
            pairs.add((i, j))
            if rng.random() < FOLLOW_BACK_RATE:
                pairs.add((j, i))
        for j in anyone.sample(rng, outside, mine):
            pairs.add((i, j))
        pairs.update((i, o) for o in officials if rng.random() < OFFICIAL_FOLLOW_RATE)
    pairs |= _persona_follows(everyone)
    return sorted(pairs)


def _persona_follows(everyone: Sequence[Person]) -> set[tuple[int, int]]:
    """The demo personas know each other and follow the official accounts."""
    index = {p.username: i for i, p in enumerate(everyone)}
    staff = [index[u] for u in ("admin", "camille", "alex", "sofia") if u in index]
    officials = [i for i, p in enumerate(everyone) if p.official]
    pairs = {(a, b) for a in staff for b in staff if a != b}
    pairs |= {(a, o) for a in staff for o in officials}
    return pairs
