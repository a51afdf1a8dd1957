"""Files attached to posts (not images): office documents, PDF and plain text.

Accepted by extension *and* content (a PDF starts with ``%PDF-``, Office Open XML and
OpenDocument files are ZIP archives, older Office files OLE containers, text is UTF-8), never
by what the browser says; kept under a generated name, served as a download with the type
given here and ``nosniff``, so that a file can never run as a page of the site.
"""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.utils.translation import gettext as _

from essaim.core.errors import ValidationFailed

ZIP, OLE, PDF = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF-"
OOXML = "application/vnd.openxmlformats-officedocument."
ODF = "application/vnd.oasis.opendocument."
DOCUMENTS: dict[str, tuple[str, bytes | None]] = {  # extension: (content type, magic)
    "pdf": ("application/pdf", PDF),
    "docx": (OOXML + "wordprocessingml.document", ZIP),
    "xlsx": (OOXML + "spreadsheetml.sheet", ZIP),
    "pptx": (OOXML + "presentationml.presentation", ZIP),
    "odt": (ODF + "text", ZIP),
    "ods": (ODF + "spreadsheet", ZIP),
    "odp": (ODF + "presentation", ZIP),
    "doc": ("application/msword", OLE),
    "xls": ("application/vnd.ms-excel", OLE),
    "ppt": ("application/vnd.ms-powerpoint", OLE),
    "txt": ("text/plain; charset=utf-8", None),
    "csv": ("text/csv; charset=utf-8", None),
}
ACCEPT = ",".join("." + ext for ext in DOCUMENTS)  # for <input type="file" accept>
NAME_MAX = 120


def extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def is_document(name: str) -> bool:
    return extension(name or "") in DOCUMENTS


def clean_filename(name: str) -> str:
    """The name people see: no folders, no control characters, at most NAME_MAX characters
    (the extension kept)."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in unicodedata.normalize("NFC", name)
                   if unicodedata.category(c)[0] != "C")
    name = re.sub(r"\s+", " ", name).strip(" .") or "file"
    if len(name) > NAME_MAX:
        ext = extension(name)
        stem = name[: NAME_MAX - len(ext) - 1].rstrip(" .")
        name = f"{stem}.{ext}" if ext else stem
    return name


def check_document(uploaded) -> tuple[str, str]:
    """(clean name, content type) of an acceptable file, or ValidationFailed saying why."""
    ext = extension(uploaded.name or "")
    if ext not in DOCUMENTS:
        raise ValidationFailed(
            _("This kind of file cannot be attached: PDF, Word, Excel, PowerPoint, "
              "OpenDocument or text files only."), field="file")
    limit = settings.ESSAIM_UPLOAD_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationFailed(_("The file is too large (%(max)d MB at most).")
                               % {"max": limit // (1024 * 1024)}, field="file")
    if uploaded.size == 0:
        raise ValidationFailed(_("The file is empty."), field="file")
    content_type, magic = DOCUMENTS[ext]
    uploaded.seek(0)
    head = uploaded.read(64 * 1024)
    uploaded.seek(0)
    if magic is not None:
        ok = head.startswith(magic)
    else:
        try:
            head.decode("utf-8")
            ok = b"\x00" not in head
        except UnicodeDecodeError as exc:  # cut in the middle of a character is fine
            ok = exc.start >= len(head) - 3
    if not ok:
        raise ValidationFailed(_("This file is not what its name says (.%(ext)s).")
                               % {"ext": ext}, field="file")
    return clean_filename(uploaded.name), content_type
