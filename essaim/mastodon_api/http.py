"""The Mastodon adapter's HTTP plumbing: authentication, scopes, errors, CORS, routing.

Every endpoint answers JSON, errors included (``{"error": "..."}`` with 401, 403, 404, 422,
429), is CSRF-exempt and authenticates by bearer token (``Authorization`` header or
``access_token`` parameter), never by the browser session.
"""

from __future__ import annotations

import logging
from functools import wraps

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import re_path
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from essaim.core.errors import EssaimError, ValidationFailed
from essaim.oauth.scopes import has_scope

from . import params as params_module

logger = logging.getLogger(__name__)

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, Idempotency-Key, Accept, "
                                    "Accept-Language",
    "Access-Control-Expose-Headers": "Link, Idempotency-Key, X-RateLimit-Limit, "
                                     "X-RateLimit-Remaining, X-RateLimit-Reset",
    "Access-Control-Max-Age": "86400",
}


class Unauthorized(EssaimError):
    status = 401


class Forbidden(EssaimError):
    status = 403


def json_response(data, status: int = 200, headers: dict | None = None) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, headers=headers,
                        json_dumps_params={"ensure_ascii": False})


def error_response(status: int, message: str) -> JsonResponse:
    return json_response({"error": str(message)}, status=status)


def bearer_token(request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _sep, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.GET.get("access_token") or None


def authenticate(request, raw: str | None):
    """Set ``request.token`` and ``request.viewer`` from a raw bearer token."""
    from essaim.oauth.auth import authenticate_token
    from essaim.timelines.activity import note_activity

    request.token = None
    request.viewer = None
    if raw is None:
        return None
    token = authenticate_token(raw)
    if token is None:
        raise Unauthorized(_("The access token is invalid"))
    request.token = token
    if token.user is not None:
        request.viewer = request.user = token.user
        note_activity(token.user)
        if token.user.locale:
            translation.activate(token.user.locale)
    return token


def api(scope: str | None = None, *, auth: str = "user"):
    """Decorate an endpoint. ``auth``: "user" (a person's token), "token" (any), "optional"."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                raw = bearer_token(request)
                request.params = params_module.parse(request)
                raw = raw or request.params.str("access_token")
                token = authenticate(request, raw)
                if token is None and auth != "optional":
                    raise Unauthorized(_("The access token is invalid"))
                if token is not None and scope and not has_scope(token.scope_set(), scope):
                    raise Forbidden(_("This action is outside the authorized scopes"))
                if auth == "user" and request.viewer is None:
                    raise ValidationFailed(_("This method requires an authenticated user"))
                return view(request, *args, **kwargs)
            except EssaimError as exc:
                return error_response(exc.status, exc.message)
            except Http404:
                return error_response(404, _("Record not found"))
            except RequestDataTooBig:
                return error_response(413, _("The request is too large."))

        return wrapper

    return decorate


def _cors(response):
    for key, value in CORS_HEADERS.items():
        response.headers.setdefault(key, value)
    return response


def route(pattern: str, name: str | None = None, **handlers):
    """One URL, one handler per HTTP method; a trailing slash is optional."""
    allowed = ", ".join(sorted({*handlers, "OPTIONS"}))

    @csrf_exempt
    def dispatch(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=200)
            response["Allow"] = allowed
            return _cors(response)
        method = "GET" if request.method == "HEAD" else request.method
        handler = handlers.get(method)
        if handler is None:
            response = error_response(405, _("Method not allowed"))
            response["Allow"] = allowed
            return _cors(response)
        return _cors(handler(request, *args, **kwargs))

    dispatch.methods = tuple(handlers)  # type: ignore[attr-defined]
    pattern = pattern.rstrip("/")
    return re_path(rf"^{pattern}/?$", dispatch, name=name)
