"""Request guards shared by every surface."""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

_BODY_TYPES = ("application/json", "application/x-www-form-urlencoded", "text/plain")


def _has_nul(request) -> bool:
    raw_query = request.META.get("QUERY_STRING", "")
    if "\x00" in request.path or b"\x00" in unquote_to_bytes(raw_query):
        return True
    ctype = (request.content_type or "").lower()
    if request.method in ("GET", "HEAD", "OPTIONS") or not ctype.startswith(_BODY_TYPES):
        return False
    body = request.body
    if b"\x00" in body:
        return True
    if "json" in ctype:
        return b"\\u0000" in body
    return b"\x00" in unquote_to_bytes(body.replace(b"+", b" "))


class RefuseNulMiddleware:
    """A NUL byte in a URL or a text body: 400 before any view or query sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            message = _("The request contains a control character (U+0000); remove it and "
                        "try again.")
            if request.path.startswith(("/api/", "/oauth/")):
                return JsonResponse({"error": message}, status=400,
                                    json_dumps_params={"ensure_ascii": False})
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)



