"""Writes of articles. The announcement post is made and changed by the posts actions, so an
article follows every rule of posts (author, official accounts, visibility, reply policy,
communities, rate limits, delivery)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core.errors import ValidationFailed
from essaim.core.text import check_clean_text
from essaim.posts import actions as posts

from . import markdown
from .access import access_own_article
from .models import Article

TITLE_MAX = 200
DEFAULT_COVER_MAX_BYTES = 5 * 1024 * 1024


def check_title(title: str) -> str:
    title = " ".join((title or "").split())
    check_clean_text(title, _("The title"), "title")
    if not title:
        raise ValidationFailed(_("An article needs a title."), field="title")
    if len(title) > TITLE_MAX:
        raise ValidationFailed(_("A title has at most %(n)d characters.") % {"n": TITLE_MAX},
                               field="title")
    return title


def check_body(body: str) -> str:
    body = (body or "").replace("\r\n", "\n").strip()
    check_clean_text(body, _("The article"), "body")
    if not body:
        raise ValidationFailed(_("An article cannot be empty."), field="body")
    limit = settings.ESSAIM_ARTICLE_MAX_CHARS
    if len(body) > limit:
        raise ValidationFailed(
            _("An article can have at most %(limit)d characters (this one has %(count)d).")
            % {"limit": limit, "count": len(body)}, field="body")
    return body


def check_cover(uploaded) -> None:
    limit = getattr(settings, "ESSAIM_ARTICLE_COVER_MAX_BYTES", DEFAULT_COVER_MAX_BYTES)
    if uploaded is not None and uploaded.size > limit:
        raise ValidationFailed(
            _("The cover image is too large (%(max)s KB at most, this one has %(size)s KB).")
            % {"max": limit // 1024, "size": uploaded.size // 1024}, field="cover")


def announcement(title: str) -> str:
    """The announcement's text: the title, within a post's length."""
    limit = settings.ESSAIM_POST_MAX_CHARS
    return title if len(title) <= limit else title[: limit - 1] + "…"


def do_create_article(user, title: str, body: str, *, visibility: str | None = None,
                      reply_policy: str | None = None, community=None, author=None,
                      cover=None, cover_description: str = "", language: str = "",
                      created_at=None, rate_limit: bool = True) -> Article:
    """Publish an article: its announcement post (delivered like any post) and its body."""
    from essaim.media.actions import do_upload_media

    title = check_title(title)
    body = check_body(body)
    check_cover(cover)
    html = markdown.render(body)
    with transaction.atomic():
        media = do_upload_media(user, cover, description=cover_description or title) \
            if cover is not None else None
        post = posts.do_create_post(
            user, announcement(title), visibility=visibility, reply_policy=reply_policy,
            community=community, author=author, language=language,
            media_ids=[media.id] if media is not None else (),
            created_at=created_at, rate_limit=rate_limit)
        if media is not None:
            media.refresh_from_db()
        return Article.objects.create(post=post, title=title, body=body, html=html,
                                      summary=markdown.summary(html), cover=media)


def do_edit_article(user, post_id, *, title: str, body: str) -> Article:
    """Change an article's title and body (its author or the official account's delegates);
    the announcement's text follows the title and keeps its edit history."""
    article = access_own_article(user, post_id)
    title = check_title(title)
    body = check_body(body)
    html = markdown.render(body)
    with transaction.atomic():
        if announcement(title) != article.post.text:
            posts.do_edit_post(user, article.post_id, announcement(title))
        article.title, article.body, article.html = title, body, html
        article.summary = markdown.summary(html)
        article.updated_at = timezone.now()
        article.save(update_fields=["title", "body", "html", "summary", "updated_at"])
    return article
