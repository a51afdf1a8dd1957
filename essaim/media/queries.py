from __future__ import annotations

from .models import MediaAttachment


def media_by_post(post_ids) -> dict[int, list[MediaAttachment]]:
    """Attachments of the given (already visible) posts, in order."""
    out: dict[int, list[MediaAttachment]] = {}
    for item in MediaAttachment.objects.filter(post_id__in=list(post_ids)):
        out.setdefault(item.post_id, []).append(item)
    return out
