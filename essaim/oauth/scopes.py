"""The scope rule every bearer-token surface applies (Mastodon's ``read``/``write``/``follow``
families): a token may do what one of its scopes covers, nothing more.

``read`` covers every ``read:*`` scope, ``write`` every ``write:*``; a ``read:statuses`` token
reads statuses only. The legacy ``follow`` scope grants reading and writing follows, blocks and
mutes. The Mastodon API names the scope of each endpoint; the native API derives it from the
path (``essaim.api.auth``).
"""

from __future__ import annotations

from collections.abc import Iterable

from .actions import scope_covers

FOLLOW_GRANTS = frozenset(f"{rw}:{what}" for rw in ("read", "write")
                          for what in ("follows", "blocks", "mutes"))


def has_scope(granted: Iterable[str], wanted: str) -> bool:
    granted = set(granted)
    if scope_covers(granted, wanted):
        return True
    return wanted in FOLLOW_GRANTS and "follow" in granted
