"""Share button on public posts, the author's "seen by" line, and public-page metadata."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from essaim.advocacy import policy, queries

from .essaim_tags import icon

register = template.Library()


@register.simple_tag(takes_context=True)
def share_action(context, card):
    """The Share button of a public post, for employees (guests never speak outside)."""
    user = context["request"].user
    post = card.post
    if post.visibility != "public" or not user.is_authenticated or not user.is_employee:
        return ""
    return render_to_string("web/advocacy/share_action.html",
                            {"post": post, "label": _("Share outside"),
                             "icon": icon("share", 18)})


@register.simple_tag(takes_context=True)
def reach_summary(context, card):
    """"Seen by N colleagues" and a link to the reach panel, for those who may read it."""
    user = context["request"].user
    post = card.post
    if not policy.may_read_reach(user, post):
        return ""
    seen = queries.seen_by([post.id]).get(post.id, 0)
    return render_to_string("web/advocacy/reach_summary.html",
                            {"post": post, "seen": seen,
                             "may_campaign": post.visibility == "public"
                             and policy.may_run_campaign(user, post)})


@register.simple_tag
def public_meta(card):
    """OpenGraph and Twitter Card metadata of a public post's page (nothing for the others)."""
    from django.urls import reverse

    from essaim.advocacy.actions import absolute

    post = card.post
    if post.visibility != "public":
        return ""
    return render_to_string("web/advocacy/og_meta.html", {
        "post": post, "title": _("%(name)s on Essaim") % {"name": post.author.name},
        "url": absolute(reverse("web:thread", args=[post.id])),
        "image": absolute(reverse("web:post_preview", args=[post.id]))})


@register.simple_tag
def ambassador_badge(account):
    """The Ambassador badge, for people who chose to show it."""
    from django.utils.html import format_html

    if not getattr(account, "is_employee", False) or not queries.has_badge(account):
        return ""
    return format_html('<span class="tag tag-ambassador">{}</span>', _("Ambassador"))


@register.simple_tag
def profile_meta(account):
    """OpenGraph and Twitter Card metadata of an official account's public profile."""
    from django.urls import reverse

    from essaim.advocacy.actions import absolute

    if not getattr(account, "is_official", False) or not account.is_active:
        return ""
    return render_to_string("web/advocacy/profile_meta.html", {
        "account": account, "title": _("%(name)s on Essaim") % {"name": account.name},
        "description": account.bio or _("Official account on Essaim"),
        "url": absolute(reverse("web:profile", args=[account.username])),
        "image": absolute(reverse("web:profile_preview", args=[account.username]))})
