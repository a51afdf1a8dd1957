"""The benchmark runner: ``uv run python -m benchmarks.run`` (see benchmarks/README.md).

One run = one company (seeded once, reused): start ``essaim serve`` (and ``essaim worker`` in
scale mode), drive the workloads over HTTP from this process, write a JSON result in
``benchmarks/results/`` and, with ``--record``, a line in ``benchmarks/RESULTS.md``.
``--suite`` runs the scaling curve: 1k and 10k users embedded, 100k on PostgreSQL + Redis,
each in its own process.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from . import processes, profile, workloads
from .company import company, prepare, setup_django
from .report import record

HERE = Path(__file__).resolve().parent
SUITE = [  # users, posts, mode
    (1_000, 100_000, "embedded"),
    (10_000, 1_000_000, "embedded"),
    (100_000, 1_000_000, "scale"),
]


def _visible_in_store(owner_id: int, post_id: int) -> bool:
    from django.db import close_old_connections

    from essaim.timelines.store import timeline_store

    close_old_connections()
    return bool(timeline_store().holders([owner_id], [post_id]))


def _profile_start(args, seconds: float) -> list:
    """py-spy on every web process during the home reads (``--profile``)."""
    if not args.profile:
        return []
    samplers = []
    for pid in args.web_pids:
        out = args.profile_dir / f"home-{pid}.txt"
        out.parent.mkdir(parents=True, exist_ok=True)
        sampler = profile.start(pid, seconds + 1, out)
        if sampler is not None:
            samplers.append((sampler, out))
    return samplers


async def _workloads(port: int, info: dict, args) -> dict:
    tokens = list(info["tokens"].values())
    out: dict = {}
    clients, seconds = args.clients, args.duration
    out["first_home_reads"] = await workloads.first_reads(port, workloads.HOME, tokens,
                                                          clients=clients)
    out["floor"] = await workloads.reads(port, workloads.FLOOR, [None], clients=clients,
                                         seconds=seconds)
    out["me"] = await workloads.reads(port, workloads.ME, tokens, clients=clients,
                                      seconds=seconds)
    if "announce" in args.workloads:  # first: it makes "news" a broadcaster for what follows
        readers = [info["tokens"][n] for n in info["news_readers"]][:args.readers]
        out["announcement"] = await workloads.announcement(port, info["news_token"], readers,
                                                           clients=clients)
    sampler = _profile_start(args, seconds)
    out["home"] = await workloads.reads(port, workloads.HOME, tokens, clients=clients,
                                        seconds=seconds)
    if sampler:
        for process, _path in sampler:
            process.wait()
        out["home_profile"] = profile.summarise([path for _process, path in sampler])
    out["home"]["vs_floor"] = round(out["home"]["req_per_s"] / out["floor"]["req_per_s"], 3)
    if await workloads.available(port, workloads.MASTODON_HOME, tokens[0]):
        out["mastodon_home"] = await workloads.reads(port, workloads.MASTODON_HOME, tokens,
                                                     clients=clients, seconds=seconds)
    if "post" in args.workloads:
        lags = await workloads.lag_probes(port, info["tokens"], info["pairs"],
                                          _visible_in_store, count=args.probes)
        out["lag_idle"] = workloads.lag_summary(lags)
        out["posting"], out["lag_under_load"], _ids = await workloads.posting(
            port, info["tokens"], info["pairs"], _visible_in_store, clients=clients,
            seconds=seconds)
    return out


def run_one(args) -> dict:
    found = company(args.users, args.posts, args.seed, args.mode, Path(args.data),
                    postgres=args.postgres, redis=args.redis)
    info = prepare(found, log=lambda line: print(line, flush=True))
    env = found.env(ESSAIM_WEB_THREADS=str(args.web_threads))
    setup_django(env)
    tasks = args.task_workers if args.mode == "scale" else 0
    running = processes.start(env, web_workers=args.web_workers, task_workers=tasks,
                              log_dir=found.data_dir / "logs")
    load_before = [round(x, 2) for x in os.getloadavg()]
    args.web_pids = running.web_pids()
    args.profile_dir = found.data_dir / "profiles"
    try:
        started = time.time()
        results = asyncio.run(_workloads(running.port, info, args))
        results["web_rss_mb"] = running.web_rss_mb()
        if args.mode == "scale":
            results["redis_timelines"] = redis_footprint(found.redis_url)
    finally:
        running.stop()
    if "engine" in args.workloads:
        from .engine import fanout_burst

        workers = processes.start_workers(env, tasks, found.data_dir / "logs") if tasks else None
        try:  # the workers alone (scale), or this process (embedded); no web server
            results["fanout_engine"] = fanout_burst(args.burst)
        finally:
            if workers is not None:
                workers.stop()
    return _envelope(found.name, args.users, args.posts, args, started, load_before, results,
                     {"clients": args.clients, "duration_s": args.duration,
                      "web_workers": args.web_workers, "web_threads": args.web_threads,
                      "task_workers": tasks})


def _envelope(name: str, users: int, posts: int, args, started: float, load_before: list,
              results: dict, settings: dict) -> dict:
    """One run's JSON: the company, the machine, the command, the load and the figures."""
    return {"company": name, "users": users, "posts": posts, "mode": args.mode,
            "machine": machine(),
            "command": "uv run python -m benchmarks.run " + " ".join(sys.argv[1:]),
            "started": dt.datetime.fromtimestamp(started, dt.UTC).isoformat(timespec="seconds"),
            "load_average": {"before": load_before,
                             "after": [round(x, 2) for x in os.getloadavg()]},
            "settings": settings, "results": results}


def run_takahe(args) -> dict:
    from . import takahe

    found = company(takahe.PEOPLE, takahe.POSTS, args.seed, args.mode,
                    Path(args.data) / "takahe", postgres=args.postgres, redis=args.redis)
    started = time.time()
    load_before = [round(x, 2) for x in os.getloadavg()]
    results = takahe.run(found, args, log=lambda line: print(line, flush=True))
    return _envelope("takahe-" + found.name, takahe.PEOPLE, takahe.POSTS, args, started,
                     load_before, results,
                     {"clients": args.clients, "web_workers": args.web_workers,
                      "web_threads": args.web_threads,
                      "task_workers": args.task_workers if args.mode == "scale" else 0})


def redis_footprint(url: str) -> dict:
    """How much Redis the cached home timelines take."""
    import redis

    client = redis.Redis.from_url(url)
    keys = entries = 0
    pipe = client.pipeline()
    for key in client.scan_iter(match="essaim:tl:*", count=1000):
        if not key.endswith(b":floor"):
            keys += 1
            pipe.zcard(key)
        if len(pipe) >= 1000:
            entries += sum(pipe.execute())
    entries += sum(pipe.execute())
    used = client.info("memory")["used_memory"]
    return {"timelines": keys, "entries": entries, "used_memory_mb": round(used / 2**20),
            "bytes_per_entry": round(used / entries) if entries else None}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(Path("/proc/meminfo").read_text().split()[1]) // (1024 * 1024)
    except OSError:
        mem = 0
    return (f"{os.cpu_count()} vCPU {cpu}, {mem} GB RAM, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suite", action="store_true", help="the scaling curve (3 companies)")
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mode", choices=["embedded", "scale"], default="embedded")
    parser.add_argument("--data", default=os.environ.get("ESSAIM_BENCH_DATA",
                                                         str(HERE / ".data")),
                        help="where seeded companies are kept (default benchmarks/.data)")
    parser.add_argument("--postgres", default=os.environ.get(
        "ESSAIM_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--redis", default=os.environ.get("ESSAIM_BENCH_REDIS",
                                                          "redis://127.0.0.1:6379/12"))
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=20, help="seconds per workload")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--task-workers", type=int, default=2)
    parser.add_argument("--web-threads", type=int, default=1,
                        help="ESSAIM_WEB_THREADS of the web processes (0: a thread per request)")
    parser.add_argument("--probes", type=int, default=100, help="idle fan-out lag probes")
    parser.add_argument("--readers", type=int, default=200, help="homes sampled (announcement)")
    parser.add_argument("--burst", type=int, default=2000, help="posts of the engine burst")
    parser.add_argument("--workloads", default="read,post,engine,announce",
                        help="comma-separated among read,post,engine,announce")
    parser.add_argument("--workload", choices=["company", "takahe"], default="company",
                        help="takahe: 200 people x 50 follows built from nothing, 2,000 posts "
                             "and 2,000 home reads through the Mastodon API (takahe.py)")
    parser.add_argument("--record", action="store_true", help="add a line to RESULTS.md")
    parser.add_argument("--profile", action="store_true",
                        help="sample a web process with py-spy during the home reads")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.workloads = set(args.workloads.split(","))
    if args.suite:
        return _suite(args, argv if argv is not None else sys.argv[1:])
    result = run_takahe(args) if args.workload == "takahe" else run_one(args)
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    path = out_dir / f"{stamp}-{result['company']}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result["results"], indent=2))
    print(f"written {path.relative_to(HERE.parent)}")
    if args.record:
        record(result, HERE / "RESULTS.md")
    return 0


def _suite(args, argv: list[str]) -> int:
    rest = [a for a in argv if a != "--suite"]
    for users, posts, mode in SUITE:
        command = [sys.executable, "-m", "benchmarks.run", *rest, "--users", str(users),
                   "--posts", str(posts), "--mode", mode]
        print("$", " ".join(command[1:]), flush=True)
        if subprocess.run(command, cwd=HERE.parent).returncode != 0:  # noqa: S603
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
