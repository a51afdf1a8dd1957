"""Find the access token behind a raw bearer token (native API, Mastodon API, streaming).

Tokens are read on every request, so they are cached (:mod:`essaim.core.sharedcache`) by the
SHA-256 of the raw token, and their owner comes from the accounts cache. Revoking a token or
deactivating its owner forgets them in every process: the next request is refused.
"""

from __future__ import annotations

from essaim.core.sharedcache import shared_cache

from .actions import do_touch_token
from .models import AccessToken, hash_token

TOKEN_TTL = 60  # seconds; revocation is exact, this only bounds a missed path


def _tokens():
    return shared_cache("tokens", ttl=TOKEN_TTL)


def forget_tokens(digests) -> None:
    _tokens().forget(digests)


def authenticate_token(raw: str | None) -> AccessToken | None:
    """The live token for ``raw``, or None when it is unknown, revoked or its owner deactivated.

    An application-only token (no user) is returned as is: callers needing a person check
    ``token.user``.
    """
    from essaim.posts.cache import accounts_by_id

    raw = (raw or "").strip()
    if not raw or len(raw) > 200:
        return None
    digest = hash_token(raw)
    token = _tokens().get_many([digest]).get(digest)
    if token is None:
        token = (AccessToken.objects.select_related("application")
                 .filter(token_hash=digest, revoked_at__isnull=True).first())
        if token is None:
            return None
        _tokens().add_many({digest: token})
    if token.revoked_at is not None:
        return None
    if token.user_id is not None:
        user = accounts_by_id([token.user_id]).get(token.user_id)
        if user is None or not user.is_active:
            return None
        token.user = user
    do_touch_token(token)
    return token
