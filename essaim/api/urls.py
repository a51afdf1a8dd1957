"""The native JSON API (``/api/essaim/v1/``), with its OpenAPI document at ``/docs``."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from essaim.core.errors import EssaimError

from .auth import AUTH
from .routers import (
    accounts,
    advocacy,
    articles,
    communities,
    community_artefacts,
    insight,
    moderation,
    notifications,
    posts,
    search,
    timelines,
    trends,
    watches,
)

_ERROR_BODY = {"application/json": {"schema": {
    "type": "object", "required": ["error"],
    "properties": {"error": {"type": "string"}, "field": {"type": "string"}}}}}
_GENERIC_ERRORS = {
    400: "Bad request: the body cannot be parsed, or the request holds a control character.",
    422: "A query, path or body value is not valid (the message says which).",
}


class EssaimAPI(NinjaAPI):
    """Every operation documents the answers every operation can give: 400 and 422."""

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status, description in _GENERIC_ERRORS.items():
                    responses.setdefault(status, {"description": description,
                                                  "content": _ERROR_BODY})
        return schema


api = EssaimAPI(
    title="Essaim API", version="1", urls_namespace="essaim-api", auth=AUTH,
    description="Native JSON API of Essaim. Authenticate with `Authorization: Bearer <token>` "
    "(tokens from `essaim token USERNAME`) or a browser session.",
)


@api.exception_handler(EssaimError)
def essaim_error(request, exc: EssaimError):
    body = {"error": exc.message}
    if exc.field:
        body["field"] = exc.field
    return api.create_response(request, body, status=exc.status)


@api.exception_handler(AuthenticationError)
def auth_error(request, exc):
    return api.create_response(request, {"error": _("Authentication required: send a valid "
                                           "bearer token.")}, status=401)


@api.exception_handler(NinjaValidationError)
def validation_error(request, exc: NinjaValidationError):
    parts = []
    for err in exc.errors:
        where = ".".join(str(x) for x in err.get("loc", []) if x not in ("body", "payload"))
        parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    return api.create_response(request, {"error": "; ".join(parts) or _("Invalid request.")},
                               status=422)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return api.create_response(request, {"error": str(exc)}, status=exc.status_code)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"error": _("Not found.")}, status=404)


api.add_router("", advocacy.router)
api.add_router("/accounts", accounts.router)
api.add_router("/posts", posts.router)
api.add_router("/articles", articles.router)
api.add_router("/timelines", timelines.router)
api.add_router("/notifications", notifications.router)
api.add_router("/communities", communities.router)
# The artefacts (files, links, ideas, tasks, events…) share the /communities prefix.
api.add_router("/communities", community_artefacts.router)
api.add_router("", trends.router)
api.add_router("", search.router)
api.add_router("", watches.router)
api.add_router("", insight.router)
api.add_router("", moderation.router)
