"""People posting through the real actions; indexing runs at commit (at once in tests)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from essaim.posts.actions import do_create_post
from essaim.search.queries import search


@pytest.fixture
def say():
    def post(user, text, *, days_ago: float = 0, **kwargs):
        when = timezone.now() - timedelta(days=days_ago, minutes=1)
        return do_create_post(user, text, created_at=when, rate_limit=False, **kwargs)

    return post


@pytest.fixture
def found():
    """IDs of the posts (or other results) ``viewer`` finds for ``q``, in order."""

    def ids(viewer, q, type_="posts", **kwargs):
        return [item.pk for item in search(viewer, q, type_, limit=40, **kwargs).items]

    return ids
