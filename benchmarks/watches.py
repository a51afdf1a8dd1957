"""Matching new posts against saved watches.

    uv run python -m benchmarks.watches [--people 2000 --watches 10000 --posts 400 --seed 3]

A company of ``--people`` employees saves ``--watches`` watches, drawn like real ones: a
subject (60 %: one of 5,000 names of products, customers, projects; four in five drawn
uniformly, one in five Zipf-distributed so the hottest subjects are watched by a hundred
people or more), a subject and a word (15 %), a
phrase (10 %), a hashtag (10 %) or a person (5 %). Then ``--posts`` new company posts of
12–30 ordinary French or English words are imported, most naming one or two subjects (Zipf,
s = 1: the hottest subject is in one post out of ten), one in five with a hashtag, and
indexed for search. Each post is then matched by the production code, one post at a time,
as the after-commit task does:

* **candidates**: ``WatchIndex.candidates`` on the post's indexed terms (the Aho-Corasick scan
  and the dictionaries): the part whose cost grows with the number of watches;
* **candidates and evaluation**: the candidates, then each one's whole query evaluated on the
  post in memory (:mod:`essaim.watches.evaluate`): what decides which watches match;
* **match**: the whole ``match_posts([post])``: the above, the policy's reverse form (which
  owners may read the post: one query), the matches written and the instant notifications
  sent (one per match, each with its block and mute checks).

Reported: medians and 95th percentiles of both, candidates and matches per post, the time to
compile the index, on an embedded (SQLite) database in a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta

from benchmarks.signals_eval import EN_WORDS, FR_WORDS, _setup

SUBJECTS = 5000  # names people keep watch on: products, customers, projects, technologies


_ZIPF = [1 / (rank + 1) for rank in range(SUBJECTS)]


def _subject(rng: random.Random) -> str:
    """A subject, Zipf-distributed (s = 1): a few are on everyone's lips, most are niche."""
    return f"atlas{rng.choices(range(SUBJECTS), weights=_ZIPF)[0]}"


def _ordinary(rng: random.Random) -> str:
    vocab = FR_WORDS if rng.random() < 0.6 else EN_WORDS
    return rng.choice(vocab[:200]).replace("'", "")


def _queries(rng: random.Random, count: int, usernames: list[str]) -> list[str]:
    out = []
    for _ in range(count):
        roll = rng.random()
        subject = f"atlas{rng.randrange(SUBJECTS)}" if rng.random() < 0.8 else _subject(rng)
        if roll < 0.60:
            out.append(subject)
        elif roll < 0.75:
            out.append(f"{subject} {_ordinary(rng)}")
        elif roll < 0.85:
            out.append(f'"{_ordinary(rng)} {subject}"')
        elif roll < 0.95:
            out.append(f"#{subject}")
        else:
            out.append(f"from:@{rng.choice(usernames)}")
    return out


def _text(rng: random.Random) -> str:
    words = [_ordinary(rng) for _ in range(rng.randint(12, 30))]
    for _ in range(rng.choice([0, 1, 1, 2])):
        words.insert(rng.randrange(len(words)), _subject(rng))
    if rng.random() < 0.2:
        words.append("#" + _subject(rng))
    return " ".join(words).capitalize()


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(args) -> dict:
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from essaim.importers.company import PostRow, UserRow, do_import_posts, do_import_users
    from essaim.search.indexing import index_objects
    from essaim.search.models import Document, Kind
    from essaim.watches.actions import do_create_watch
    from essaim.watches.evaluate import matches
    from essaim.watches.matching import _facts, current_index, forget_index, match_posts

    rng = random.Random(args.seed)
    rows = [UserRow(username=f"p{i}", display_name=f"Person {i}", department=f"D{i % 12}")
            for i in range(args.people)]
    ids = do_import_users(rows, password_hash=make_password(None))
    usernames = list(ids)
    from django.contrib.auth import get_user_model

    people = {u.username: u for u in get_user_model().objects.filter(username__in=usernames)}
    started = time.perf_counter()
    saved = 0
    for query in _queries(rng, args.watches, usernames):
        owner = people[rng.choice(usernames)]
        if owner.watches.count() < 100:
            do_create_watch(owner, query, delivery="instant")
            saved += 1
    saving = time.perf_counter() - started
    forget_index()
    started = time.perf_counter()
    index = current_index()
    compile_ms = (time.perf_counter() - started) * 1000
    do_create_watch(people[usernames[0]], "atlas1 OR atlas2", delivery="none")
    started = time.perf_counter()
    index = current_index()  # one watch more: the others are not parsed again
    rebuild_ms = (time.perf_counter() - started) * 1000
    time.sleep(1)  # the posts come after the last watch was saved
    now = timezone.now()
    authors = list(ids.values())
    post_ids = do_import_posts([PostRow(author_id=rng.choice(authors), text=_text(rng),
                                        created_at=now - timedelta(milliseconds=args.posts - i))
                                for i in range(args.posts)])
    index_objects(Kind.POST, post_ids)
    terms = dict(Document.objects.filter(kind=Kind.POST, object_id__in=post_ids)
                 .values_list("object_id", "body"))
    from essaim.posts.models import Post

    facts = {p.id: p for p in Post.objects.filter(pk__in=post_ids).select_related("author")
             .prefetch_related("hashtags")}
    candidate_ms, evaluate_ms, candidates, confirmed = [], [], [], []
    post_facts = _facts({pid: facts[pid] for pid in post_ids})
    for pid in post_ids:
        post, fact = facts[pid], post_facts[pid]
        t0 = time.perf_counter()
        found = index.candidates(terms.get(pid, ""), tags=fact.tags, author_id=post.author_id,
                                 community_id=None)
        t1 = time.perf_counter()
        kept = [i for i in found if matches(index.entries[i].compiled, fact)]
        t2 = time.perf_counter()
        candidate_ms.append((t1 - t0) * 1000)
        evaluate_ms.append((t2 - t0) * 1000)
        candidates.append(len(found))
        confirmed.append(len(kept))
    match_ms, matched = [], []
    for pid in post_ids:
        t0 = time.perf_counter()
        made = match_posts([pid], now=now)
        match_ms.append((time.perf_counter() - t0) * 1000)
        matched.append(len(made))
    return {
        "people": args.people, "watches": saved, "posts": args.posts, "seed": args.seed,
        "saving_per_watch_ms": round(saving * 1000 / max(saved, 1), 2),
        "index_compile_ms": round(compile_ms, 1), "index_size": index.size,
        "index_rebuild_after_one_new_watch_ms": round(rebuild_ms, 1),
        "candidates_median_ms": round(statistics.median(candidate_ms), 3),
        "candidates_p95_ms": round(_percentile(candidate_ms, 0.95), 3),
        "candidates_and_evaluation_median_ms": round(statistics.median(evaluate_ms), 3),
        "candidates_and_evaluation_p95_ms": round(_percentile(evaluate_ms, 0.95), 3),
        "candidates_per_post_median": statistics.median(candidates),
        "candidates_per_post_p95": _percentile(candidates, 0.95),
        "confirmed_per_post_median": statistics.median(confirmed),
        "confirmed_per_post_p95": _percentile(confirmed, 0.95),
        "match_median_ms": round(statistics.median(match_ms), 2),
        "match_p95_ms": round(_percentile(match_ms, 0.95), 2),
        "matches_per_post_median": statistics.median(matched),
        "matches_total": sum(matched),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--watches", type=int, default=10000)
    parser.add_argument("--posts", type=int, default=400)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)
    if min(args.people, args.watches, args.posts) < 1:
        print("--people, --watches and --posts must be at least 1", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="essaim-watches-") as data_dir:
        _setup(data_dir)
        os.environ.setdefault("ESSAIM_SEARCH_ENGINE", "sqlite")
        print(json.dumps(run(args), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
