"""Which token scopes an endpoint needs (Mastodon's ``read``/``write``/``follow`` families)."""

from __future__ import annotations

from collections.abc import Iterable

from essaim.oauth.actions import scope_covers

# The legacy ``follow`` scope grants reading and writing follows, blocks and mutes.
FOLLOW_GRANTS = frozenset(f"{rw}:{what}" for rw in ("read", "write")
                          for what in ("follows", "blocks", "mutes"))


def has_scope(granted: Iterable[str], wanted: str) -> bool:
    granted = set(granted)
    if scope_covers(granted, wanted):
        return True
    return wanted in FOLLOW_GRANTS and "follow" in granted
