"""What only the Redis store does: bound each timeline while pushing, forget and rebuild."""

from __future__ import annotations

import os
import uuid

import pytest

from essaim.core.pagination import Cursor
from essaim.graph.actions import do_follow
from essaim.posts.actions import do_create_post

REDIS_URL = os.environ.get("ESSAIM_TEST_REDIS_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="needs ESSAIM_TEST_REDIS_URL")


@pytest.fixture
def store(db):
    from essaim.timelines.engine.redis import RedisTimelineStore

    prefix = f"essaim:redis-test:{uuid.uuid4().hex}:"
    redis_store = RedisTimelineStore(url=REDIS_URL, prefix=prefix)
    yield redis_store
    keys = list(redis_store.client.scan_iter(match=f"{prefix}*"))
    if keys:
        redis_store.client.delete(*keys)


def test_pushing_past_the_bound_keeps_the_newest_and_reads_older_ones_from_the_database(
        store, alice, bob, settings):
    settings.ESSAIM_TIMELINE_MAX = 3
    do_follow(alice, bob)
    posts = [do_create_post(bob, f"Post {i}", rate_limit=False).id for i in range(7)]
    store.clear(alice.id)
    for pid in posts:
        store.push(pid, bob.id, [alice.id])
    assert [pid for pid, _source in store.entries(alice.id)] == posts[:-4:-1]
    assert store.page(alice.id, Cursor(limit=40)) == posts[::-1]
    assert store.page(alice.id, Cursor(max_id=posts[3], limit=2)) == [posts[2], posts[1]]


def test_a_forgotten_timeline_is_read_from_the_database_until_its_rebuild_task_ran(
        store, alice, bob):
    do_follow(alice, bob)
    posts = [do_create_post(bob, f"Post {i}", rate_limit=False).id for i in range(3)]
    store.forget(alice.id)
    assert store.entries(alice.id) == []
    assert store.page(alice.id, Cursor()) == posts[::-1]
    assert store.entries(alice.id) == []  # the read wrote no entry: a task rebuilds it
    store.rebuild(alice.id)
    assert [pid for pid, _source in store.entries(alice.id)] == posts[::-1]
    assert store.page(alice.id, Cursor()) == posts[::-1]


def test_a_push_to_a_forgotten_timeline_starts_it_and_older_posts_still_show(
        store, alice, bob):
    do_follow(alice, bob)
    older = do_create_post(bob, "Before").id
    newer = do_create_post(bob, "After").id
    store.forget(alice.id)
    store.push(newer, bob.id, [alice.id])
    assert store.entries(alice.id) == [(newer, bob.id)]
    assert store.page(alice.id, Cursor()) == [newer, older]


def test_removing_posts_sweeps_every_cached_timeline(store, make_user, alice):
    readers = [make_user() for _ in range(30)]
    post = do_create_post(alice, "Oops").id
    for reader in readers:
        store.clear(reader.id)
    store.push(post, alice.id, [r.id for r in readers])
    store.remove_posts([post])
    assert all(store.entries(r.id) == [] for r in readers)
