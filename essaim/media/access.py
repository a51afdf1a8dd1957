"""Who may fetch a post image: asked of the visibility policy, or proven by a signed address.

* An attached image is served to whoever may see its post (``visibility.access_post``); a public
  post's images are therefore public.
* An image not attached yet is its uploader's alone.
* Mastodon clients load images without a session: the statuses they were allowed to read carry
  signed addresses (``signed_url``) valid for ``ESSAIM_MEDIA_URL_TTL`` to ``2 ×`` that long,
  stable within a window so that browsers and caches can keep them.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import NotFound

from .models import MediaAttachment, media_path

KINDS = ("original", "preview")
_SALT = "essaim.media.attachment"


def _expiry(now: float | None = None) -> int:
    ttl = settings.ESSAIM_MEDIA_URL_TTL
    return (int((now or time.time()) // ttl) + 2) * ttl


def signed_url(media_id: int, kind: str) -> str:
    """An address to this image that works without a session until it expires."""
    expires = _expiry()
    sig = signing.Signer(salt=_SALT).signature(f"{media_id}:{kind}:{expires}")
    return f"{media_path(media_id, kind)}?exp={expires}&sig={sig}"


def _signature_ok(media_id: int, kind: str, expires: str | None, sig: str | None) -> bool:
    if not expires or not sig or not expires.isdigit() or int(expires) < time.time():
        return False
    signer = signing.Signer(salt=_SALT)
    try:
        signer.unsign(f"{media_id}:{kind}:{expires}{signer.sep}{sig}")
    except signing.BadSignature:
        return False
    return True


def access_media_file(viewer, media_id: int, kind: str, *, expires=None,
                      sig=None) -> MediaAttachment:
    """The attachment if the viewer may fetch it (or the address is signed), else NotFound."""
    refused = NotFound(_("This image does not exist or is not visible to you."))
    if kind not in KINDS:
        raise refused
    media = MediaAttachment.objects.filter(pk=media_id).first()
    if media is None:
        raise refused
    if _signature_ok(media_id, kind, expires, sig):
        return media
    if media.post_id is None:
        if not getattr(viewer, "is_authenticated", False) or viewer.pk != media.owner_id:
            raise refused
        return media
    policy.access_post(viewer, media.post_id)
    return media
