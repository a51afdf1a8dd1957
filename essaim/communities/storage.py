"""Where community files live: a private directory outside the media root, with no URL.

Every download goes through a permission-checked view (see ``essaim.web.views``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files that only a permission-checked view may hand out: asking a URL is a bug."""

    def url(self, name):
        raise ValueError("Community files have no public URL; serve them through a view.")


def private_storage() -> PrivateStorage:
    location = getattr(settings, "ESSAIM_PRIVATE_FILES_DIR", None) or (
        settings.DATA_DIR / "private")
    return PrivateStorage(location=location)
