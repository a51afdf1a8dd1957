"""The fan-out engine alone: timeline insertions per second, without HTTP in the way.

A burst of posts by the most-followed people is imported (no delivery), then delivered: by
this process with the embedded default (as the web process does after each post), or by the
running ``essaim worker`` processes through the Redis queue.
"""

from __future__ import annotations

import time


def _burst(count: int) -> list[int]:
    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from django.utils import timezone

    from essaim.importers.company import PostRow, do_import_posts

    User = get_user_model()
    authors = list(User.objects.filter(kind=User.Kind.EMPLOYEE, is_official=False,
                                       broadcaster__isnull=True)
                   .annotate(n=Count("follower_set")).order_by("-n")
                   .values_list("id", flat=True)[:100])
    now = timezone.now()
    rows = [PostRow(author_id=authors[i % len(authors)], created_at=now, salt=i,
                    text=f"Fan-out burst {i}") for i in range(count)]
    return do_import_posts(rows)


def _wait_for_drain(backend, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stats = backend.stats()
        busy = sum(backend.client.llen(k) for k in
                   backend.client.scan_iter(match=backend.key("processing", "*")))
        if stats["queued"] == 0 and stats["delayed"] == 0 and busy == 0:
            return
        time.sleep(0.01)
    raise RuntimeError("the task queue did not drain")


def fanout_burst(count: int) -> dict:
    from django_tasks import task_backends

    from essaim.core.worker import redis_backend
    from essaim.posts.models import Post
    from essaim.timelines.recipients import recipients
    from essaim.timelines.tasks import deliver_post

    ids = _burst(count)
    expected = sum(len(recipients(p, active_only=True))
                   for p in Post.objects.filter(id__in=ids).select_related("author"))
    backend = redis_backend()
    started = time.perf_counter()
    if backend is None:
        for post_id in ids:
            deliver_post.call(post_id)
        where = "in this process (embedded default)"
    else:
        for post_id in ids:
            deliver_post.enqueue(post_id)
        _wait_for_drain(backend)
        where = f"by the worker processes ({task_backends['default'].alias} Redis queue)"
    elapsed = time.perf_counter() - started
    return {"posts": count, "insertions": expected, "seconds": round(elapsed, 2),
            "insertions_per_s": round(expected / elapsed), "delivered": where}
