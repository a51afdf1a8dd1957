"""Fixtures for the web interface: signed-in clients and a few posts."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache and would leak from one test to the next."""
    cache.clear()


@pytest.fixture
def signed_in():
    """signed_in(user) -> a test client with ``user`` signed in."""

    def make(user, **kwargs) -> Client:
        client = Client(**kwargs)
        client.force_login(user)
        return client

    return make


HTMX = {"HTTP_HX_REQUEST": "true"}
