"""Authentication for the native API: bearer tokens (scoped) or the browser session."""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from essaim.core.errors import EssaimError
from essaim.oauth.scopes import has_scope


class InsufficientScope(EssaimError):
    status = 403


WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
PREFIX = "/api/essaim/v1/"

# The Mastodon scope each native resource falls under (``read:`` or ``write:`` by method).
_RESOURCES = {"timelines": "statuses", "posts": "statuses", "accounts": "accounts",
              "notifications": "notifications", "communities": "statuses",
              "analytics": "statuses", "watches": "lists"}
_POST_ACTIONS = {"like": "favourites", "bookmark": "bookmarks", "pin": "accounts"}
_ACCOUNT_ACTIONS = {"follow": "follows", "mute": "mutes", "block": "blocks",
                    "posts": "statuses"}
_TIMELINES = {"lists": "lists", "bookmarks": "bookmarks"}


def wanted_scope(method: str, path: str) -> str:
    """The scope a native request needs, as the Mastodon API would name it.

    A path this table does not know needs the whole ``read`` or ``write`` scope.
    """
    mode = "write" if method in WRITE_METHODS else "read"
    parts = [p for p in path.removeprefix(PREFIX).split("/") if p]
    if not parts or parts[0] not in _RESOURCES:
        return mode
    resource = _RESOURCES[parts[0]]
    if parts[0] == "posts" and len(parts) >= 3:
        resource = _POST_ACTIONS.get(parts[2], resource)
    elif parts[0] == "accounts" and len(parts) >= 3:
        resource = _ACCOUNT_ACTIONS.get(parts[2], resource)
    elif parts[0] == "timelines" and len(parts) >= 2:
        resource = _TIMELINES.get(parts[1], resource)
    return f"{mode}:{resource}"


def _require_scope(request, scopes: set[str]) -> None:
    needed = wanted_scope(request.method, request.path)
    if has_scope(scopes, needed):
        return
    raise InsufficientScope(_("This token lacks the '%(scope)s' scope.") % {"scope": needed})


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        from essaim.oauth.auth import authenticate_token
        from essaim.timelines.activity import note_activity

        access = authenticate_token(token)
        if access is None or access.user is None:
            return None
        _require_scope(request, access.scope_set())
        request.user = access.user
        request.token = access
        note_activity(access.user)
        return access.user


class SessionUser:
    """The signed-in browser session (CSRF is enforced by ninja for unsafe methods)."""

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_active:
            return user
        return None


def session_auth():
    from ninja.security import SessionAuth

    return SessionAuth()


AUTH = [BearerToken(), session_auth()]
