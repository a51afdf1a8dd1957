"""Writes to API credentials: issuing, using and revoking bearer tokens.

Only the SHA-256 of a token is stored (``models.hash_token``); the raw token is returned once, to
be handed to its owner, and can never be read back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core.errors import ValidationFailed
from essaim.core.sharedcache import process_memo

from .models import AccessToken, Application, hash_token

# The Mastodon scopes: four top-level ones, and the finer ``read:statuses``-style sub-scopes.
SUB_SCOPES = {
    "read": ("accounts", "blocks", "bookmarks", "favourites", "filters", "follows", "lists",
             "mutes", "notifications", "search", "statuses"),
    "write": ("accounts", "blocks", "bookmarks", "conversations", "favourites", "filters",
              "follows", "lists", "media", "mutes", "notifications", "reports", "statuses"),
    "follow": (),
    "push": (),
}
ALL_SCOPES = frozenset(SUB_SCOPES) | frozenset(
    f"{top}:{sub}" for top, subs in SUB_SCOPES.items() for sub in subs)
LAST_USED_RESOLUTION = timedelta(minutes=1)


def check_scopes(scopes: str | Iterable[str] | None) -> str:
    """Normalise requested scopes to a space-separated string; unknown ones are refused."""
    if scopes is None:
        return "read"
    names = scopes.split() if isinstance(scopes, str) else [s.strip() for s in scopes]
    names = [n for n in dict.fromkeys(names) if n]
    if not names:
        raise ValidationFailed(_("Give at least one scope (read, write, follow or push)."),
                               field="scopes")
    unknown = [n for n in names if n not in ALL_SCOPES]
    if unknown:
        raise ValidationFailed(
            _("Unknown scope: %(scopes)s. Use read, write, follow, push or a sub-scope such "
              "as read:statuses.") % {"scopes": ", ".join(unknown)}, field="scopes")
    return " ".join(names)


def scope_covers(granted: Iterable[str], wanted: str) -> bool:
    """Whether scopes ``granted`` include ``wanted`` (``read`` covers ``read:statuses``)."""
    granted = set(granted)
    return wanted in granted or wanted.split(":", 1)[0] in granted


def do_issue_token(user, scopes: str | Iterable[str] | None = "read",
                   application: Application | None = None) -> tuple[AccessToken, str]:
    """Create a bearer token for ``user``; returns (token, raw token to hand over once)."""
    scopes = check_scopes(scopes)
    if user is not None and not user.is_active:
        raise ValidationFailed(_("The account @%(name)s is deactivated.")
                               % {"name": user.username})
    if application is not None:
        allowed = application.scopes.split()
        refused = [s for s in scopes.split() if not scope_covers(allowed, s)]
        if refused:
            raise ValidationFailed(
                _("This application may not ask for: %(scopes)s.")
                % {"scopes": ", ".join(refused)}, field="scopes")
    raw = AccessToken.new_raw_token()
    token = AccessToken.objects.create(token_hash=hash_token(raw), user=user,
                                       application=application, scopes=scopes)
    return token, raw


def do_revoke_token(token: AccessToken) -> None:
    """Revoke a token for good; revoking twice keeps the first date."""
    from .auth import forget_tokens

    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        AccessToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=token.revoked_at)
    forget_tokens([token.token_hash])


def revoke_tokens_of(user) -> int:
    """Revoke every live token of ``user`` (deactivation); returns how many."""
    from .auth import forget_tokens

    live = AccessToken.objects.filter(user=user, revoked_at__isnull=True)
    digests = list(live.values_list("token_hash", flat=True))
    revoked = live.update(revoked_at=timezone.now())
    forget_tokens(digests)
    return revoked


_touched: dict = process_memo()  # this process's last write of each token's last use


def do_touch_token(token: AccessToken) -> None:
    """Record that a token was used, at most once a minute (it is read on every request)."""
    now = timezone.now()
    last = max(filter(None, [token.last_used_at, _touched.get(token.pk)]), default=None)
    if last is None or now - last >= LAST_USED_RESOLUTION:
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
        if len(_touched) > 100_000:
            _touched.clear()
        _touched[token.pk] = now
        last = now
    token.last_used_at = last
