"""Relevance of search on the judged set, on both engines, and how much their top 10 agree.

    uv run python -m benchmarks.relevance [--postgres postgresql://postgres@127.0.0.1:5432/postgres]

Runs the judged set of ``tests/search/relevance.py`` (100 French and English queries over
50 subjects) on a fresh embedded database (SQLite FTS5) and, with ``--postgres``, on a fresh
PostgreSQL database (its full-text engine), each in its own process; reports nDCG@10 per
engine, the queries under 0.5, and the mean overlap of the two engines' top 10 (the share of
results in common, over queries where either found something).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import uuid


def ndcg_at_10(ranked: list[str], relevant: set[str]) -> float:
    gains = sum(1 / math.log2(rank + 2) for rank, key in enumerate(ranked[:10])
                if key in relevant)
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(10, len(relevant))))
    return gains / ideal if ideal else 1.0


def _one_engine() -> dict:
    """In this process: migrate, post the judged set, run its queries."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from essaim.accounts.actions import do_create_user
    from essaim.posts.actions import do_create_post
    from essaim.search.engine import search_engine
    from essaim.search.queries import search
    from tests.search.relevance import judged

    author, _ = do_create_user("author", password="correct horse battery", validate=False)
    reader, _ = do_create_user("reader", password="correct horse battery", validate=False)
    posts, queries = judged()
    key_of = {do_create_post(author, text, rate_limit=False).id: key for key, text in posts}
    ranked = {}
    for query, _relevant in queries:
        ranked[query] = [key_of[p.id] for p in search(reader, query, "posts", limit=10).items]
    return {"engine": search_engine().name, "ranked": ranked}


def _run(env: dict) -> dict:
    out = subprocess.run([sys.executable, "-m", "benchmarks.relevance", "--child"],
                         env={**os.environ, **env}, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _report(result: dict, queries) -> dict:
    scores = {q: ndcg_at_10(result["ranked"][q], relevant) for q, relevant in queries}
    return {"engine": result["engine"], "queries": len(scores),
            "ndcg_at_10": round(sum(scores.values()) / len(scores), 4),
            "under_0_5": sorted(q for q, s in scores.items() if s < 0.5)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", help="a PostgreSQL server URL (a database is created)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_one_engine()))
        return 0
    sys.path.insert(0, os.getcwd())
    from tests.search.relevance import judged

    _posts, queries = judged()
    base = {"DJANGO_SETTINGS_MODULE": "essaim.config.settings",
            "ESSAIM_TASK_BACKEND": "immediate"}
    results = []
    with tempfile.TemporaryDirectory(prefix="essaim-relevance-") as data_dir:
        results.append(_run({**base, "ESSAIM_DATA_DIR": data_dir}))
        if args.postgres:
            import psycopg

            name = f"essaim_relevance_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(args.postgres, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            try:
                url = args.postgres.rsplit("/", 1)[0] + "/" + name
                results.append(_run({**base, "ESSAIM_DATA_DIR": data_dir,
                                     "ESSAIM_DATABASE_URL": url}))
            finally:
                with psycopg.connect(args.postgres, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    report = {"engines": [_report(r, queries) for r in results]}
    if len(results) == 2:
        shares = []
        for query, _relevant in queries:
            a, b = set(results[0]["ranked"][query]), set(results[1]["ranked"][query])
            if a or b:
                shares.append(len(a & b) / max(len(a), len(b)))
        report["top10_overlap"] = round(sum(shares) / len(shares), 4)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
