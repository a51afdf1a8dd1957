"""Post images and files, served only to those the visibility policy lets see the post."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from essaim.core.errors import NotFound
from essaim.core.files import file_response
from essaim.media.access import access_media_file


def attachment(request, media_id: int, kind: str):
    try:
        media = access_media_file(request.user, media_id, kind,
                                  expires=request.GET.get("exp"), sig=request.GET.get("sig"))
    except NotFound as exc:
        raise Http404(exc.message) from exc
    public = media.post_id is not None and media.post.visibility == "public"
    cache_control = "public, max-age=86400" if public else "private, max-age=3600"
    if media.is_file:  # a document: always a download, with the type its extension says
        if kind != "original":
            raise Http404(_("This file has no preview."))
        return file_response(media.file, media.content_type, cache_control=cache_control,
                             as_attachment=True, filename=media.filename)
    field = media.file if kind == "original" else media.preview
    content_type = "image/png" if field.name.endswith(".png") else "image/jpeg"
    return file_response(field, content_type, cache_control=cache_control)
