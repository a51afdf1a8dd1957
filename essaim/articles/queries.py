"""Read helpers for articles (callers pass posts the visibility policy already let through)."""

from __future__ import annotations

from .models import Article


def articles_by_post(post_ids) -> dict[int, Article]:
    """The articles announced by these posts, by post id, in one query (none if no ids)."""
    ids = [i for i in post_ids if i]
    if not ids:
        return {}
    return {a.post_id: a for a in Article.objects.filter(post_id__in=ids)
            .only("post_id", "title", "summary", "cover_id")}
