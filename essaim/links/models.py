"""Link preview cards: what a post's first link says about itself (title, description, site).

A card belongs to a URL, not to a post: posts that share a link share its card, and a card no
post points to any more is deleted with its last link. The card is part of the post: it is read
only through posts the visibility policy already let through.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

URL_MAX = 1000


class LinkCard(models.Model):
    url = models.CharField(_("address"), max_length=URL_MAX, unique=True)  # as written in posts
    title = models.CharField(_("title"), max_length=200, blank=True)
    description = models.CharField(_("description"), max_length=500, blank=True)
    image_url = models.CharField(_("image address"), max_length=URL_MAX, blank=True)
    site_name = models.CharField(_("site name"), max_length=100, blank=True)
    site_url = models.CharField(_("site address"), max_length=URL_MAX, blank=True)
    author_name = models.CharField(_("author"), max_length=100, blank=True)
    author_url = models.CharField(_("author's address"), max_length=URL_MAX, blank=True)
    fetched_at = models.DateTimeField(_("fetched at"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=100, blank=True)  # why the last fetch failed

    def __str__(self) -> str:
        return self.url

    @property
    def shown(self) -> bool:
        """A card is shown once a fetch found something to say about the page."""
        return not self.error and bool(self.title or self.description)


class PostLink(models.Model):
    """The card of a post's first link (one per post)."""

    post = models.OneToOneField("posts.Post", on_delete=models.CASCADE, primary_key=True,
                                related_name="link_card")
    card = models.ForeignKey(LinkCard, on_delete=models.CASCADE, related_name="post_links")
