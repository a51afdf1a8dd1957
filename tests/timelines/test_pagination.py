"""max_id / since_id / min_id on the timelines, with exact boundaries."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essaim.core.pagination import Cursor
from essaim.posts.actions import do_create_post
from essaim.timelines import queries as timelines
from tests.core.worlds import rolled_back


def ids(page) -> list[int]:
    return [p.id for p in page.posts]


@pytest.fixture
def five(alice):
    """Five posts by alice, oldest first (p[0] oldest)."""
    return [do_create_post(alice, f"Post {i}").id for i in range(5)]


@pytest.mark.parametrize("reader", ["home", "company"])
def test_max_id_since_id_and_min_id_are_exclusive_and_ordered_newest_first(
        alice, five, reader):
    p = five

    def page(**kw):
        read = getattr(timelines, reader)
        return ids(read(alice, Cursor(**kw)))

    assert page() == p[::-1]
    assert page(max_id=p[2]) == [p[1], p[0]]
    assert page(since_id=p[2]) == [p[4], p[3]]
    assert page(since_id=p[0], limit=2) == [p[4], p[3]]  # the newest ones
    assert page(min_id=p[0], limit=2) == [p[2], p[1]]  # the ones right after the cursor
    assert page(min_id=p[4]) == []
    assert page(max_id=p[0]) == []
    assert page(max_id=p[4], since_id=p[0]) == [p[3], p[2], p[1]]
    assert page(max_id=p[4], min_id=p[1], limit=2) == [p[3], p[2]]


def test_a_page_tells_where_the_next_and_previous_pages_start(alice, five):
    p = five
    first = timelines.home(alice, Cursor(limit=2))
    assert (first.next_max_id, first.prev_min_id) == (p[3], p[4])
    last = timelines.home(alice, Cursor(max_id=p[1], limit=2))
    assert ids(last) == [p[0]]
    assert last.next_max_id is None
    newer = timelines.home(alice, Cursor(min_id=first.prev_min_id))
    assert ids(newer) == [] and newer.prev_min_id is None


@pytest.mark.parametrize("huge", [2**63, 10**30])
def test_a_cursor_beyond_64_bits_reads_as_no_bound_instead_of_failing(alice, five, huge):
    from essaim.posts.actions import do_bookmark

    do_bookmark(alice, five[0])
    for read in (timelines.home, timelines.company, timelines.bookmarks, timelines.likes):
        assert len(read(alice, Cursor(max_id=huge, limit=40)).posts) <= 5
        assert read(alice, Cursor(since_id=huge)).posts == []
        assert read(alice, Cursor(min_id=huge)).posts == []
    assert len(timelines.home(alice, Cursor(max_id=huge)).posts) == 5


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(count=st.integers(0, 7), limit=st.integers(1, 4))
def test_paging_down_and_back_up_visits_every_entry_once_in_order(alice, count, limit):
    with rolled_back():
        cache.clear()
        posted = [do_create_post(alice, f"Post {i}", rate_limit=False).id for i in range(count)]
        newest_first = posted[::-1]
        for read in (timelines.home, timelines.company):
            seen, cursor = [], Cursor(limit=limit)
            while True:
                page = read(alice, cursor)
                assert len(page.posts) <= limit
                seen += ids(page)
                if page.next_max_id is None:
                    break
                cursor = Cursor(max_id=page.next_max_id, limit=limit)
            assert seen == newest_first
            seen, cursor = [], Cursor(min_id=0, limit=limit)
            while True:
                page = read(alice, cursor)
                if not page.posts:
                    break
                seen = ids(page) + seen
                cursor = Cursor(min_id=page.prev_min_id, limit=limit)
            assert seen == newest_first
