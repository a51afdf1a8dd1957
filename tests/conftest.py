"""Shared fixtures: people of the company, made through the real actions."""

from __future__ import annotations

import itertools
import sys

import pytest

from essaim.accounts.actions import do_create_user

_counter = itertools.count()


@pytest.fixture
def make_user(db):
    """make_user("alice", department="R&D", guest_of="Acme", admin=True, password=...)"""

    def make(username: str | None = None, **kwargs):
        username = username or f"user{next(_counter)}"
        kwargs.setdefault("password", "correct horse battery")
        kwargs.setdefault("validate", False)
        user, _password = do_create_user(username, **kwargs)
        return user

    return make


@pytest.fixture
def alice(make_user):
    return make_user("alice", name="Alice Martin", department="R&D")


@pytest.fixture
def bob(make_user):
    return make_user("bob", name="Bob Durand", department="Marketing")


@pytest.fixture
def carol(make_user):
    return make_user("carol", name="Carol Petit", department="R&D")


@pytest.fixture
def guest(make_user):
    return make_user("gail", name="Gail Guest", guest_of="Acme Corp")


_NOT_APPLICATION = ("/tests/", "/pytest_django/", "/django/test/", "/_pytest/", "/pluggy/")


def _opened_by_application() -> bool:
    """Whether the transaction block being entered was opened by the product's code (an action,
    a model's save), not by a test or its harness."""
    frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_filename.endswith(
            ("django/db/transaction.py", "contextlib.py")):
        frame = frame.f_back
    return frame is not None and not any(part in frame.f_code.co_filename
                                         for part in _NOT_APPLICATION)


@pytest.fixture(autouse=True)
def _on_commit_runs_at_once(request, monkeypatch):
    """Tests run inside transactions that never commit. On-commit work runs when the
    outermost transaction block the product's code opened ends (an action's own transaction,
    once its hashtags and mentions are written, as after a real commit), or at once when it
    is registered outside any such block.

    Transactional tests (live servers, browsers) commit for real and keep Django's behaviour.
    """
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        return
    from django.db import transaction

    state = {"depth": 0}
    pending: list = []
    original_enter, original_exit = transaction.Atomic.__enter__, transaction.Atomic.__exit__

    def on_commit(func, using=None, robust=False):
        if state["depth"]:
            pending.append(func)
        else:
            func()

    def enter(self):
        self._opened_by_application = _opened_by_application()
        original_enter(self)
        if self._opened_by_application:
            state["depth"] += 1

    def exit_(self, exc_type, exc_value, traceback):
        try:
            return original_exit(self, exc_type, exc_value, traceback)
        finally:
            if getattr(self, "_opened_by_application", False):
                state["depth"] -= 1
                if not state["depth"]:
                    work = pending[:]
                    pending.clear()
                    if exc_type is None:
                        for func in work:
                            func()

    monkeypatch.setattr(transaction, "on_commit", on_commit)
    monkeypatch.setattr(transaction.Atomic, "__enter__", enter)
    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache and would leak from one test to the next."""
    from django.core.cache import cache

    from essaim.core.sharedcache import clear_all

    cache.clear()
    clear_all()  # posts, accounts and tokens: IDs come back once a test's transaction is undone


@pytest.fixture(autouse=True)
def _default_language():
    """A French request must not leave French active for the next test on this thread."""
    from django.utils import translation

    yield
    translation.deactivate()


def pytest_collection_modifyitems(config, items):
    """Browser tests last: Playwright keeps an event loop on the main thread while it runs."""
    items.sort(key=lambda item: "e2e" in item.path.parts)
