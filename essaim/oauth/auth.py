"""Find the access token behind a raw bearer token (native API, Mastodon API, streaming)."""

from __future__ import annotations

from .actions import do_touch_token
from .models import AccessToken, hash_token


def authenticate_token(raw: str | None) -> AccessToken | None:
    """The live token for ``raw``, or None when it is unknown, revoked or its owner deactivated.

    An application-only token (no user) is returned as is: callers needing a person check
    ``token.user``.
    """
    raw = (raw or "").strip()
    if not raw or len(raw) > 200:
        return None
    token = (AccessToken.objects.select_related("user", "application")
             .filter(token_hash=hash_token(raw), revoked_at__isnull=True).first())
    if token is None or (token.user is not None and not token.user.is_active):
        return None
    do_touch_token(token)
    return token
