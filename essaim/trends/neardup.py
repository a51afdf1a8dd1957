"""Near-duplicate texts by MinHash with LSH banding (Broder 1997; Petrović et al. 2010 use
the same hashing to find a story's first post): an announcement copied by many people is one
voice, not many."""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict

from essaim.text import words

PERMUTATIONS = 32
BANDS = 8  # 4 rows per band: pairs above ~0.6 Jaccard almost always share a band
SIMILAR = 0.6
_PRIME = (1 << 61) - 1
_rng = random.Random(1013)
_SALTS = [(_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(PERMUTATIONS)]


def shingles(text: str, size: int = 3) -> set[int]:
    seq = words(text)
    if len(seq) < size:
        return {_h(" ".join(seq))} if seq else set()
    return {_h(" ".join(seq[i:i + size])) for i in range(len(seq) - size + 1)}


def _h(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest(), "big")


def signature(items: set[int]) -> tuple[int, ...]:
    return tuple(min((a * x + b) % _PRIME for x in items) for a, b in _SALTS)


_CACHE: dict[tuple[int, int], tuple[set[int], tuple[int, ...] | None]] = {}
CACHE_SIZE = 200_000


def _sketch(i: int, text: str) -> tuple[set[int], tuple[int, ...] | None]:
    """Shingles and signature of a post, kept between runs (a post's text rarely changes)."""
    key = (i, hash(text))
    found = _CACHE.get(key)
    if found is None:
        items = shingles(text)
        found = (items, signature(items) if items else None)
        if len(_CACHE) >= CACHE_SIZE:
            _CACHE.clear()
        _CACHE[key] = found
    return found


def clusters(texts: dict[int, str]) -> dict[int, int]:
    """Map each text's id to the id of its cluster of near-duplicates (itself when alone)."""
    sketches = {i: _sketch(i, t) for i, t in texts.items()}
    sets = {i: items for i, (items, _sig) in sketches.items()}
    parent = {i: i for i in texts}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rows = PERMUTATIONS // BANDS
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, (_items, sig) in sketches.items():
        if sig is None:
            continue
        for band in range(BANDS):
            buckets[(band, sig[band * rows:(band + 1) * rows])].append(i)
    for members in buckets.values():
        first = members[0]
        for other in members[1:]:
            a, b = sets[first], sets[other]
            if find(first) != find(other) and len(a & b) / len(a | b) >= SIMILAR:
                parent[find(other)] = find(first)
    return {i: find(i) for i in texts}
