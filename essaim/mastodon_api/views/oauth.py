"""OAuth 2 for Mastodon clients: app registration, authorise (consent page), token, revoke."""

from __future__ import annotations

import base64
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.contrib.auth import authenticate
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from essaim.accounts.backends import login_rate_key
from essaim.core import ratelimit
from essaim.core.errors import EssaimError, RateLimited
from essaim.oauth import flows as actions
from essaim.oauth.actions import do_issue_token, do_revoke_token
from essaim.oauth.models import AccessToken, hash_token

from ..http import api, json_response
from ..params import parse

SCOPE_LABELS = {
    "read": gettext_lazy("Read your posts, timelines, notifications, lists and profile"),
    "write": gettext_lazy("Post, relay, like, bookmark, follow and change your profile "
                          "for you"),
    "follow": gettext_lazy("Follow, block and mute people for you"),
    "push": gettext_lazy("Receive push notifications"),
}


def app_entity(app, *, with_secret: bool = True) -> dict:
    uris = app.redirect_uris.split("\n")
    data = {"id": str(app.id), "name": app.name, "website": app.website or None,
            "scopes": app.scopes.split(), "redirect_uri": "\n".join(uris),
            "redirect_uris": uris, "vapid_key": ""}
    if with_secret:
        data.update({"client_id": app.client_id, "client_secret": app.client_secret,
                     "client_secret_expires_at": 0})
    return data


@api(auth="optional")
def create_app(request):
    p = request.params
    uris = p.getlist("redirect_uris") if isinstance(p.raw("redirect_uris"), list) else \
        p.str("redirect_uris") or p.str("redirect_uri")
    app = actions.do_register_app(p.str("client_name", ""), uris, p.str("scopes"),
                                  p.str("website", ""))
    return json_response(app_entity(app))


@api(auth="token")
def verify_app(request):
    app = request.token.application
    if app is None:
        return json_response({"name": "essaim", "website": None, "scopes":
                              request.token.scopes.split(), "redirect_uris": [],
                              "redirect_uri": "", "vapid_key": ""})
    return json_response(app_entity(app, with_secret=False))


def _oauth_error(exc: EssaimError):
    code = getattr(exc, "code", "invalid_request")
    return json_response({"error": code, "error_description": exc.message},
                         status=exc.status if exc.status in (400, 401, 429) else 400)


def _client_credentials(request, p) -> tuple[str | None, str | None]:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("basic "):
        try:
            decoded = base64.b64decode(header[6:].strip()).decode()
            client_id, _sep, secret = decoded.partition(":")
            return client_id, secret
        except (ValueError, UnicodeDecodeError):
            pass
    return p.str("client_id"), p.str("client_secret")


def _token_body(token: AccessToken, raw: str) -> dict:
    return {"access_token": raw, "token_type": "Bearer", "scope": token.scopes,
            "created_at": int(token.created_at.timestamp())}


def _password_grant(request, app, p):
    username, password = p.str("username", ""), p.str("password", "")
    key = login_rate_key(request.META.get("REMOTE_ADDR", ""), username)
    ratelimit.hit("login", key, "ESSAIM_RATE_LOGIN")
    scopes = actions.check_grant_scopes(app, p.str("scope") or p.str("scopes"))
    user = authenticate(request, username=username, password=password)
    if user is None:
        raise actions.OAuthError("invalid_grant", _("The username or password is wrong."))
    ratelimit.reset("login", key, "ESSAIM_RATE_LOGIN")
    from essaim.accounts.twofactor import is_enabled

    if is_enabled(user):  # the password alone is not enough: sign in through the browser
        raise actions.OAuthError("invalid_grant", _(
            "This account uses two-factor authentication: sign in through the app's "
            "browser sign-in."))
    return do_issue_token(user, scopes, application=app)


def _redirect_origin(uri: str) -> str:
    """What the consent form's CSP must allow: the app's redirect address ends the form."""
    if uri == actions.OOB:
        return ""
    parts = urlsplit(uri)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return f"{parts.scheme}:" if parts.scheme.isalnum() else ""


def token(request):
    """POST /oauth/token (authorization_code, password, client_credentials)."""
    try:
        p = parse(request)
        client_id, secret = _client_credentials(request, p)
        grant = p.str("grant_type", "")
        if grant == "authorization_code":
            app = actions.find_app(client_id, secret,
                                   secret_required=not p.str("code_verifier"))
            issued, raw = actions.do_redeem_code(app, p.str("code", ""), p.str("redirect_uri"),
                                                 p.str("code_verifier"))
        elif grant == "password":
            app = actions.find_app(client_id, secret)
            issued, raw = _password_grant(request, app, p)
        elif grant == "client_credentials":
            app = actions.find_app(client_id, secret)
            scopes = actions.check_grant_scopes(app, p.str("scope") or p.str("scopes"))
            issued, raw = do_issue_token(None, scopes, application=app)
        else:
            raise actions.OAuthError("unsupported_grant_type", _(
                "The authorization grant type is not supported by the authorization server."))
    except RateLimited as exc:
        return json_response({"error": "rate_limited", "error_description": exc.message},
                             status=429)
    except EssaimError as exc:
        return _oauth_error(exc)
    return json_response(_token_body(issued, raw))


def revoke(request):
    """POST /oauth/revoke: always 200, as RFC 7009 asks."""
    try:
        p = parse(request)
        client_id, secret = _client_credentials(request, p)
        app = actions.find_app(client_id, secret)
    except EssaimError as exc:
        return _oauth_error(exc)
    found = AccessToken.objects.filter(token_hash=hash_token(p.str("token", "")),
                                       application=app).first()
    if found is not None:
        do_revoke_token(found)
    return json_response({})


# --- The consent page ----------------------------------------------------------------------

def _with_query(uri: str, **params) -> str:
    parts = urlsplit(uri)
    query = parse_qsl(parts.query, keep_blank_values=True) + [
        (k, v) for k, v in params.items() if v]
    return urlunsplit(parts._replace(query=urlencode(query)))


class _AppRedirect(HttpResponseRedirect):
    """A redirect to a registered app URI, which may use the app's own scheme."""

    def __init__(self, url: str):
        scheme = urlsplit(url).scheme.lower()
        self.allowed_schemes = [scheme] if scheme not in ("javascript", "data", "vbscript") \
            else ["https"]
        super().__init__(url)


def _authorize_request(request):
    source = request.POST if request.method == "POST" else request.GET
    fields = ("client_id", "redirect_uri", "scope", "state", "code_challenge",
              "code_challenge_method", "response_type")
    return {f: (source.get(f) or "").strip() for f in fields}


@require_http_methods(["GET", "POST"])
def authorize(request):
    q = _authorize_request(request)
    try:
        app = actions.find_app(q["client_id"], secret_required=False)
        if q["response_type"] not in ("", "code"):
            raise actions.OAuthError("unsupported_response_type",
                                     _("Only the authorisation code flow is supported."))
        scopes = actions.check_authorization(app, q["redirect_uri"], q["scope"],
                                             q["code_challenge"], q["code_challenge_method"])
    except EssaimError as exc:
        return render(request, "mastodon_api/authorize_error.html", {"error": exc.message},
                      status=400)
    if not request.user.is_authenticated or not request.user.is_active:
        return redirect_to_login(request.get_full_path())
    if request.method == "GET":
        response = render(request, "mastodon_api/authorize.html", {
            "app": app, "oauth": q, "scopes": scopes,
            "scope_labels": [SCOPE_LABELS.get(s.split(":")[0], s) for s in
                             dict.fromkeys(s.split(":")[0] for s in scopes.split())],
        })
        response.csp_extra = {"form-action": [_redirect_origin(q["redirect_uri"])]}
        return response
    if request.POST.get("decision") != "approve":
        if q["redirect_uri"] == actions.OOB:
            return render(request, "mastodon_api/authorize_error.html",
                          {"error": _("You refused access to this application.")})
        return _AppRedirect(_with_query(q["redirect_uri"], error="access_denied",
                                        state=q["state"]))
    code = actions.do_issue_code(request.user, app, q["redirect_uri"], scopes,
                                 q["code_challenge"], q["code_challenge_method"])
    if q["redirect_uri"] == actions.OOB:
        return render(request, "mastodon_api/authorize_code.html", {"app": app, "code": code})
    return _AppRedirect(_with_query(q["redirect_uri"], code=code, state=q["state"]))
