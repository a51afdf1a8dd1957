"""Read helpers for link cards (callers pass posts the visibility policy already let through)."""

from __future__ import annotations

from django.conf import settings

from .models import LinkCard, PostLink


def cards_by_post(post_ids) -> dict[int, LinkCard]:
    """The cards to show on these posts, by post id, in one query (none while previews are
    off or when no post has one)."""
    ids = [i for i in post_ids if i]
    if not ids or not settings.ESSAIM_LINK_PREVIEWS:
        return {}
    rows = PostLink.objects.filter(post_id__in=ids).select_related("card")
    return {row.post_id: row.card for row in rows if row.card.shown}
