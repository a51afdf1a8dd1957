"""Requests run their synchronous code on a few long-lived threads per web process."""

from __future__ import annotations

import asyncio
import threading

from asgiref.sync import sync_to_async

from essaim.config.asgi import RequestLanes


def _thread_of_each(lanes: RequestLanes, requests: int, *, together: bool) -> list[int]:
    async def request() -> int:
        async with lanes.lane():
            ident = await sync_to_async(threading.get_ident)()
            await asyncio.sleep(0.01)  # still in flight while the others arrive
            return ident

    async def run() -> list[int]:
        if together:
            return list(await asyncio.gather(*(request() for _ in range(requests))))
        return [await request() for _ in range(requests)]

    return asyncio.run(run())


def test_one_request_after_another_reuses_the_same_thread():
    threads = _thread_of_each(RequestLanes(1), 5, together=False)
    assert len(set(threads)) == 1
    assert threads[0] != threading.get_ident()


def test_requests_in_flight_together_spread_over_the_lanes():
    threads = _thread_of_each(RequestLanes(2), 4, together=True)
    assert len(set(threads)) == 2
    assert threads.count(threads[0]) == 2
