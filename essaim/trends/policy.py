"""Trends' own rules beside the visibility policy, which decides who reads which scope
(:func:`essaim.visibility.trend_scopes`, ``access_trend_scope``, ``company_trend_scope``).

* Company trends and signals are computed from company-visible and public posts only; they are
  read by employees (administrators included), never by external guests or anonymous visitors.
* A community's trends and signals are computed from its posts and read by its members only.
* Sample posts are filtered through the post visibility policy for each viewer; people are
  only ever counted, never named.
* Hidden terms are left out for everyone; administrators see them, marked, in the admin list.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from essaim.core.errors import NotFound, PermissionDenied


def _signed_in(viewer) -> bool:
    return viewer is not None and viewer.is_authenticated and viewer.is_active


def may_administer(viewer) -> bool:
    return _signed_in(viewer) and viewer.is_staff


def check_administer(viewer) -> None:
    if not may_administer(viewer):
        raise PermissionDenied(_("Only administrators can change trends."))


def readable_posts(viewer, post_ids: list[int], limit: int | None = None) -> list:
    """The posts among ``post_ids`` that ``viewer`` may read, in the order given."""
    from essaim import visibility
    from essaim.posts.models import Post

    if not post_ids:
        return []
    qs = visibility.visible_posts(viewer, Post.objects.filter(pk__in=post_ids),
                                  hide_muted=True)
    found = {p.id: p for p in qs.select_related("author", "relay_of", "relay_of__author")}
    ordered = [found[i] for i in post_ids if i in found]
    return ordered[:limit] if limit is not None else ordered


def company_readable_posts(post_ids: list[int], limit: int = 3) -> list:
    """Posts among ``post_ids`` every employee may read (company-visible or public, by an
    active author, outside communities): what the command line may show."""
    from essaim.posts.models import Post, Visibility

    found = {p.id: p for p in Post.objects.filter(
        pk__in=post_ids, visibility__in=[Visibility.PUBLIC, Visibility.COMPANY],
        community__isnull=True, author__is_active=True)}
    return [found[i] for i in post_ids if i in found][:limit]


def community_id(scope: str) -> int | None:
    return int(scope.split(":", 1)[1]) if scope.startswith("community:") else None


def unknown_kind(kind: str) -> NotFound:
    return NotFound(_("Unknown kind of trend: %(kind)s.") % {"kind": kind})
