"""People watching subjects, and others posting through the real actions (indexing and
matching run at commit, at once in tests)."""

from __future__ import annotations

import pytest

from essaim.posts.actions import do_create_post
from essaim.watches.actions import do_create_watch
from essaim.watches.matching import forget_index


@pytest.fixture(autouse=True)
def _on_commit_runs_at_once(monkeypatch):
    """As in production, on-commit work runs when the action's own transaction ends (once its
    hashtags and mentions are written), not as soon as it is registered: the test's enclosing
    transaction never commits, so the end of the outermost block opened inside it stands for
    the commit."""
    from django.db import connection, transaction

    base = len(connection.atomic_blocks)
    pending: list = []
    original_exit = transaction.Atomic.__exit__

    def on_commit(func, using=None, robust=False):
        if len(connection.atomic_blocks) > base:
            pending.append(func)
        else:
            func()

    def exit_(self, exc_type, exc_value, traceback):
        result = original_exit(self, exc_type, exc_value, traceback)
        if len(connection.atomic_blocks) == base:
            work = pending[:]
            pending.clear()
            if exc_type is None:
                for func in work:
                    func()
        return result

    monkeypatch.setattr(transaction, "on_commit", on_commit)
    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_)


@pytest.fixture(autouse=True)
def _fresh_index():
    forget_index()
    yield
    forget_index()


@pytest.fixture
def say():
    def post(user, text, **kwargs):
        return do_create_post(user, text, rate_limit=False, **kwargs)

    return post


@pytest.fixture
def watch():
    def save(user, query, **kwargs):
        return do_create_watch(user, query, **kwargs)

    return save


@pytest.fixture
def gathered():
    """IDs of the posts a watch gathered, newest first."""
    from essaim.watches.models import WatchMatch

    def ids(w):
        return list(WatchMatch.objects.filter(watch=w).order_by("-post_id")
                    .values_list("post_id", flat=True))

    return ids
