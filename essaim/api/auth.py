"""Authentication for the native API: bearer tokens (scoped) or the browser session."""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from essaim.core.errors import EssaimError


class InsufficientScope(EssaimError):
    status = 403


WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _require_scope(request, scopes: set[str]) -> None:
    needed = "write" if request.method in WRITE_METHODS else "read"
    if needed in scopes or any(s.startswith(f"{needed}:") for s in scopes):
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
