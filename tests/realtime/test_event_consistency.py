"""A client that keeps a home timeline from the stream ends where a fresh read ends.

State before + the events received = state after (the way Zulip tests its event system), with
real commits: nothing reaches the stream before its transaction commits, and every message has
the documented shape.
"""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync, sync_to_async

from essaim.core.pagination import Cursor
from essaim.graph.actions import do_follow
from essaim.posts.actions import do_create_post, do_delete_post, do_edit_post, do_like, do_relay
from essaim.posts.models import Visibility
from essaim.realtime import channels
from essaim.realtime.broker import broker
from essaim.timelines import queries as timelines

from .streams import collect

POST_EVENTS = {"update", "delete", "status.update"}
VISIBILITIES = {str(v) for v in Visibility.values}


@pytest.fixture(autouse=True)
def _broker(fresh_broker):
    """Every test here listens on a new in-process broker."""


def _collect(listen_on, action):
    return collect(listen_on, action, quiet=0.3)


def _home_ids(viewer) -> set[str]:
    return {str(p.id) for p in timelines.home(viewer, Cursor(limit=40)).posts}


def _apply(state: set[str], events: list[tuple[str, dict]]) -> set[str]:
    state = set(state)
    for _channel, message in events:
        if message["event"] == "update":
            state.add(message["id"])
        elif message["event"] == "delete":
            state.discard(message["id"])
    return state


def _assert_shape(message: dict) -> None:
    if message["event"] in POST_EVENTS:
        assert set(message) == {"event", "id", "visibility", "author_id"}
        assert message["visibility"] in VISIBILITIES
        assert message["author_id"].isdigit()
    else:
        assert message["event"] == "notification"
        assert set(message) == {"event", "id"}
    assert message["id"].isdigit()


def test_a_home_kept_from_the_stream_equals_a_fresh_home_read(transactional_db, alice, bob,
                                                              carol, make_user):
    dave = make_user("dave")
    do_follow(bob, alice)
    do_follow(bob, carol)
    kept = do_create_post(alice, "Already there before the client connected")
    state = _home_ids(bob)
    assert str(kept.id) in state

    def activity():
        news = do_create_post(alice, "Quarterly results are out")
        do_create_post(alice, "A thought for my followers", visibility="followers")
        outside = do_create_post(dave, "Dave speaks, bob does not follow him")
        do_relay(carol, outside.id)  # reaches bob through carol
        do_create_post(alice, "Psst @carol", visibility="direct")
        do_edit_post(alice, news.id, "Quarterly results are out (corrected)")
        do_like(carol, news.id)
        gone = do_create_post(carol, "Posted by mistake")
        do_delete_post(carol, gone.id)
        do_delete_post(alice, kept.id)

    events = _collect([channels.user(bob.id)], activity)
    for _channel, message in events:
        _assert_shape(message)
    assert _apply(state, events) == _home_ids(bob)
    assert str(kept.id) not in _home_ids(bob)


def test_nothing_reaches_the_stream_before_the_transaction_commits(transactional_db, alice,
                                                                  bob):
    from django.db import transaction

    do_follow(bob, alice)
    seen_inside: list = []

    async def scenario():
        sub = broker().subscription()
        await sub.subscribe(channels.user(bob.id))

        def write():
            with transaction.atomic():
                do_create_post(alice, "Written, not yet committed")
                seen_inside.append(async_to_sync(sub.get)(timeout=0.2))

        await sync_to_async(write)()
        after = await sub.get(timeout=0.5)
        await sub.close()
        return after

    after = async_to_sync(scenario)()
    assert seen_inside == [None]
    assert after is not None and after[1]["event"] == "update"
