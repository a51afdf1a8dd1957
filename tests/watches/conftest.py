"""People watching subjects, and others posting through the real actions (indexing and
matching run at commit, at once in tests)."""

from __future__ import annotations

import pytest

from essaim.posts.actions import do_create_post
from essaim.watches.actions import do_create_watch
from essaim.watches.matching import forget_index


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
