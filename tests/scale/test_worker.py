"""The Redis task queue and its worker, run in this process against a real Redis."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import uuid

import pytest
from django_tasks import task, task_backends

from essaim.core.tasks_redis import Message
from essaim.core.worker import Worker
from essaim.graph.actions import do_follow
from essaim.notifications.models import Notification
from essaim.posts.actions import do_create_post
from essaim.timelines.store import timeline_store
from essaim.timelines.tasks import deliver_post

REDIS_URL = os.environ.get("ESSAIM_TEST_REDIS_URL", "")
needs_redis = pytest.mark.skipif(not REDIS_URL, reason="needs ESSAIM_TEST_REDIS_URL")


@task()
def always_fails(label: str) -> None:
    raise RuntimeError(label)


@pytest.fixture
def queue(settings):
    """The Redis task backend, in a key space of its own."""
    prefix = f"essaim:test-tasks:{uuid.uuid4().hex}"
    settings.TASKS = {"default": {"BACKEND": "essaim.core.tasks_redis.RedisTaskBackend",
                                  "OPTIONS": {"url": REDIS_URL, "prefix": prefix}}}
    backend = task_backends["default"]
    yield backend
    keys = list(backend.client.scan_iter(match=f"{prefix}*"))
    if keys:
        backend.client.delete(*keys)


def stored_ids(user) -> list[int]:
    return [pid for pid, _source in timeline_store().entries(user.id)]


def test_delivering_a_post_twice_adds_and_notifies_once(alice, bob):
    do_follow(bob, alice)
    post = do_create_post(alice, "Hello @bob")
    deliver_post.call(post.id)
    assert stored_ids(bob).count(post.id) == 1
    assert Notification.objects.filter(recipient=bob, post=post).count() == 1


@needs_redis
def test_a_queued_post_is_delivered_when_the_worker_runs(queue, alice, bob):
    do_follow(bob, alice)
    post = do_create_post(alice, "Queued")
    assert post.id not in stored_ids(bob)
    queued = queue.stats()["queued"]  # delivery, plus the indexers' tasks
    assert queued >= 1
    assert Worker(queue).run(burst=True) == queued
    assert post.id in stored_ids(bob)
    assert queue.stats() == {"queued": 0, "delayed": 0, "failed": 0, "workers": 0}


@needs_redis
def test_essaim_worker_burst_runs_the_queue_and_stops(queue, alice, bob, capsys):
    from essaim.cli import main

    do_follow(bob, alice)
    post = do_create_post(alice, "Through the command line")
    queued = queue.stats()["queued"]
    assert main(["worker", "--burst"]) == 0
    assert f"Ran {queued} task" in capsys.readouterr().out
    assert post.id in stored_ids(bob)


@needs_redis
def test_a_failing_task_is_retried_then_kept_among_the_failed(db, queue, settings):
    settings.ESSAIM_TASK_MAX_ATTEMPTS = 2
    always_fails.enqueue("boom")
    assert Worker(queue).run(burst=True) == 0
    assert queue.stats()["failed"] == 1
    failed = Message(queue.client.lindex(queue.key("failed"), 0))
    assert failed.attempts == 2 and failed.data["args"] == ["boom"]


@needs_redis
def test_the_unfinished_work_of_a_dead_worker_is_taken_back(queue, alice, bob):
    do_follow(bob, alice)
    post = do_create_post(alice, "Interrupted")
    dead_pid = _a_finished_process_id()
    queue.client.hset(queue.key("workers"), "ghost",
                      json.dumps({"host": socket.gethostname(), "pid": dead_pid}))
    taken = 0
    while queue.client.lmove(queue.queue_key("default"), queue.processing_key("ghost"),
                             "RIGHT", "LEFT"):
        taken += 1
    assert taken >= 1 and queue.stats()["queued"] == 0
    assert Worker(queue).run(burst=True) == taken
    assert post.id in stored_ids(bob)
    assert queue.client.llen(queue.processing_key("ghost")) == 0


def _a_finished_process_id() -> int:
    process = subprocess.Popen(["true"])  # noqa: S607
    process.wait()
    return process.pid
