"""The broker contract, run against every implementation: in-process, and Redis when
ESSAIM_TEST_REDIS_URL is set."""

from __future__ import annotations

import asyncio
import os
import threading
import uuid

import pytest

from essaim.realtime.broker.inprocess import InProcessBroker


def _redis_broker():
    from essaim.realtime.broker.redis import RedisBroker

    url = os.environ.get("ESSAIM_TEST_REDIS_URL")
    if not url:
        pytest.skip("set ESSAIM_TEST_REDIS_URL to run the Redis broker contract")
    return RedisBroker(url, prefix=f"essaim-test:{uuid.uuid4().hex[:8]}:")


@pytest.fixture(params=["inprocess", "redis"])
def broker(request):
    return InProcessBroker() if request.param == "inprocess" else _redis_broker()


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 10))


def test_it_delivers_messages_on_subscribed_channels_only(broker):
    async def scenario():
        sub = broker.subscription()
        await sub.subscribe("user:1", "public")
        broker.publish_many([("user:2", {"n": 0}), ("user:1", {"n": 1}), ("public", {"n": 2})])
        got = [await sub.get(timeout=2), await sub.get(timeout=2)]
        extra = await sub.get(timeout=0.2)
        await sub.close()
        return got, extra

    got, extra = run(scenario())
    assert got == [("user:1", {"n": 1}), ("public", {"n": 2})]
    assert extra is None


def test_it_stops_delivering_after_unsubscribe_and_close(broker):
    async def scenario():
        sub = broker.subscription()
        await sub.subscribe("hashtag:news", "user:5")
        await sub.unsubscribe("hashtag:news")
        broker.publish("hashtag:news", {"n": 1})
        broker.publish("user:5", {"n": 2})
        first = await sub.get(timeout=2)
        await sub.close()
        broker.publish("user:5", {"n": 3})
        return first, sub.channels

    first, channels = run(scenario())
    assert first == ("user:5", {"n": 2}) and channels == frozenset()


def test_it_gives_each_subscriber_its_own_copy(broker):
    async def scenario():
        subs = [broker.subscription() for _ in range(2)]
        for sub in subs:
            await sub.subscribe("list:9")
        broker.publish("list:9", {"items": [1]})
        got = [await sub.get(timeout=2) for sub in subs]
        got[0][1]["items"].append(2)
        for sub in subs:
            await sub.close()
        return got

    got = run(scenario())
    assert got[1] == ("list:9", {"items": [1]})


def test_it_accepts_publications_from_other_threads(broker):
    async def scenario():
        sub = broker.subscription()
        await sub.subscribe("user:7")
        thread = threading.Thread(target=broker.publish, args=("user:7", {"from": "thread"}))
        thread.start()
        got = await sub.get(timeout=2)
        thread.join()
        await sub.close()
        return got

    assert run(scenario()) == ("user:7", {"from": "thread"})


def test_it_times_out_quietly_when_nothing_comes(broker):
    async def scenario():
        sub = broker.subscription()
        await sub.subscribe("direct:3")
        got = await sub.get(timeout=0.1)
        await sub.close()
        return got

    assert run(scenario()) is None


def test_the_in_process_broker_publishes_only_when_someone_listens():
    broker = InProcessBroker()

    async def scenario():
        sub = broker.subscription()
        await sub.subscribe("user:1")
        listening = broker.listening("user:1")
        await sub.close()
        return listening

    assert run(scenario()) is True
    assert broker.listening("user:1") is False


def test_a_redis_subscription_reports_an_unreachable_server_as_a_connection_error():
    from essaim.realtime.broker.redis import RedisBroker

    broker = RedisBroker("redis://127.0.0.1:1/0")  # nothing listens on port 1

    async def scenario():
        sub = broker.subscription()
        try:
            await sub.subscribe("user:1")
        finally:
            await sub.close()

    with pytest.raises(ConnectionError):
        run(scenario())
    broker.publish("user:1", {"lost": True})  # publishing never raises
