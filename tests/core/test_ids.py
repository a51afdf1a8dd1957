"""Snowflake IDs: unique, increasing, and ordered by time."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from essaim.core.ids import min_id_for, snowflake, snowflake_for, timestamp_ms


def test_ids_are_unique_and_strictly_increasing_over_many_calls():
    ids = [snowflake() for _ in range(200_000)]  # more than one millisecond's sequence
    assert all(a < b for a, b in zip(ids, ids[1:], strict=False))


def test_ids_made_in_many_threads_at_once_are_all_unique():
    results: list[list[int]] = [[] for _ in range(8)]

    def work(out: list[int]) -> None:
        out.extend(snowflake() for _ in range(5_000))

    threads = [threading.Thread(target=work, args=(out,)) for out in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [i for out in results for i in out]
    assert len(set(every)) == len(every)
    for out in results:  # each thread sees its own IDs increase
        assert out == sorted(out)


def test_ids_fit_in_a_signed_64_bit_integer_and_carry_their_time():
    before = int(datetime.now(UTC).timestamp() * 1000)
    made = snowflake()
    after = int(datetime.now(UTC).timestamp() * 1000)
    assert 0 < made < 2**63
    assert before <= timestamp_ms(made) <= after + 1


def test_ids_for_past_moments_sort_by_time_whatever_the_salt():
    base = datetime(2023, 5, 1, 12, 0, tzinfo=UTC)
    earlier = snowflake_for(base, salt=65_535)
    later = snowflake_for(base + timedelta(milliseconds=1), salt=0)
    assert earlier < later
    assert snowflake_for(base, 1) != snowflake_for(base, 2)
    assert min_id_for(base) <= snowflake_for(base, 7) < min_id_for(base + timedelta(seconds=1))
    assert snowflake_for(base) < snowflake()


def test_ids_sort_as_mastodon_clients_compare_them_by_length_then_text():
    ids = sorted([snowflake_for(datetime(2020 + y, 1, 2, tzinfo=UTC)) for y in range(6)]
                 + [snowflake() for _ in range(3)])
    as_text = sorted((str(i) for i in ids), key=lambda s: (len(s), s))
    assert as_text == [str(i) for i in ids]
