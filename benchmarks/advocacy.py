"""Ambassadors' costs: the tracked link under a steady 200 req/s, and what noting internal
views adds to home reads (the same server, views on then off, alternated).

    uv run python -m benchmarks.advocacy [--users 200 --posts 2000 --seconds 10]

Seeds a small company into a temporary data directory (SQLite), starts ``essaim serve`` with
two worker processes, and drives it over HTTP from this process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from .loadclient import Connection, closed_loop
from .processes import clean_env, essaim, start

PREPARE = """
import json
import django
django.setup()
from django.contrib.auth import get_user_model
from essaim.advocacy.actions import do_get_share_link
from essaim.oauth.actions import do_issue_token
from essaim.posts.actions import do_create_post
User = get_user_model()
people = list(User.objects.filter(kind="employee", is_official=False).order_by("id")[:40])
post = do_create_post(people[0], "Benchmark announcement", visibility="public", rate_limit=False)
codes = [do_get_share_link(p, post.id).code for p in people[1:21]]
tokens = [do_issue_token(p, "read")[1] for p in people[:8]]
print(json.dumps({"codes": codes, "tokens": tokens}))
"""


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else 0.0


async def paced_links(port: int, codes: list[str], *, rate: float, seconds: float,
                      clients: int = 8) -> dict:
    """``clients`` connections together sending ``rate`` requests per second to tracked links,
    each from a different browser (so every request takes the counting path)."""
    interval = clients / rate
    latencies: list[float] = []
    errors = 0
    end = time.perf_counter() + seconds

    async def client(n: int) -> None:
        nonlocal errors
        conn = Connection("127.0.0.1", port)
        sent, due = 0, time.perf_counter() + n * interval / clients
        while due < end:
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            agent = f"Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 bench-{n}-{sent}"
            response = await conn.request("GET", f"/s/{codes[sent % len(codes)]}?via=linkedin",
                                          headers={"User-Agent": agent})
            if response.status != 302:
                errors += 1
            latencies.append(response.seconds)
            sent += 1
            due += interval
        await conn.close()

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    took = time.perf_counter() - started
    return {"requests": len(latencies), "rate": round(len(latencies) / took, 1),
            "p50_ms": round(_pct(latencies, 0.5), 2), "p95_ms": round(_pct(latencies, 0.95), 2),
            "errors": errors}


async def home_reads(port: int, tokens: list[str], seconds: float) -> float:
    turn = iter(range(10**9))

    async def job(conn: Connection):
        return await conn.request("GET", "/api/v1/timelines/home?limit=20",
                                  token=tokens[next(turn) % len(tokens)])

    result = await closed_loop("127.0.0.1", port, job, clients=8, seconds=seconds, warmup=1)
    return result.rate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    data = Path(tempfile.mkdtemp(prefix="essaim-bench-advocacy-"))
    base = {"ESSAIM_DATA_DIR": str(data), "ESSAIM_RATE_VISIT": "1000000/60",
            "ESSAIM_RATE_LOGIN": "100000/60"}
    env = clean_env(**base)
    essaim("migrate", env=env)
    essaim("seed", "--users", str(args.users), "--posts", str(args.posts), env=env)
    prepared = json.loads(
        __import__("subprocess").run([sys.executable, "-c", PREPARE], env=env, check=True,
                                     capture_output=True, text=True).stdout)
    report: dict = {"users": args.users, "posts": args.posts, "seconds": args.seconds}
    reads: dict[str, list[float]] = {"on": [], "off": []}
    for _round in range(args.rounds):
        for views in ("on", "off"):
            running = start(clean_env(**base, ESSAIM_INTERNAL_VIEWS="1" if views == "on"
                                      else "0"), web_workers=2, task_workers=0,
                            log_dir=data / "logs")
            try:
                reads[views].append(asyncio.run(home_reads(running.port, prepared["tokens"],
                                                           args.seconds)))
                if views == "on" and "tracked_link" not in report:
                    report["tracked_link"] = asyncio.run(paced_links(
                        running.port, prepared["codes"], rate=200, seconds=args.seconds))
            finally:
                running.stop()
    on, off = statistics.median(reads["on"]), statistics.median(reads["off"])
    report["home_reads_per_s"] = {"views_on": round(on, 1), "views_off": round(off, 1),
                                  "ratio_on_off": round(on / off, 3) if off else None,
                                  "runs": reads}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
