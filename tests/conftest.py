"""Shared fixtures: people of the company, made through the real actions."""

from __future__ import annotations

import itertools

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


@pytest.fixture(autouse=True)
def _on_commit_runs_at_once(request, monkeypatch):
    """Tests run inside one transaction that never commits: run on-commit work right away.

    Transactional tests (live servers, browsers) commit for real and keep Django's behaviour.
    """
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        return
    from django.db import transaction

    def immediate(func, using=None, robust=False):
        func()

    monkeypatch.setattr(transaction, "on_commit", immediate)


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
