"""Permission-checked fetches of articles: the visibility policy decides, through the
announcement post (an article is seen by exactly those who may see its post)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import NotFound, PermissionDenied

from .models import Article


def _missing() -> NotFound:
    return NotFound(_("This article does not exist or is not visible to you."))


def access_article(viewer, post_id) -> Article:
    """The article announced by post ``post_id`` if ``viewer`` may read it, else NotFound."""
    try:
        post = policy.access_post(viewer, post_id)
    except NotFound as exc:
        raise _missing() from exc
    article = Article.objects.select_related("cover").filter(post_id=post.id).first()
    if article is None:
        raise _missing()
    article.post = post
    return article


def may_edit(viewer, article: Article) -> bool:
    post = article.post
    if not viewer.is_authenticated:
        return False
    return post.author_id == viewer.id or (
        post.author.is_official and post.author.delegates.filter(id=viewer.id).exists())


def access_own_article(viewer, post_id) -> Article:
    article = access_article(viewer, post_id)
    if not may_edit(viewer, article):
        raise PermissionDenied(_("Only the author can change this article."))
    return article
