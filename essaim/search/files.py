"""Community files' text for search: read after each new version, kept in :class:`FileText`."""

from __future__ import annotations

import logging

from .extract import ExtractionFailed, extract_text, extractable
from .models import FileText, Kind

log = logging.getLogger(__name__)


def extract_latest(file_id: int) -> int:
    """Read the latest version of a file if it was not read yet; returns its characters."""
    from essaim.communities.models import FileVersion

    from .indexing import index_objects

    version = (FileVersion.objects.select_related("file").filter(file_id=file_id)
               .order_by("-number").first())
    if version is None:
        return 0
    known = FileText.objects.filter(file_id=file_id).first()
    if known is not None and known.version_id == version.id:
        return len(known.text)
    text, error = "", ""
    if extractable(version.content_type, version.file.name):
        try:
            with version.blob.open("rb") as handle:
                data = handle.read()
            text = extract_text(data, version.content_type, version.file.name)
        except (ExtractionFailed, OSError) as exc:
            error = str(exc)[:200]
            log.info("file %s: no text for search (%s)", file_id, error)
    FileText.objects.update_or_create(file_id=file_id, defaults={
        "version_id": version.id, "text": text, "error": error})
    index_objects(Kind.FILE, [file_id])
    return len(text)
