"""The workloads: reads, posting with fan-out lag, the fan-out engine, the announcement."""

from __future__ import annotations

import asyncio
import random
import statistics
import time

from .loadclient import Connection, LoadResult, closed_loop

HOME = "/api/essaim/v1/timelines/home?limit=20"
MASTODON_HOME = "/api/v1/timelines/home?limit=20"
FLOOR = "/api/v1/streaming/health"
ME = "/api/essaim/v1/accounts/me"
POSTS = "/api/essaim/v1/posts"


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))
    return ordered[index]


def summary(result: LoadResult) -> dict:
    ms = [x * 1000 for x in result.latencies]
    return {"requests": result.count, "req_per_s": round(result.rate, 1),
            "p50_ms": _round(percentile(ms, 50)), "p95_ms": _round(percentile(ms, 95)),
            "p99_ms": _round(percentile(ms, 99)), "errors": result.errors}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def lag_summary(lags: list[float]) -> dict:
    ms = [x * 1000 for x in lags]
    return {"samples": len(ms), "p50_ms": _round(percentile(ms, 50)),
            "p99_ms": _round(percentile(ms, 99)), "max_ms": _round(max(ms) if ms else None)}


# --- reads ---------------------------------------------------------------------------------

async def reads(port: int, path: str, tokens: list[str | None], *, clients: int,
                seconds: float) -> dict:
    rng = random.Random(1)

    async def job(conn: Connection):
        return await conn.request("GET", path, token=rng.choice(tokens))

    return summary(await closed_loop("127.0.0.1", port, job, clients=clients, seconds=seconds))


async def first_reads(port: int, path: str, tokens: list[str], *, clients: int) -> dict:
    """Each person reads ``path`` once, ``clients`` at a time: the first visit of the day.

    One person in ten of a seeded company has been away for weeks; their first read rebuilds
    their home timeline (fan-out skipped them). Run before the steady-state reads, so that
    those measure what people do all day long, and reported on its own.
    """
    queue = list(tokens)
    latencies: list[float] = []
    errors: dict[str, int] = {}

    async def one_client() -> None:
        conn = Connection("127.0.0.1", port)
        try:
            while queue:
                token = queue.pop()
                sent = time.perf_counter()
                response = await conn.request("GET", path, token=token)
                latencies.append(time.perf_counter() - sent)
                if response.status != 200:
                    errors[str(response.status)] = errors.get(str(response.status), 0) + 1
        finally:
            await conn.close()

    await asyncio.gather(*(one_client() for _ in range(clients)))
    ms = [x * 1000 for x in latencies]
    return {"requests": len(ms), "p50_ms": _round(percentile(ms, 50)),
            "p95_ms": _round(percentile(ms, 95)), "p99_ms": _round(percentile(ms, 99)),
            "max_ms": _round(max(ms) if ms else None), "errors": errors}


async def available(port: int, path: str, token: str) -> bool:
    conn = Connection("127.0.0.1", port)
    try:
        return (await conn.request("GET", path, token=token)).status == 200
    finally:
        await conn.close()


# --- posting and fan-out lag ---------------------------------------------------------------

async def _post(conn: Connection, token: str, text: str) -> tuple[int, float]:
    response = await conn.request("POST", POSTS, token=token, payload={"text": text})
    if response.status != 201:
        raise RuntimeError(f"posting failed: {response.status} {response.body[:200]!r}")
    return int(response.json()["id"]), time.perf_counter()


async def _lag_probe(conn: Connection, token: str, follower: int, visible, n: int) -> float:
    """Post, then watch the follower's home until the post is there: seconds after the POST
    returned (the home is the stored timeline for an account that is not a broadcaster)."""
    post_id, returned = await _post(conn, token, f"Lag probe {n}")
    deadline = returned + 30
    while not await asyncio.to_thread(visible, follower, post_id):
        if time.perf_counter() > deadline:
            raise RuntimeError(f"post {post_id} never reached {follower}")
        await asyncio.sleep(0.001)
    return time.perf_counter() - returned


async def lag_probes(port: int, tokens: dict, pairs: list, visible, *, count: int,
                     stop: asyncio.Event | None = None) -> list[float]:
    rng = random.Random(2)
    conn = Connection("127.0.0.1", port)
    lags = []
    try:
        for n in range(count):
            if stop is not None and stop.is_set():
                break
            poster, follower = rng.choice(pairs)
            lags.append(await _lag_probe(conn, tokens[poster], follower, visible, n))
            await asyncio.sleep(0.02)
    finally:
        await conn.close()
    return lags


async def posting(port: int, tokens: dict, pairs: list, visible, *, clients: int,
                  seconds: float) -> tuple[dict, dict, list[int]]:
    """Sustained posting by ``clients`` connections, with lag probes alongside."""
    rng = random.Random(3)
    names = list(tokens)
    created: list[int] = []

    async def job(conn: Connection):
        response = await conn.request("POST", POSTS, token=tokens[rng.choice(names)],
                                      payload={"text": f"Load post {rng.random():.8f}"})
        if response.status == 201:
            created.append(int(response.json()["id"]))
        return response

    stop = asyncio.Event()
    probes = asyncio.create_task(lag_probes(port, tokens, pairs, visible, count=10_000,
                                            stop=stop))
    load = await closed_loop("127.0.0.1", port, job, clients=clients, seconds=seconds)
    stop.set()
    lags = await probes
    return summary(load), lag_summary(lags), created


# --- the announcement ----------------------------------------------------------------------

async def announcement(port: int, news_token: str, readers: list[str], *,
                       clients: int) -> dict:
    """The news account posts; each sampled person reads their home until it shows there.

    Reports how many showed it at their very first read, and ``in_every_home_after_ms``: the
    latest moment, after the POST returned, at which a read began that did not show it yet (0
    when every read showed it: it was in every sampled home as soon as the POST answered).
    ``all_read_after_ms`` is when the last sampled home was read: how long the clients take to
    go through them all, a matter of read throughput rather than of delivery.
    """
    conn = Connection("127.0.0.1", port)
    try:
        sent = time.perf_counter()
        post_id, returned = await _post(conn, news_token, "Company announcement")
    finally:
        await conn.close()
    queue: asyncio.Queue = asyncio.Queue()
    for token in readers:
        queue.put_nowait(token)
    seen_at: list[float] = []
    missed_at: list[float] = []
    first_try = 0

    async def reader() -> None:
        nonlocal first_try
        client = Connection("127.0.0.1", port)
        try:
            while not queue.empty():
                token, tries = queue.get_nowait(), 0
                while True:
                    tries += 1
                    began = time.perf_counter() - returned
                    page = await client.request("GET", HOME, token=token)
                    if any(int(i["id"]) == post_id for i in page.json()["items"]):
                        seen_at.append(time.perf_counter() - returned)
                        first_try += tries == 1
                        break
                    missed_at.append(began)
                    if time.perf_counter() - returned > 60:
                        raise RuntimeError("the announcement did not reach every home")
        finally:
            await client.close()

    await asyncio.gather(*(reader() for _ in range(clients)))
    return {"post_ms": round((returned - sent) * 1000, 1),
            "sampled_homes": len(seen_at), "shown_at_first_read": first_try,
            "in_every_home_after_ms": round(max(missed_at, default=0) * 1000, 1),
            "all_read_after_ms": round(max(seen_at) * 1000, 1),
            "median_read_after_ms": round(statistics.median(seen_at) * 1000, 1)}
