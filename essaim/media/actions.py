"""Writes to media attachments: upload, describe, attach to a post."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from essaim.core import ratelimit
from essaim.core.errors import NotFound, ValidationFailed

from .documents import check_document, extension, is_document
from .images import process_image
from .models import MediaAttachment

MAX_PER_POST = 4
MAX_DESCRIPTION = 1500


def check_description(description: str | None) -> str:
    description = (description or "").strip()
    if len(description) > MAX_DESCRIPTION:
        raise ValidationFailed(_("An image description has at most %(n)d characters.")
                               % {"n": MAX_DESCRIPTION}, field="description")
    return description


def check_focus(focus: str | None) -> tuple[float, float]:
    """Mastodon's focal point, "x,y" with each coordinate between -1 and 1."""
    if not focus:
        return 0.0, 0.0
    try:
        x, y = (float(v) for v in str(focus).split(","))
    except ValueError as exc:
        raise ValidationFailed(_("A focal point is written \"x,y\"."), field="focus") from exc
    if not (-1 <= x <= 1 and -1 <= y <= 1):
        raise ValidationFailed(_("Focal point coordinates are between -1 and 1."),
                               field="focus")
    return x, y


def access_media(user, media_id) -> MediaAttachment:
    try:
        return MediaAttachment.objects.get(pk=int(media_id), owner=user)
    except (MediaAttachment.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFound(_("This attachment does not exist.")) from exc


def do_upload_media(user, uploaded, *, description: str = "", focus: str | None = None,
                    kind: str | None = None):
    """Upload an image or a file for a post. ``kind`` "image" or "file" insists on one;
    without it, documents are told by their name (a Mastodon app uploads both the same way)."""
    if uploaded is None:
        raise ValidationFailed(_("Choose a file to upload."), field="file")
    ratelimit.hit("media", str(user.id), "ESSAIM_RATE_POST")
    description = check_description(description)
    if kind == MediaAttachment.Kind.FILE or (kind is None and is_document(uploaded.name or "")):
        return _upload_document(user, uploaded, description)
    focus_x, focus_y = check_focus(focus)
    image = process_image(uploaded)
    media = MediaAttachment(owner=user, description=description, focus_x=focus_x,
                            focus_y=focus_y, width=image.size[0], height=image.size[1],
                            preview_width=image.preview_size[0],
                            preview_height=image.preview_size[1])
    stem = f"{user.id}-{secrets.token_hex(8)}"
    media.file.save(f"{stem}{_ext(image.original.name)}", image.original, save=False)
    media.preview.save(f"{stem}{_ext(image.preview.name)}", image.preview, save=False)
    media.save()
    return media


def _upload_document(user, uploaded, description: str) -> MediaAttachment:
    """A file for a post: checked by content, stored under a generated name."""
    filename, content_type = check_document(uploaded)
    media = MediaAttachment(owner=user, kind=MediaAttachment.Kind.FILE, description=description,
                            filename=filename, content_type=content_type, size=uploaded.size)
    stored = f"files/{user.id}-{secrets.token_hex(8)}.{extension(filename) or 'bin'}"
    media.file.save(stored, uploaded, save=False)
    media.save()
    return media


def _ext(name: str) -> str:
    return "." + name.rsplit(".", 1)[-1]


def do_update_media(user, media_id, *, description: str | None = None,
                    focus: str | None = None) -> MediaAttachment:
    media = access_media(user, media_id)
    if description is not None:
        media.description = check_description(description)
    if focus is not None:
        media.focus_x, media.focus_y = check_focus(focus)
    media.save(update_fields=["description", "focus_x", "focus_y"])
    return media


def check_attachable(user, media_ids) -> list[MediaAttachment]:
    """The caller's own unattached uploads, in the order given."""
    ids = list(dict.fromkeys(str(i) for i in media_ids or [] if str(i).strip()))
    if len(ids) > MAX_PER_POST:
        raise ValidationFailed(_("A post has at most %(n)d attachments.") % {"n": MAX_PER_POST},
                               field="media_ids")
    media = [access_media(user, i) for i in ids]
    for item in media:
        if item.post_id is not None:
            raise ValidationFailed(_("This image is already attached to a post."),
                                   field="media_ids")
    return media


def do_attach_media(user, post, media: list[MediaAttachment]) -> None:
    """Attach checked uploads (see :func:`check_attachable`) to the caller's new post."""
    with transaction.atomic():
        for position, item in enumerate(media):
            updated = MediaAttachment.objects.filter(pk=item.pk, owner=user,
                                                     post__isnull=True).update(
                post=post, position=position)
            if not updated:
                raise ValidationFailed(_("This image is already attached to a post."),
                                       field="media_ids")
