"""The embedded database keeps its connections from one request to the next."""

from __future__ import annotations

import pytest
from django.db.utils import ConnectionHandler

from essaim.core.sqlite.base import POOL_SIZE, DatabaseWrapper


@pytest.fixture
def wrapper_for(tmp_path, django_db_blocker):
    """A fresh connection handle on a database file, as each request (thread) gets."""
    made = []

    def make():
        handler = ConnectionHandler({"default": {
            "ENGINE": "essaim.core.sqlite", "NAME": str(tmp_path / "pool.sqlite3"),
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;"}}})
        wrapper = handler["default"]
        made.append(wrapper)
        return wrapper

    with django_db_blocker.unblock():
        yield make
        for wrapper in made:
            wrapper.close()
    for key in [k for k in DatabaseWrapper._pools if k[1].startswith(str(tmp_path))]:
        for conn in DatabaseWrapper._pools.pop(key):
            conn.close()


def test_the_next_request_reuses_the_connection_closed_by_the_last(wrapper_for):
    first = wrapper_for()
    first.connect()
    raw = first.connection
    first.close()
    second = wrapper_for()  # another request, in another thread
    second.connect()
    assert second.connection is raw
    with second.cursor() as cursor:  # the pragmas set when it was opened still hold
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_unfinished_transaction_is_rolled_back_before_the_connection_is_reused(
        wrapper_for):
    setup = wrapper_for()
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE note (text TEXT)")
    setup.close()
    writer = wrapper_for()
    writer.connect()
    writer.connection.execute("BEGIN")
    writer.connection.execute("INSERT INTO note VALUES ('half done')")
    writer.close()
    reader = wrapper_for()
    with reader.cursor() as cursor:
        assert cursor.execute("SELECT count(*) FROM note").fetchone()[0] == 0


def test_connections_beyond_the_pool_size_are_closed(wrapper_for):
    opened = [wrapper_for() for _ in range(POOL_SIZE + 2)]
    for wrapper in opened:
        wrapper.connect()
    raws = [wrapper.connection for wrapper in opened]
    for wrapper in opened:
        wrapper.close()
    pooled = [k for k in DatabaseWrapper._pools.values() if any(c in raws for c in k)]
    assert sum(len(pool) for pool in pooled) == POOL_SIZE
