"""Relevance on a judged set of 100 French and English queries (tests/search/relevance.py):
nDCG@10 on the engine this run uses (SQLite FTS5 or PostgreSQL), with visibility applied."""

from __future__ import annotations

import math

import pytest

from essaim.posts.actions import do_create_post
from essaim.search.queries import search

from .relevance import judged

pytestmark = pytest.mark.django_db
TARGET = 0.85


def ndcg_at_10(ranked: list[str], relevant: set[str]) -> float:
    gains = sum(1 / math.log2(rank + 2) for rank, key in enumerate(ranked[:10])
                if key in relevant)
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(10, len(relevant))))
    return gains / ideal if ideal else 1.0


def test_ndcg_is_one_for_a_perfect_ranking_and_lower_for_a_worse_one():
    assert ndcg_at_10(["a", "b", "x"], {"a", "b"}) == 1.0
    assert ndcg_at_10(["x", "a", "b"], {"a", "b"}) < 1.0
    assert ndcg_at_10(["x", "y"], {"a"}) == 0.0


def test_the_judged_set_is_found_with_an_ndcg_at_10_of_at_least_0_85(make_user):
    author, reader = make_user("author", name="Author"), make_user("reader", name="Reader")
    posts, queries = judged()
    assert len(queries) >= 100
    key_of = {do_create_post(author, text, rate_limit=False).id: key for key, text in posts}
    scores, misses = [], []
    for query, relevant in queries:
        ranked = [key_of[p.id] for p in search(reader, query, "posts", limit=10).items]
        score = ndcg_at_10(ranked, relevant)
        scores.append(score)
        if score < 0.5:
            misses.append((query, round(score, 2), ranked[:3]))
    mean = sum(scores) / len(scores)
    assert mean >= TARGET, (round(mean, 3), misses)
