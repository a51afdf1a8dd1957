"""Listening on real-time channels while an action runs (the in-process broker)."""

from __future__ import annotations

from asgiref.sync import async_to_sync, sync_to_async

from essaim.realtime.broker import broker


def collect(listen_on: list[str], action, *, quiet: float = 0.2) -> list[tuple[str, dict]]:
    """Run ``action`` (synchronous, with the database) while listening on channels; returns
    every (channel, message) received until ``quiet`` seconds pass without one."""

    async def scenario():
        sub = broker().subscription()
        await sub.subscribe(*listen_on)
        await sync_to_async(action)()
        got = []
        while (item := await sub.get(timeout=quiet)) is not None:
            got.append(item)
        await sub.close()
        return got

    return async_to_sync(scenario)()
