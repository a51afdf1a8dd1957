"""Fixed-window rate limits kept in the cache (local memory, or Redis at scale)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from .errors import RateLimited


def parse_rate(rate: str) -> tuple[int, int]:
    count, _sep, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


def hit(scope: str, key: str, rate_setting: str) -> None:
    """Count one attempt; raise RateLimited when the window's allowance is spent."""
    limit, window = parse_rate(getattr(settings, rate_setting))
    bucket = int(time.time() // window)
    cache_key = f"rl:{scope}:{key}:{bucket}"
    if cache.add(cache_key, 1, timeout=window + 1):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:
            cache.set(cache_key, 1, timeout=window + 1)
            count = 1
    if count > limit:
        raise RateLimited(_("Too many attempts. Please wait a moment and try again."))


def reset(scope: str, key: str, rate_setting: str) -> None:
    _limit, window = parse_rate(getattr(settings, rate_setting))
    bucket = int(time.time() // window)
    cache.delete(f"rl:{scope}:{key}:{bucket}")
