"""Writes of link cards: fetch a post's first link, keep its card, forget unused cards.

Only the task calls ``do_update_post_card`` (after a post commits, or after an edit); the
network is never touched inside a transaction, and the post is read again before its card is
linked, so a post deleted or edited meanwhile gets no stale card.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from essaim.posts import text as post_text
from essaim.posts.models import Post

from .fetch import Refused, fetch_page
from .models import URL_MAX, LinkCard, PostLink
from .parse import Preview, decode, read_preview

log = logging.getLogger(__name__)

FRESH = timedelta(hours=24)  # a card fetched since then is reused by new posts
FRESH_FAILURE = timedelta(hours=1)  # a failed fetch is tried again after this


def first_link(text: str) -> str | None:
    """The first http(s) address of a post's text (as the post shows it), if any."""
    for url in post_text.parse(text or "").links:
        if len(url) <= URL_MAX:
            return url
    return None


def preview_for(url: str) -> tuple[Preview | None, str]:
    """(the page's preview, "") or (None, why it could not be read). Touches the network."""
    try:
        page = fetch_page(url)
    except Refused as refused:
        log.info("link preview of %s refused: %s", url, refused.reason)
        return None, refused.reason
    except Exception:  # a page must never break its post's task
        log.exception("link preview of %s failed", url)
        return None, "failed"
    preview = read_preview(decode(page.body, page.charset), page.url)
    if not (preview.title or preview.description):
        return None, "empty"
    return preview, ""


def _fresh(card: LinkCard | None) -> bool:
    if card is None or card.fetched_at is None:
        return False
    age = timezone.now() - card.fetched_at
    return age < (FRESH_FAILURE if card.error else FRESH)


def _fields(preview: Preview | None, error: str) -> dict:
    found = preview or Preview()
    return {"title": found.title, "description": found.description,
            "image_url": found.image_url, "site_name": found.site_name,
            "site_url": found.site_url, "author_name": found.author_name,
            "author_url": found.author_url, "error": error[:100],
            "fetched_at": timezone.now()}


def do_save_card(url: str, preview: Preview | None, error: str = "") -> LinkCard:
    """Keep what was learnt about ``url`` (a preview, or why there is none)."""
    card, _created = LinkCard.objects.update_or_create(url=url, defaults=_fields(preview, error))
    return card


def do_update_post_card(post_id: int, *, refresh: bool = False) -> LinkCard | None:
    """Give a post the card of its first link (fetched unless a fresh one exists, or always
    with ``refresh``, as after an edit); a post without a link loses its card."""
    post = Post.objects.filter(pk=post_id).only("id", "text").first()
    url = first_link(post.text) if post is not None else None
    if url is None:
        _unlink(post_id)
        return None
    known = LinkCard.objects.filter(url=url).first()
    fetched = None if (_fresh(known) and not refresh) else preview_for(url)
    if fetched is not None and fetched[0] is None and known is not None and known.shown:
        fetched = None  # a page that failed once keeps its last good preview
    with transaction.atomic():
        current = Post.objects.select_for_update().filter(pk=post_id).only("id", "text").first()
        if current is None or first_link(current.text) != url:
            return None  # deleted or edited meanwhile: the later task decides
        if fetched is not None:
            card = do_save_card(url, *fetched)
        else:
            card = LinkCard.objects.get_or_create(url=url)[0]
        previous = PostLink.objects.filter(post_id=post_id).values_list("card_id", flat=True)
        old = next(iter(previous), None)
        PostLink.objects.update_or_create(post_id=post_id, defaults={"card": card})
        if old is not None and old != card.id:
            drop_if_orphan(old)
    return card


def do_link_card(post: Post, card: LinkCard) -> None:
    """Show ``card`` on ``post`` (the demo company's posts, imports that know their cards)."""
    with transaction.atomic():
        old = PostLink.objects.filter(post_id=post.id).values_list("card_id", flat=True).first()
        PostLink.objects.update_or_create(post_id=post.id, defaults={"card": card})
        if old is not None and old != card.id:
            drop_if_orphan(old)


def _unlink(post_id: int) -> None:
    with transaction.atomic():
        for link in PostLink.objects.filter(post_id=post_id):
            link.delete()  # the signal forgets the card if no other post has it


def drop_if_orphan(card_id: int) -> None:
    """Delete a card that no post shows any more (nothing of a deleted post stays behind)."""
    LinkCard.objects.filter(pk=card_id, post_links__isnull=True).delete()
