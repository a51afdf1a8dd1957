"""Fixed-window rate limits."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from essaim.core import ratelimit
from essaim.core.errors import RateLimited


@pytest.fixture(autouse=True, params=["db", "cache"])
def _store(request, db, settings):
    """Every test runs against both stores: the database (default) and the cache (Redis)."""
    settings.ESSAIM_RATE_STORE = request.param
    cache.clear()


class Clock:
    """Wall-clock time the test moves forward by hand."""

    def __init__(self, now: float):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(1_700_000_000.0)
    monkeypatch.setattr(ratelimit.time, "time", clock)
    return clock


def test_attempts_within_the_allowance_pass_and_the_next_one_is_refused(settings, clock):
    settings.ESSAIM_RATE_TEST = "3/60"
    for _ in range(3):
        ratelimit.hit("login", "alice", "ESSAIM_RATE_TEST")
    with pytest.raises(RateLimited) as err:
        ratelimit.hit("login", "alice", "ESSAIM_RATE_TEST")
    assert err.value.status == 429
    assert "Too many attempts" in err.value.message


def test_each_key_and_scope_has_its_own_allowance(settings, clock):
    settings.ESSAIM_RATE_TEST = "1/60"
    ratelimit.hit("login", "alice", "ESSAIM_RATE_TEST")
    ratelimit.hit("login", "bob", "ESSAIM_RATE_TEST")
    ratelimit.hit("post", "alice", "ESSAIM_RATE_TEST")
    with pytest.raises(RateLimited):
        ratelimit.hit("login", "alice", "ESSAIM_RATE_TEST")


def test_a_new_window_gives_a_fresh_allowance(settings, clock):
    settings.ESSAIM_RATE_TEST = "2/60"
    clock.now = 1_700_000_040.0  # window [1_699_999_980, 1_700_000_040) has just ended
    ratelimit.hit("login", "alice", "ESSAIM_RATE_TEST")
    ratelimit.hit("login", "alice", "ESSAIM_RATE_TEST")
    clock.now += 59.9
    with pytest.raises(RateLimited):
        ratelimit.hit("login", "alice", "ESSAIM_RATE_TEST")
    clock.now += 0.1
    ratelimit.hit("login", "alice", "ESSAIM_RATE_TEST")


def test_reset_forgives_the_current_window(settings, clock):
    settings.ESSAIM_RATE_TEST = "1/60"
    ratelimit.hit("login", "alice", "ESSAIM_RATE_TEST")
    ratelimit.reset("login", "alice", "ESSAIM_RATE_TEST")
    ratelimit.hit("login", "alice", "ESSAIM_RATE_TEST")


def test_expired_database_counters_are_dropped_as_new_ones_are_made(settings, clock):
    from essaim.core.models import RateCounter

    settings.ESSAIM_RATE_STORE = "db"
    settings.ESSAIM_RATE_TEST = "5/60"
    ratelimit.hit("login", "alice", "ESSAIM_RATE_TEST")
    clock.now += 600
    ratelimit.hit("login", "bob", "ESSAIM_RATE_TEST")
    assert list(RateCounter.objects.values_list("key", flat=True)) == [
        f"rl:login:bob:{int(clock.now // 60)}"]


@pytest.mark.parametrize(("rate", "parsed"), [("10/300", (10, 300)), ("5", (5, 60)),
                                              ("60/60", (60, 60))])
def test_rates_are_read_as_count_per_seconds(rate, parsed):
    assert ratelimit.parse_rate(rate) == parsed
