"""Time-sortable 64-bit identifiers ("snowflakes").

Layout: milliseconds since 2020-01-01 UTC in the high bits, 16 low bits of sequence.
Decimal strings of these IDs sort by time when compared by length then lexicographically,
which is what Mastodon clients rely on.
"""

from __future__ import annotations

import os
import random
import threading
import time
from datetime import datetime

EPOCH_MS = 1_577_836_800_000  # 2020-01-01T00:00:00Z
SEQUENCE_BITS = 16
_SEQUENCE_MASK = (1 << SEQUENCE_BITS) - 1

_lock = threading.Lock()
_last_ms = 0
_sequence = random.SystemRandom().randrange(1 << SEQUENCE_BITS)
_pid = os.getpid()


def _reset_after_fork() -> None:
    global _sequence, _pid
    _pid = os.getpid()
    _sequence = random.SystemRandom().randrange(1 << SEQUENCE_BITS)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_after_fork)


def snowflake(now_ms: int | None = None) -> int:
    """A new unique ID for the current time (or ``now_ms``), strictly increasing per process."""
    global _last_ms, _sequence
    with _lock:
        ms = int(time.time() * 1000) if now_ms is None else now_ms
        if now_ms is None and ms <= _last_ms:
            ms = _last_ms
        if ms == _last_ms:
            _sequence = (_sequence + 1) & _SEQUENCE_MASK
            if _sequence == 0 and now_ms is None:
                ms += 1  # sequence exhausted for this millisecond: borrow the next one
        _last_ms = max(_last_ms, ms)
        return ((ms - EPOCH_MS) << SEQUENCE_BITS) | _sequence


def snowflake_for(when: datetime, salt: int = 0) -> int:
    """An ID for a past moment (imports, seeding); ``salt`` separates same-millisecond rows."""
    ms = int(when.timestamp() * 1000)
    return ((ms - EPOCH_MS) << SEQUENCE_BITS) | (salt & _SEQUENCE_MASK)


def min_id_for(when: datetime) -> int:
    """The smallest ID that can have been made at ``when``: a cursor for time ranges."""
    return snowflake_for(when, 0)


def timestamp_ms(snowflake_id: int) -> int:
    return (snowflake_id >> SEQUENCE_BITS) + EPOCH_MS


def parse_pk(value) -> int | None:
    """A row id as typed in a path or a form: a positive 64-bit integer, else None (so a
    lookup finds nothing rather than overflowing the database)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None
