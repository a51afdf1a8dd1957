"""Template helpers for community pages."""

from __future__ import annotations

from django import template

register = template.Library()

# The globe means Public everywhere; an open community is open to the company.
KIND_ICONS = {"open": "building", "closed": "lock", "secret": "shield", "external": "briefcase"}


@register.filter
def community_kind_icon(kind: str) -> str:
    return KIND_ICONS.get(kind, "users")


@register.filter
def get_item(mapping, key):
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def filesize(size) -> str:
    from django.template.defaultfilters import filesizeformat

    return filesizeformat(size)
