"""Settings → your data: ask for an export, download it while it is valid."""

from __future__ import annotations

from django.http import FileResponse
from django.utils.translation import gettext as _

from essaim.privacy import actions

from .common import done, web_view


@web_view(methods=("POST",))
def request_export(request):
    actions.do_request_export(request.user)
    return done(request, _("Your export is being prepared: you will be notified when it is "
                           "ready."), fallback="web:settings")


@web_view()
def download(request, export_id):
    export = actions.access_download(request.user, export_id)
    name = f"essaim-{request.user.username}-{export.ready_at:%Y-%m-%d}.zip"
    response = FileResponse(actions.open_export(export), as_attachment=True, filename=name,
                            content_type="application/zip")
    response["Cache-Control"] = "private, no-store"
    return response
