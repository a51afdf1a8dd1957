"""Image uploads: checked by content, size-limited, re-encoded (which drops all metadata)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from essaim.core.errors import ValidationFailed

ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
MIME_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"]
MAX_SIDE = 3840
PREVIEW_SIDE = 640
MAX_PIXELS = 40_000_000  # refuse decompression bombs
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def max_bytes() -> int:
    return getattr(settings, "ESSAIM_MEDIA_MAX_BYTES", DEFAULT_MAX_BYTES)


@dataclass
class ProcessedImage:
    original: ContentFile
    preview: ContentFile
    size: tuple[int, int]
    preview_size: tuple[int, int]


def _encode(image: Image.Image, alpha: bool) -> bytes:
    out = io.BytesIO()
    if alpha:
        image.save(out, format="PNG", optimize=True)
    else:
        image.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue()


def process_image(uploaded) -> ProcessedImage:
    if uploaded.size > max_bytes():
        raise ValidationFailed(_("The image is too large (%(max)d MB at most).")
                               % {"max": max_bytes() // (1024 * 1024)}, field="file")
    try:
        data = uploaded.read()
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationFailed(_("The image has too many pixels."), field="file")
            probe.verify()
        if kind not in ACCEPTED_FORMATS:
            raise ValidationFailed(_("Upload a JPEG, PNG, GIF or WebP image."), field="file")
        with Image.open(io.BytesIO(data)) as image:
            image = ImageOps.exif_transpose(image)
            alpha = image.mode in ("RGBA", "LA", "P", "PA")
            image = image.convert("RGBA" if alpha else "RGB")
            image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            preview = image.copy()
            preview.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE), Image.Resampling.LANCZOS)
            ext = "png" if alpha else "jpg"
            return ProcessedImage(
                original=ContentFile(_encode(image, alpha), name=f"image.{ext}"),
                preview=ContentFile(_encode(preview, alpha), name=f"preview.{ext}"),
                size=image.size, preview_size=preview.size)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError,
            ValueError) as exc:
        raise ValidationFailed(_("This file is not an image we can read."),
                               field="file") from exc
