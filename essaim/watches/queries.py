"""Reading watches: one's own, their unread counts and their timelines, through the policy."""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from essaim import visibility as policy
from essaim.core.pagination import Cursor
from essaim.posts.models import Post

from .models import Watch, WatchMatch


def watches_of(user) -> list[Watch]:
    """The person's watches, by name, each with ``unread``: gathered posts not seen yet that
    they may still see (a post hidden, deleted or out of reach since is not counted)."""
    if user is None or not user.is_authenticated:
        return []
    watches = list(Watch.objects.filter(owner_id=user.id).order_by("name", "id"))
    counts = _unread_counts(user)
    for watch in watches:
        watch.unread = counts.get(watch.id, 0)
    return watches


def visible_matches(user, qs=None):
    """Matches (of ``user``'s watches) whose post ``user`` may still see, mutes applied: what
    unread counts and digests count."""
    visible = policy.visible_posts(user, hide_muted=True).filter(pk=OuterRef("post_id"))
    return (qs if qs is not None else WatchMatch.objects.filter(watch__owner_id=user.id)) \
        .filter(Exists(visible))


def _unread(user):
    from django.db.models import F

    return visible_matches(user).filter(created_at__gt=F("watch__seen_at"))


def _unread_counts(user) -> dict[int, int]:
    from django.db.models import Count

    return dict(_unread(user).values("watch_id").annotate(n=Count("id"))
                .values_list("watch_id", "n"))


def unread_total(user) -> int:
    """What the sidebar shows beside "Watches"."""
    if user is None or not user.is_authenticated or not Watch.objects.filter(
            owner_id=user.id).exists():
        return 0
    return _unread(user).count()


def timeline(user, watch: Watch, cursor: Cursor):
    """The posts a watch gathered, newest first, as the owner may see them now."""
    from essaim.timelines.queries import page_of

    qs = Post.objects.filter(pk__in=WatchMatch.objects.filter(watch=watch).values("post_id"))
    return page_of(user, qs, cursor)
