"""Type detection by content: a file is what its bytes say, and must match its name.

Executables are refused; plain-text formats (which have no signature) are accepted when their
bytes are text. Thumbnails are made for images.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import filetype
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from essaim.core.errors import ValidationFailed

HEAD_BYTES = 8192
THUMB_SIDE = 320
MAX_PIXELS = 40_000_000
REFUSED = {"exe", "elf", "swf", "crx", "cab", "deb", "rpm", "wasm", "nes", "ar", "dwg"}
TEXT_TYPES = {"txt": "text/plain", "csv": "text/csv", "md": "text/markdown",
              "json": "application/json", "ics": "text/calendar", "log": "text/plain",
              "tsv": "text/tab-separated-values"}
SAME = {"jpg": {"jpg", "jpeg", "jpe", "jfif"}, "tif": {"tif", "tiff"}, "mpg": {"mpg", "mpeg"},
        "gz": {"gz", "tgz"}, "mp4": {"mp4", "m4v"}, "midi": {"mid", "midi"},
        "ps": {"ps", "eps"}, "mov": {"mov", "qt"}}
# Office files are zip archives: a detector may only see the zip.
ZIP_BASED = {"docx", "xlsx", "pptx", "odt", "ods", "odp", "epub", "zip"}
THUMBNAILED = {"image/jpeg", "image/png", "image/gif", "image/webp"}


@dataclass
class Detected:
    content_type: str
    extension: str


def extension_of(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base.strip(".") else ""


def detect(head: bytes, name: str) -> Detected:
    """What the file is, by its first bytes; refuses disguised and executable files."""
    declared = extension_of(name)
    kind = filetype.guess(head)
    if kind is None:
        if declared in TEXT_TYPES and _looks_like_text(head):
            return Detected(TEXT_TYPES[declared], declared)
        raise ValidationFailed(_("We could not recognise the type of this file."),
                               field="file")
    if kind.extension in REFUSED:
        raise ValidationFailed(_("Programs and executable files are not accepted."),
                               field="file")
    matches = declared in SAME.get(kind.extension, {kind.extension})
    if kind.extension == "zip" and declared in ZIP_BASED:
        matches = True
    if declared and not matches:
        raise ValidationFailed(
            _("This file's content (%(kind)s) does not match its name (.%(ext)s).")
            % {"kind": kind.extension.upper(), "ext": declared}, field="file")
    return Detected(kind.mime, declared or kind.extension)


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # a cut multi-byte character at the end is fine
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True


def thumbnail(data: bytes, content_type: str) -> ContentFile | None:
    """A small PNG preview of an image, or None when it is not one we can read."""
    if content_type not in THUMBNAILED:
        return None
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                return None
            image.thumbnail((THUMB_SIDE, THUMB_SIDE))
            out = io.BytesIO()
            image.convert("RGBA").save(out, format="PNG", optimize=True)
            return ContentFile(out.getvalue(), name="thumb.png")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
