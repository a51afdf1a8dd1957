"""The shared caches' contract, on the embedded engine (an LRU per process and a log file)
and on Redis: two cache objects stand for two web processes of one deployment."""

from __future__ import annotations

import time
import uuid

import pytest

from essaim.core import sharedcache
from essaim.core.sharedcache import InvalidationLog, LocalCache, RedisCache

from .conftest import REDIS_URL


@pytest.fixture(params=["local", "redis"])
def pair(request, tmp_path):
    """Two processes' views of one cache, and a way to make the second one's log rotate."""
    name = f"contract-{uuid.uuid4().hex[:8]}"
    if request.param == "local":
        path = tmp_path / "invalidations.log"
        yield (LocalCache(name, ttl=1, capacity=100, log=InvalidationLog(path)),
               LocalCache(name, ttl=1, capacity=100, log=InvalidationLog(path)))
        return
    if not REDIS_URL:
        pytest.skip("the Redis cache needs ESSAIM_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/14)")
    first = RedisCache(name, ttl=1, url=REDIS_URL)
    yield first, RedisCache(name, ttl=1, url=REDIS_URL)
    first.clear()


class Card:
    def __init__(self, title):
        self.title = title


def test_a_value_added_is_found_again(pair):
    one, _other = pair
    one.add_many({1: Card("first"), 2: Card("second")})
    found = one.get_many([1, 2, 3])
    assert {k: v.title for k, v in found.items()} == {1: "first", 2: "second"}


def test_what_a_reader_changes_on_a_value_does_not_change_the_cache(pair):
    one, _other = pair
    one.add_many({1: Card("first")})
    one.get_many([1])[1].title = "scribbled"
    assert one.get_many([1])[1].title == "first"


def test_adding_never_replaces_a_cached_value(pair):
    one, _other = pair
    one.add_many({1: Card("first")})
    one.add_many({1: Card("other")})
    assert one.get_many([1])[1].title == "first"


def test_a_forgotten_key_is_gone_from_every_process_at_its_next_lookup(pair):
    one, other = pair
    one.add_many({1: Card("first"), 2: Card("second")})
    other.add_many({1: Card("first"), 2: Card("second")})
    one.forget([1])
    assert set(other.get_many([1, 2])) == {2}
    assert set(one.get_many([1, 2])) == {2}


def test_a_reader_cannot_store_back_what_it_read_before_the_key_was_forgotten(pair):
    one, other = pair
    stale = Card("before the edit")  # read from the database by the other process
    one.forget([1])  # the edit commits in this one
    other.get_many([1])
    other.add_many({1: stale})
    assert other.get_many([1]) == {} and one.get_many([1]) == {}


def test_after_the_tombstone_a_key_is_cached_again(pair, monkeypatch):
    one, _other = pair
    monkeypatch.setattr(sharedcache, "TOMBSTONE_SECONDS", 1)
    one.forget([1])
    time.sleep(1.1)
    one.add_many({1: Card("after")})
    assert one.get_many([1])[1].title == "after"


def test_values_expire_after_their_time_to_live(pair):
    one, _other = pair
    one.add_many({1: Card("first")})
    time.sleep(1.1)
    assert one.get_many([1]) == {}


def test_string_and_integer_keys_name_the_same_entry(pair):
    one, other = pair
    one.add_many({"7": Card("seven")})
    assert one.get_many([7])[7].title == "seven"
    other.add_many({7: Card("seven")})
    one.forget(["7"])
    assert other.get_many(["7"]) == {}


# --- the embedded engine only ---------------------------------------------------------------

def test_a_process_holds_at_most_its_capacity_dropping_the_least_recently_used(tmp_path):
    cache = LocalCache("small", ttl=60, capacity=2, log=InvalidationLog(tmp_path / "log"))
    cache.add_many({1: "a", 2: "b"})
    cache.get_many([1])
    cache.add_many({3: "c"})
    assert set(cache.get_many([1, 2, 3])) == {1, 3}


def test_when_the_log_is_replaced_other_processes_drop_everything(tmp_path):
    path = tmp_path / "log"
    writer = LocalCache("posts", ttl=60, log=InvalidationLog(path, limit=32))
    reader = LocalCache("posts", ttl=60, log=InvalidationLog(path, limit=32))
    reader.add_many({1: "a", 2: "b", 3: "c"})
    writer.forget(["x" * 40])
    reader.get_many([1])
    writer.forget(["y" * 40])  # past the limit: the log starts again in a new file
    assert reader.get_many([1, 2, 3]) == {}


def test_a_line_half_written_is_read_once_it_is_whole(tmp_path):
    path = tmp_path / "log"
    reader = LocalCache("posts", ttl=60, log=InvalidationLog(path))
    reader.add_many({1: "a", 2: "b"})
    with open(path, "ab") as log:
        log.write(b"posts other 1\nposts other ")
    assert set(reader.get_many([1, 2])) == {2}
    with open(path, "ab") as log:
        log.write(b"2\n")
    assert reader.get_many([1, 2]) == {}


def test_people_are_cached_without_their_password_hash(db, make_user):
    import pickle

    from essaim.posts.cache import accounts_by_id

    person = make_user("pat", password="a long enough secret")
    accounts_by_id([person.id])
    cached = accounts_by_id([person.id])[person.id]
    assert "password" not in cached.__dict__
    assert b"pbkdf2" not in pickle.dumps(cached)
    assert cached.check_password("a long enough secret")  # still there when asked for
