"""A watch's query evaluated in memory on a new post gives the search engine's answer, for
random posts and queries (words in any inflection, phrases, OR, exclusions, filters)."""

from __future__ import annotations

import pytest
from django.db.models import Q
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essaim.posts.actions import do_create_post
from essaim.search.queries import matching_documents
from essaim.search.query import parse
from essaim.watches.evaluate import compile_watch, matches
from essaim.watches.matching import _facts, resolved_filters
from tests.core.worlds import rolled_back

pytestmark = pytest.mark.django_db

WORDS = ["salon", "salons", "Événement", "evenements", "travailler", "travaillent", "hire",
         "hiring", "l'entreprise", "entreprise", "vert", "hydrogène", "green", "hydrogen",
         "client", "rapport", "de", "la", "the", "of"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

word = st.sampled_from(WORDS)
text = st.builds(lambda ws, tag, link: " ".join(ws) + (f" #{tag}" if tag else "")
                 + (" https://example.org/x#salon" if link else ""),
                 st.lists(word, min_size=1, max_size=12),
                 st.sampled_from([None, "salon", "Vert"]), st.booleans())
clause = st.one_of(word.map(lambda w: w.replace("'", " ")),
                   st.lists(word, min_size=2, max_size=3).map(
                       lambda ws: '"' + " ".join(ws) + '"'),
                   word.map(lambda w: "-" + w.split("'")[-1]))
filters = st.sampled_from(["", "", "from:@alice", "from:@bob", "#salon", "#vert", "has:link",
                           "lang:fr", "lang:en", "after:2020-01-01", "before:2020-01-01"])
query = st.builds(lambda cs, join, f: f" {join} ".join(cs) + (" " + f if f else ""),
                  st.lists(clause, min_size=1, max_size=3), st.sampled_from([" ", "OR"]),
                  filters)


@SETTINGS
@given(body=text, q=query, by_bob=st.booleans())
def test_in_memory_evaluation_agrees_with_the_engine(alice, bob, carol, body, q, by_bob):
    try:
        parsed = parse(q, prefix_last=False)
    except Exception:  # noqa: BLE001 - only exclusions, only stop words: not a watch
        return
    with rolled_back():
        post = do_create_post(bob if by_bob else alice, body, rate_limit=False)
        facts = _facts({post.id: post})[post.id]
        compiled = compile_watch(parsed, resolved_filters(carol, parsed), {})
        engine = matching_documents(carol, parsed, "posts", restrict=Q(pk=post.id)).exists()
        assert matches(compiled, facts) is engine, (body, q)
