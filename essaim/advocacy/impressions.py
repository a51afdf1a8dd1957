"""Internal views: which colleagues were shown which post, once per person and day.

Pages only *note* what they showed (a set in memory, no database write in the request); a
background thread of each process writes the buffer in bulk every few seconds
(``ESSAIM_VIEWS_FLUSH_SECONDS``, default 5) or once it holds ``ESSAIM_VIEWS_FLUSH_ROWS``
entries, ignoring rows already there. A crash loses at most those few seconds of views.
"""

from __future__ import annotations

import atexit
import threading

from django.conf import settings
from django.utils import timezone

_lock = threading.Lock()
_pending: set[tuple[int, int, object]] = set()
_flusher: threading.Thread | None = None
_wake = threading.Event()


def _rows_limit() -> int:
    return int(getattr(settings, "ESSAIM_VIEWS_FLUSH_ROWS", 2000))


def _seconds() -> float:
    return float(getattr(settings, "ESSAIM_VIEWS_FLUSH_SECONDS", 5))


def note_shown(viewer, posts) -> None:
    """Remember that ``viewer`` was shown ``posts`` (relays count for their original)."""
    if viewer is None or not getattr(viewer, "is_authenticated", False):
        return
    if not getattr(settings, "ESSAIM_INTERNAL_VIEWS", True):
        return
    day = timezone.localdate()
    rows = set()
    for post in posts:
        original = post.relay_of if getattr(post, "relay_of_id", None) else post
        if original is not None and original.author_id != viewer.id:
            rows.add((original.id, viewer.id, day))
    if not rows:
        return
    with _lock:
        _pending.update(rows)
        full = len(_pending) >= _rows_limit()
    if getattr(settings, "ESSAIM_VIEWS_SYNC", False):
        return  # tests flush by hand
    _ensure_flusher()
    if full:
        _wake.set()


def flush() -> int:
    """Write what is pending; returns the number of rows handed to the database."""
    from .models import PostView

    with _lock:
        rows = list(_pending)
        _pending.clear()
    if not rows:
        return 0
    from essaim.posts.models import Post

    existing = set(Post.objects.filter(id__in={r[0] for r in rows}).values_list("id", flat=True))
    objs = [PostView(post_id=p, user_id=u, day=d) for p, u, d in rows if p in existing]
    for start in range(0, len(objs), 1000):
        PostView.objects.bulk_create(objs[start:start + 1000], ignore_conflicts=True)
    return len(objs)


def pending() -> int:
    with _lock:
        return len(_pending)


def _run() -> None:
    from django.db import close_old_connections

    while True:
        _wake.wait(_seconds())
        _wake.clear()
        try:
            flush()
        except Exception:  # keep the flusher alive; the next round retries
            import logging

            logging.getLogger("essaim.advocacy").exception("writing internal views failed")
        finally:
            close_old_connections()


def _ensure_flusher() -> None:
    global _flusher
    if _flusher is not None and _flusher.is_alive():
        return
    with _lock:
        if _flusher is not None and _flusher.is_alive():
            return
        _flusher = threading.Thread(target=_run, name="essaim-views", daemon=True)
        _flusher.start()


@atexit.register
def _flush_at_exit() -> None:
    import contextlib

    with contextlib.suppress(Exception):  # the process is going away
        flush()
