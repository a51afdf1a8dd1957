"""The engines' contract suites run against every implementation.

The database store always; the Redis store when ``ESSAIM_TEST_REDIS_URL`` names a Redis
database (CI sets it; locally ``redis://127.0.0.1:6379/14``), in its own key space.
"""

from __future__ import annotations

import os
import uuid

import pytest

from essaim.timelines.engine.db import DatabaseTimelineStore

REDIS_URL = os.environ.get("ESSAIM_TEST_REDIS_URL", "")


@pytest.fixture(params=["database", "redis"])
def store(request, db):
    if request.param == "database":
        yield DatabaseTimelineStore()
        return
    if not REDIS_URL:
        pytest.skip("the Redis store needs ESSAIM_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/14)")
    from essaim.timelines.engine.redis import RedisTimelineStore

    prefix = f"essaim:contract:{uuid.uuid4().hex}:"
    redis_store = RedisTimelineStore(url=REDIS_URL, prefix=prefix)
    yield redis_store
    keys = list(redis_store.client.scan_iter(match=f"{prefix}*"))
    if keys:
        redis_store.client.delete(*keys)
