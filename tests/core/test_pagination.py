"""Reading a cursor from request parameters."""

from __future__ import annotations

import pytest

from essaim.core.pagination import Cursor


def test_a_cursor_reads_its_ids_and_limit():
    cursor = Cursor.parse({"max_id": "30", "since_id": "10", "min_id": "12", "limit": "5"})
    assert cursor == Cursor(max_id=30, since_id=10, min_id=12, limit=5)


def test_no_parameters_give_the_default_page():
    assert Cursor.parse({}) == Cursor(limit=20)
    assert Cursor.parse({}, default=7).limit == 7


@pytest.mark.parametrize(("raw", "limit"), [
    ("0", 1), ("-3", 1), ("1", 1), ("40", 40), ("41", 40), ("100000", 40), ("abc", 20),
    ("", 20), (None, 20), ("2.5", 20),
])
def test_the_limit_is_clamped_between_one_and_the_maximum(raw, limit):
    assert Cursor.parse({"limit": raw}).limit == limit


def test_the_maximum_can_be_chosen_by_the_caller():
    assert Cursor.parse({"limit": "80"}, maximum=80).limit == 80


@pytest.mark.parametrize("garbage", ["abc", "", "-5", "1e3", "0x10", None])
def test_garbage_ids_are_ignored(garbage):
    cursor = Cursor.parse({"max_id": garbage, "since_id": garbage, "min_id": garbage})
    assert (cursor.max_id, cursor.since_id, cursor.min_id) == (None, None, None)


def test_ids_beyond_64_bits_are_brought_back_into_range():
    cursor = Cursor.parse({"max_id": str(10**30), "since_id": str(2**63)})
    assert cursor.max_id == cursor.since_id == 2**63 - 1
