"""kill -9 in the middle of a fan-out: once a worker runs again, every post reaches every
follower's home, once. A real ``essaim worker`` process, on PostgreSQL and Redis."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection
from django_tasks import task_backends

from essaim.importers.company import UserRow, do_import_follows, do_import_users
from essaim.posts.actions import do_create_post
from essaim.timelines.engine.db import DatabaseTimelineStore
from essaim.timelines.models import TimelineEntry

DATABASE_URL = os.environ.get("ESSAIM_TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("ESSAIM_TEST_REDIS_URL", "")
FOLLOWERS, POSTS, BATCH = 300, 40, 20

pytestmark = pytest.mark.skipif(
    not (DATABASE_URL and REDIS_URL),
    reason="a worker process needs a shared database and Redis: set "
           "ESSAIM_TEST_DATABASE_URL (PostgreSQL) and ESSAIM_TEST_REDIS_URL")


def _store(kind: str):
    if kind == "database":
        return DatabaseTimelineStore()
    from essaim.timelines.engine.redis import RedisTimelineStore

    return RedisTimelineStore(url=REDIS_URL)


def _worker_env(tmp_path, store: str, prefix: str) -> dict:
    parts = urlsplit(DATABASE_URL)
    test_db = urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ESSAIM_")}
    env.update({
        "DJANGO_SETTINGS_MODULE": "essaim.config.settings", "ESSAIM_DATA_DIR": str(tmp_path),
        "ESSAIM_SECRET_KEY": "worker-test", "ESSAIM_DATABASE_URL": test_db,
        "ESSAIM_REDIS_URL": REDIS_URL, "ESSAIM_TASK_BACKEND": "redis",
        "ESSAIM_TASK_PREFIX": prefix, "ESSAIM_FANOUT_BATCH": str(BATCH),
        "ESSAIM_TIMELINE_STORE": "db" if store == "database" else "redis",
    })
    return env


def _company() -> tuple[int, list[int]]:
    rows = [UserRow(username="author")] + [UserRow(username=f"f{i}") for i in range(FOLLOWERS)]
    ids = do_import_users(rows, password_hash=make_password("unused"))
    followers = [ids[f"f{i}"] for i in range(FOLLOWERS)]
    do_import_follows([(f, ids["author"]) for f in followers])
    return ids["author"], followers


def _delivered(store, followers: list[int]) -> int:
    """Entries in the followers' timelines (all empty before the posts): one cheap call."""
    if isinstance(store, DatabaseTimelineStore):
        return TimelineEntry.objects.filter(owner_id__in=followers).count()
    pipe = store.client.pipeline()
    for owner in followers:
        pipe.zcard(store.key(owner))
    return sum(pipe.execute())


def _kill_mid_task(process, backend, progress, total: int) -> int:
    """SIGKILL the worker while it holds a message it has not finished, part-way through."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.01)
        process.send_signal(signal.SIGSTOP)
        workers = [w.decode() for w in backend.client.hkeys(backend.key("workers"))]
        busy = any(backend.client.llen(backend.processing_key(w)) for w in workers)
        done = progress()
        if busy and total * 0.2 <= done <= total * 0.8:
            process.kill()
            process.wait()
            return done
        process.send_signal(signal.SIGCONT)
        assert done < total * 0.8, "the fan-out ended before the worker could be killed"
    raise AssertionError("the worker made no progress")


@pytest.mark.parametrize("store_kind", ["database", "redis"])
def test_a_worker_killed_mid_fan_out_loses_and_duplicates_nothing(
        transactional_db, settings, tmp_path, store_kind):
    prefix = f"essaim:crash-test:{uuid.uuid4().hex}"
    settings.TASKS = {"default": {"BACKEND": "essaim.core.tasks_redis.RedisTaskBackend",
                                  "OPTIONS": {"url": REDIS_URL, "prefix": prefix}}}
    backend, store = task_backends["default"], _store(store_kind)
    author_id, followers = _company()
    for owner in followers:
        store.clear(owner)  # everyone has read their home lately
    from django.contrib.auth import get_user_model

    author = get_user_model().objects.get(pk=author_id)
    posts = {do_create_post(author, f"Update {i}", rate_limit=False).id for i in range(POSTS)}
    total = FOLLOWERS * POSTS
    env = _worker_env(tmp_path, store_kind, prefix)
    command = [sys.executable, "-m", "essaim", "worker"]
    first = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)  # noqa: S603
    try:
        done = _kill_mid_task(first, backend, lambda: _delivered(store, followers), total)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert 0 < done < total
    second = subprocess.run([*command, "--burst"], env=env, capture_output=True,  # noqa: S603
                            text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    for owner in followers:
        held = [pid for pid, _source in store.entries(owner)]
        assert sorted(held) == sorted(posts), f"home of follower {owner}"
    assert backend.stats() == {"queued": 0, "delayed": 0, "failed": 0, "workers": 0}
    keys = list(backend.client.scan_iter(match=f"{prefix}*"))
    if keys:
        backend.client.delete(*keys)
