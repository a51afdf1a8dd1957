"""Avatar uploads: checked by content, resized, re-encoded (which drops all metadata)."""

from __future__ import annotations

import io

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from essaim.core.errors import ValidationFailed

ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
SIZE = 400
Image.MAX_IMAGE_PIXELS = 40_000_000  # refuse decompression bombs


def process_avatar(uploaded) -> ContentFile:
    if uploaded.size > settings.ESSAIM_AVATAR_MAX_BYTES:
        raise ValidationFailed(
            _("The image is too large (%(max)d MB at most).")
            % {"max": settings.ESSAIM_AVATAR_MAX_BYTES // (1024 * 1024)}, field="avatar")
    try:
        data = uploaded.read()
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            probe.verify()
        if kind not in ACCEPTED_FORMATS:
            raise ValidationFailed(_("Upload a JPEG, PNG, GIF or WebP image."), field="avatar")
        with Image.open(io.BytesIO(data)) as image:
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
            image = ImageOps.fit(image, (SIZE, SIZE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            image.save(out, format="WEBP", quality=85)  # a fresh file: no EXIF, no GPS
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise ValidationFailed(_("This file is not an image we can read."),
                               field="avatar") from exc
    return ContentFile(out.getvalue(), name="avatar.webp")
