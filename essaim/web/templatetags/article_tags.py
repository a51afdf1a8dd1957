"""OpenGraph and Twitter Card metadata of a public article's page."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.urls import reverse

register = template.Library()


@register.simple_tag
def article_meta(article):
    """Nothing unless the article is public: its cover (public with it) or a drawn preview."""
    from essaim.advocacy.actions import absolute

    post = article.post
    if post.visibility != "public":
        return ""
    cover = article.cover
    if cover is not None and cover.post_id == post.id:
        image, width, height = absolute(cover.original_url), cover.width, cover.height
    else:
        image, width, height = absolute(reverse("web:post_preview", args=[post.id])), 1200, 630
    return render_to_string("web/articles/og_meta.html", {
        "article": article, "url": absolute(reverse("web:article", args=[post.id])),
        "image": image, "image_width": width, "image_height": height})
