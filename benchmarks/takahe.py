"""The Takahē workload (``--workload takahe``): a small company built from nothing.

200 people each following 50 others; 2,000 posts through the Mastodon API
(``POST /api/v1/statuses``, 8 clients), then 2,000 home reads through the Mastodon API
(``GET /api/v1/timelines/home``, 8 clients), with the stack's floor measured in the same run.
The company is rebuilt at every run (a fresh data directory, or a fresh PostgreSQL database and
an emptied Redis database in scale mode), so runs compare.
"""

from __future__ import annotations

import random
import shutil

from . import processes, workloads
from .company import Company, _create_database, setup_django
from .loadclient import fixed_count
from .processes import essaim

PEOPLE, FOLLOWS, POSTS, READS = 200, 50, 2_000, 2_000
STATUSES = "/api/v1/statuses"


def build(found: Company, log=print) -> dict[int, str]:
    """A fresh company of PEOPLE employees following FOLLOWS others each; their tokens."""
    shutil.rmtree(found.data_dir, ignore_errors=True)
    found.data_dir.mkdir(parents=True)
    env = found.env()
    if found.mode == "scale":
        from urllib.parse import urlsplit, urlunsplit

        import psycopg
        import redis

        parts = urlsplit(found.database_url)
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")),
                             autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')
        _create_database(found.database_url)
        redis.Redis.from_url(found.redis_url).flushdb()
    essaim("migrate", env=env)
    setup_django(env)
    from django.contrib.auth import get_user_model

    from essaim.graph.models import Follow

    User = get_user_model()
    people = [User(username=f"member{i:03d}", display_name=f"Member {i}",
                   email=f"member{i:03d}@example.com") for i in range(PEOPLE)]
    for person in people:
        person.set_unusable_password()
    User.objects.bulk_create(people)
    ids = list(User.objects.filter(username__startswith="member").order_by("id")
               .values_list("id", flat=True))
    rng = random.Random(5)
    Follow.objects.bulk_create([
        Follow(follower_id=me, followee_id=other)
        for me in ids for other in rng.sample([i for i in ids if i != me], FOLLOWS)])
    names = [f"member{i:03d}" for i in range(PEOPLE)]
    tokens = essaim("token", *names, env=env).split()
    log(f"built {found.name}: {PEOPLE} people, {PEOPLE * FOLLOWS} follows")
    return dict(zip(ids, tokens, strict=True))


async def _posting(port: int, tokens: list[str], clients: int) -> dict:
    rng = random.Random(6)

    async def post(conn):
        return await conn.request("POST", STATUSES, token=rng.choice(tokens), payload={
            "status": f"Takahē workload {rng.random():.8f}", "visibility": "public"})

    floor = await workloads.reads(port, workloads.FLOOR, [None], clients=clients, seconds=5)
    posting = workloads.summary(await fixed_count("127.0.0.1", port, post, clients=clients,
                                                  total=POSTS))
    return {"floor": floor, "posts": posting}


async def _reading(port: int, tokens: list[str], clients: int) -> dict:
    rng = random.Random(7)

    async def read(conn):
        return await conn.request("GET", workloads.MASTODON_HOME, token=rng.choice(tokens))

    return workloads.summary(await fixed_count("127.0.0.1", port, read, clients=clients,
                                               total=READS))


def _wait_for_delivery(timeout: float = 600) -> float:
    """Seconds until the task workers have no fan-out left (scale mode): the reads then
    measure reading, not reading while the workers still deliver the 2,000 posts."""
    import time

    from django_tasks import task_backends

    backend = task_backends["default"]
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        busy = backend.stats()["queued"] + sum(
            backend.client.llen(key) for key in backend.client.scan_iter(
                match=backend.processing_key("*")))
        if not busy:
            break
        time.sleep(0.2)
    return round(time.monotonic() - started, 1)


def run(found: Company, args, log=print) -> dict:
    import asyncio

    tokens = list(build(found, log).values())
    env = found.env(ESSAIM_WEB_THREADS=str(args.web_threads))
    tasks = args.task_workers if found.mode == "scale" else 0
    running = processes.start(env, web_workers=args.web_workers, task_workers=tasks,
                              log_dir=found.data_dir / "logs")
    try:
        results = asyncio.run(_posting(running.port, tokens, args.clients))
        if tasks:
            results["delivered_after_posting_s"] = _wait_for_delivery()
        results["mastodon_home"] = asyncio.run(_reading(running.port, tokens, args.clients))
        results["mastodon_home"]["vs_floor"] = round(
            results["mastodon_home"]["req_per_s"] / results["floor"]["req_per_s"], 3)
        results["web_rss_mb"] = running.web_rss_mb()
    finally:
        running.stop()
    return results
