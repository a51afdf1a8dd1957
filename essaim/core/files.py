"""Handing out a stored file once a view has checked who may have it.

``ESSAIM_MEDIA_OFFLOAD`` chooses who sends the bytes: ``none`` (Django streams the file),
``x-accel-redirect`` (nginx: the response names an internal location,
``ESSAIM_MEDIA_ACCEL_PREFIX`` + ``media/`` or ``private/`` + the file's name) or ``x-sendfile``
(Apache mod_xsendfile, lighttpd: the response names the file's absolute path).
"""

from __future__ import annotations

from django.conf import settings
from django.http import FileResponse, HttpResponse


def _accel_location(field) -> str:
    root = "private/" if field.storage.location != str(settings.MEDIA_ROOT) else "media/"
    return f"{settings.ESSAIM_MEDIA_ACCEL_PREFIX.rstrip('/')}/{root}{field.name}"


def file_response(field, content_type: str, *, cache_control: str, as_attachment=False,
                  filename: str | None = None):
    """A response carrying the file (or telling the web server in front to send it)."""
    mode = settings.ESSAIM_MEDIA_OFFLOAD
    response: HttpResponse | FileResponse
    if mode == "none":
        response = FileResponse(field.storage.open(field.name), content_type=content_type,
                                as_attachment=as_attachment, filename=filename or "")
    else:
        response = HttpResponse(content_type=content_type)
        if mode == "x-accel-redirect":
            response["X-Accel-Redirect"] = _accel_location(field)
        else:
            response["X-Sendfile"] = field.storage.path(field.name)
        if as_attachment:
            response["Content-Disposition"] = FileResponse(
                b"", as_attachment=True, filename=filename or field.name)["Content-Disposition"]
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    return response
