"""Search at company size: bulk reindexing, the indexing cost of one post, and query latency
with the visibility policy applied.

    uv run python -m benchmarks.search [--users 1000 --posts 100000 --queries 200 --seed 1]
    uv run python -m benchmarks.search --postgres postgresql://postgres@127.0.0.1:5432/postgres

Seeds a company with ``essaim seed`` (embedded: into ``benchmarks/.data/search-U-P-S/``, kept
for later runs; ``--postgres``: a database ``essaim_search_U_P_S`` on that server), then:

* **reindex**: ``essaim search reindex --all`` over every post, person, community and
  artefact, in documents per second;
* **one post**: the after-commit indexing task of one new post (``index_objects``), median
  and 95th percentile over 200 posts;
* **queries** as an ordinary employee, through ``essaim.search.queries.search`` (the engine,
  then the policy, the count and the first page of 20): one word, two words, a phrase, a
  filtered query (``from:@person word``) and a prefix typed while searching (three to five
  letters), words drawn from the company's own posts; median and 95th percentile per kind.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

KINDS = ("one word", "two words", "phrase", "filtered", "prefix")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _env(args) -> dict:
    env = {"DJANGO_SETTINGS_MODULE": "essaim.config.settings",
           "ESSAIM_TASK_BACKEND": "immediate"}
    name = f"search-{args.users}-{args.posts}-{args.seed}"
    data = Path("benchmarks/.data") / name
    data.mkdir(parents=True, exist_ok=True)
    env["ESSAIM_DATA_DIR"] = str(data.resolve())
    if args.postgres:
        import psycopg

        db = name.replace("-", "_").replace("search", "essaim_search")
        with psycopg.connect(args.postgres, autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                (db,)).fetchone():
                conn.execute(f'CREATE DATABASE "{db}"')
        env["ESSAIM_DATABASE_URL"] = args.postgres.rsplit("/", 1)[0] + "/" + db
    return env


def _seed(args, env: dict) -> None:
    run = {**os.environ, **env}
    subprocess.run([sys.executable, "-m", "essaim", "migrate"], env=run, check=True,
                   capture_output=True)
    probe = subprocess.run([sys.executable, "-c",
                            "import django; django.setup(); "
                            "from essaim.posts.models import Post; print(Post.objects.count())"],
                           env=run, check=True, capture_output=True, text=True)
    if int(probe.stdout.strip() or 0) == 0:
        subprocess.run([sys.executable, "-m", "essaim", "seed", "--users",  # noqa: S603
                        str(args.users), "--posts", str(args.posts), "--seed", str(args.seed)],
                       env=run, check=True)


def _measure(args) -> dict:
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from essaim.posts.actions import do_create_post
    from essaim.posts.models import Post, Visibility
    from essaim.search.engine import search_engine
    from essaim.search.indexing import index_objects, reindex
    from essaim.search.models import Kind
    from essaim.search.queries import search
    from essaim.text import words

    rng = random.Random(args.seed)
    report: dict = {"engine": search_engine().name, "users": args.users, "posts": args.posts}
    started = time.perf_counter()
    counts = reindex(everything=True)
    seconds = time.perf_counter() - started
    written = sum(v for k, v in counts.items() if k not in ("seconds_ms", "per_second"))
    report["reindex_documents"] = written
    report["reindex_per_second"] = int(written / seconds)

    User = get_user_model()
    people = list(User.objects.filter(is_active=True, kind="employee", is_official=False)
                  .order_by("id").values_list("id", flat=True))
    viewer = User.objects.get(pk=rng.choice(people))
    author = User.objects.get(pk=rng.choice(people))
    sample = list(Post.objects.filter(relay_of__isnull=True, visibility__in=[
        Visibility.PUBLIC, Visibility.COMPANY]).order_by("?")[:400]
        .values_list("text", "author__username"))
    vocab = [(w, name) for text, name in sample for w in words(text) if len(w) >= 5]
    sequences = []
    for text, _name in sample:
        found = [w for w in words(text) if len(w) >= 4]
        sequences.extend(zip(found, found[1:], strict=False))

    new_ids = [do_create_post(author, f"Note {i} : {rng.choice(vocab)[0]} et "
                              f"{rng.choice(vocab)[0]}", rate_limit=False).id
               for i in range(args.new_posts)]
    one = []
    for pid in new_ids:
        t0 = time.perf_counter()
        index_objects(Kind.POST, [pid])
        one.append((time.perf_counter() - t0) * 1000)
    report["index_one_post_median_ms"] = round(statistics.median(one), 2)
    report["index_one_post_p95_ms"] = round(_percentile(one, 0.95), 2)

    def query(kind: str) -> str:
        word, name = rng.choice(vocab)
        if kind == "one word":
            return word + " "
        if kind == "two words":
            return f"{word} {rng.choice(vocab)[0]} "
        if kind == "phrase":
            a, b = rng.choice(sequences)
            return f'"{a} {b}"'
        if kind == "filtered":
            return f"from:@{name} {word} "
        return word[:rng.randint(3, 5)]

    from essaim.core.errors import ValidationFailed

    for kind in KINDS:
        timings, totals = [], []
        while len(timings) < args.queries:
            q = query(kind)
            t0 = time.perf_counter()
            try:
                page = search(viewer, q, "posts", limit=20)
            except ValidationFailed:  # only stop words, say: not a query anyone runs twice
                continue
            timings.append((time.perf_counter() - t0) * 1000)
            totals.append(page.total)
        key = kind.replace(" ", "_")
        report[f"{key}_median_ms"] = round(statistics.median(timings), 1)
        report[f"{key}_p95_ms"] = round(_percentile(timings, 0.95), 1)
        report[f"{key}_results_median"] = statistics.median(totals)
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=200, help="per kind of query")
    parser.add_argument("--new-posts", type=int, default=200)
    parser.add_argument("--postgres", help="a PostgreSQL server URL (seeds a database there)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_measure(args)))
        return 0
    env = _env(args)
    _seed(args, env)
    child = [sys.executable, "-m", "benchmarks.search", "--child", "--users", str(args.users),
             "--posts", str(args.posts), "--seed", str(args.seed), "--queries",
             str(args.queries), "--new-posts", str(args.new_posts)]
    out = subprocess.run(child, env={**os.environ, **env}, check=True,  # noqa: S603
                         capture_output=True, text=True)
    print(json.dumps(json.loads(out.stdout.strip().splitlines()[-1]), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
