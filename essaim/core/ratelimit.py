"""Fixed-window rate limits.

Counters live in the database in the embedded default (an attacker cannot evict a lock by
filling a bounded in-memory cache with junk keys) and in the cache, i.e. Redis, at scale
(`ESSAIM_RATE_STORE`: `db` | `cache`). Expired database counters are dropped as new ones are made.
"""

from __future__ import annotations

import hashlib
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from .errors import RateLimited


def parse_rate(rate: str) -> tuple[int, int]:
    count, _sep, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


def _counter_key(scope: str, key: str, window: int) -> tuple[str, int]:
    """The counter's name for this window, and the second at which the window ends."""
    bucket = int(time.time() // window)
    if len(key) > 120:
        key = hashlib.sha256(key.encode()).hexdigest()
    return f"rl:{scope}:{key}:{bucket}", (bucket + 1) * window


def _store() -> str:
    return getattr(settings, "ESSAIM_RATE_STORE", "db")


def _cache_hit(counter: str, window: int) -> int:
    if cache.add(counter, 1, timeout=window + 1):
        return 1
    try:
        return cache.incr(counter)
    except ValueError:
        cache.set(counter, 1, timeout=window + 1)
        return 1


def _db_hit(counter: str, ends_at: int) -> int:
    from .models import RateCounter

    rows = RateCounter.objects.filter(key=counter)
    with transaction.atomic():
        if rows.update(count=F("count") + 1):
            return rows.values_list("count", flat=True).first() or 1
        now = datetime.fromtimestamp(time.time(), tz=UTC)
        RateCounter.objects.filter(expires_at__lt=now).delete()
        try:
            with transaction.atomic():
                RateCounter.objects.create(key=counter, count=1,
                                           expires_at=datetime.fromtimestamp(ends_at, tz=UTC))
            return 1
        except IntegrityError:  # a concurrent attempt made it first
            rows.update(count=F("count") + 1)
            return rows.values_list("count", flat=True).first() or 1


def hit(scope: str, key: str, rate_setting: str) -> None:
    """Count one attempt; raise RateLimited when the window's allowance is spent."""
    limit, window = parse_rate(getattr(settings, rate_setting))
    counter, ends_at = _counter_key(scope, key, window)
    count = _db_hit(counter, ends_at) if _store() == "db" else _cache_hit(counter, window)
    if count > limit:
        raise RateLimited(_("Too many attempts. Please wait a moment and try again."))


def reset(scope: str, key: str, rate_setting: str) -> None:
    _limit, window = parse_rate(getattr(settings, rate_setting))
    counter, _ends_at = _counter_key(scope, key, window)
    if _store() == "db":
        from .models import RateCounter

        RateCounter.objects.filter(key=counter).delete()
    else:
        cache.delete(counter)
