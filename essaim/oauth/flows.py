"""Writes of the OAuth 2 flows: registering client applications, authorisation codes.

Tokens themselves are issued and revoked by ``essaim.oauth.actions``; the Mastodon API's
``/oauth/*`` endpoints and the sign-in page translate HTTP to these.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core.errors import ValidationFailed

from .actions import check_scopes, do_issue_token, scope_covers
from .models import AccessToken, Application, AuthorizationCode, hash_token

OOB = "urn:ietf:wg:oauth:2.0:oob"
CODE_LIFETIME = timedelta(minutes=10)


class OAuthError(ValidationFailed):
    """An RFC 6749 error: ``code`` is the OAuth error name."""

    status = 400

    def __init__(self, code: str, message: str, status: int = 400):
        super().__init__(message)
        self.code = code
        self.status = status


def check_redirect_uris(raw) -> list[str]:
    uris = raw if isinstance(raw, list) else str(raw or "").split()
    uris = [u.strip() for u in uris if str(u).strip()]
    if not uris:
        raise ValidationFailed(_("Give at least one redirect URI."), field="redirect_uris")
    for uri in uris:
        if uri != OOB and (":" not in uri or len(uri) > 2000 or uri.lower().startswith(
                ("javascript:", "data:"))):
            raise ValidationFailed(_("Invalid redirect URI: %(uri)s") % {"uri": uri[:100]},
                                   field="redirect_uris")
    return uris


def do_register_app(name: str, redirect_uris, scopes: str | None = None,
                    website: str = "") -> Application:
    name = (name or "").strip()
    if not name:
        raise ValidationFailed(_("An application needs a name."), field="client_name")
    if len(name) > 200:
        raise ValidationFailed(_("The application name is too long."), field="client_name")
    uris = check_redirect_uris(redirect_uris)
    website = (website or "").strip()[:200]
    if website and not website.startswith(("http://", "https://")):
        website = ""
    return Application.objects.create(
        name=name, website=website, client_id=secrets.token_urlsafe(32),
        client_secret=secrets.token_urlsafe(32), redirect_uris="\n".join(uris),
        scopes=check_scopes(scopes or "read"))


def find_app(client_id: str | None, client_secret: str | None = None, *,
             secret_required: bool = True) -> Application:
    app = Application.objects.filter(client_id=client_id or "").first() if client_id else None
    if app is None or (secret_required or client_secret is not None) and not (
            client_secret and hmac.compare_digest(app.client_secret, client_secret)):
        raise OAuthError("invalid_client", _("Client authentication failed due to unknown "
                                             "client, no client authentication included, or "
                                             "unsupported authentication method."), 401)
    return app


def check_grant_scopes(app: Application, requested: str | None) -> str:
    """The scopes asked for, refused when the application did not register them."""
    try:
        scopes = check_scopes(requested or app.scopes.split()[0])
    except ValidationFailed as exc:
        raise OAuthError("invalid_scope", exc.message) from exc
    allowed = app.scopes.split()
    if not all(scope_covers(allowed, s) or (s.startswith(("read:", "write:")) and "follow"
                                            in allowed) for s in scopes.split()):
        raise OAuthError("invalid_scope", _("The requested scope is invalid, unknown, or "
                                            "malformed."))
    return scopes


def check_authorization(app: Application, redirect_uri: str, scopes: str | None,
                        code_challenge: str = "", method: str = "") -> str:
    if redirect_uri not in app.redirect_uris.split("\n"):
        raise OAuthError("invalid_redirect_uri", _("The redirect URI included is not valid."))
    if code_challenge and (method or "plain") not in ("S256", "plain"):
        raise OAuthError("invalid_request", _("Unsupported code challenge method."))
    return check_grant_scopes(app, scopes)


def do_issue_code(user, app: Application, redirect_uri: str, scopes: str,
                  code_challenge: str = "", method: str = "") -> str:
    raw = secrets.token_urlsafe(32)
    AuthorizationCode.objects.create(
        code_hash=hash_token(raw), application=app, user=user, scopes=scopes,
        redirect_uri=redirect_uri, code_challenge=code_challenge[:128],
        code_challenge_method=(method or ("plain" if code_challenge else ""))[:10])
    return raw


def _pkce_ok(code: AuthorizationCode, verifier: str | None) -> bool:
    if not code.code_challenge:
        return True
    if not verifier:
        return False
    if code.code_challenge_method == "S256":
        digest = hashlib.sha256(verifier.encode()).digest()
        expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    else:
        expected = verifier
    return hmac.compare_digest(expected, code.code_challenge)


def do_redeem_code(app: Application, raw_code: str, redirect_uri: str | None,
                   code_verifier: str | None) -> tuple[AccessToken, str]:
    """Exchange a code for a token, once."""
    invalid = OAuthError("invalid_grant", _(
        "The provided authorization grant is invalid, expired, revoked, does not match the "
        "redirection URI used in the authorization request, or was issued to another client."))
    with transaction.atomic():
        code = (AuthorizationCode.objects.select_for_update().select_related("user")
                .filter(code_hash=hash_token(raw_code or ""), application=app).first())
        if code is None or code.used_at is not None or \
                code.created_at < timezone.now() - CODE_LIFETIME:
            raise invalid
        if (redirect_uri or code.redirect_uri) != code.redirect_uri or \
                not _pkce_ok(code, code_verifier):
            raise invalid
        code.used_at = timezone.now()
        code.save(update_fields=["used_at"])
        return do_issue_token(code.user, code.scopes, application=app)
