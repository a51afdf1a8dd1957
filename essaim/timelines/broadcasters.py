"""Broadcasters: accounts with so many followers that their posts are merged into homes when
read instead of pushed to each (``ESSAIM_BROADCAST_FOLLOWERS``)."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.db.models import Count

from essaim.core.pagination import Cursor, cursor_window
from essaim.graph.models import Follow
from essaim.graph.queries import blocked_by_me_ids, blocking_me_ids, muted_ids
from essaim.posts.models import Post, Visibility

from .models import Broadcaster
from .rules import reply_rule, window


def broadcaster_ids() -> frozenset[int]:
    """Every broadcaster (a handful at most), cached: most homes follow none of them, and a
    company without any skips the merge without a query."""
    from essaim.core.sharedcache import shared_cache

    cache = shared_cache("broadcasters", ttl=300)
    found = cache.get_many(["all"]).get("all")
    if found is None:
        found = frozenset(Broadcaster.objects.values_list("account_id", flat=True))
        cache.add_many({"all": found})
    return found


def forget_broadcasters(*args, **kwargs) -> None:
    """Connected to the saving and deleting of a Broadcaster (timelines.apps)."""
    from essaim.core.sharedcache import shared_cache

    shared_cache("broadcasters", ttl=300).forget(["all"])


def is_broadcaster(author_id: int) -> bool:
    """Whether ``author_id``'s posts skip fan-out (a read: marking is :func:`note_broadcaster`)."""
    return author_id in broadcaster_ids()


def note_broadcaster(author_id: int) -> bool:
    """Mark ``author_id`` once they reach the threshold (the fan-out task calls it before
    choosing whom to push to); returns whether they are a broadcaster."""
    if is_broadcaster(author_id):
        return True
    threshold = settings.ESSAIM_BROADCAST_FOLLOWERS
    if threshold <= 0 or Follow.objects.filter(followee_id=author_id).count() < threshold:
        return False
    Broadcaster.objects.get_or_create(account_id=author_id)
    return True


def mark_broadcasters() -> int:
    """Mark every account that has reached the threshold (before rebuilding all timelines,
    which then leave their posts to the merge); returns how many accounts are broadcasters."""
    threshold = settings.ESSAIM_BROADCAST_FOLLOWERS
    if threshold > 0:
        crowded = (Follow.objects.values("followee_id").annotate(n=Count("id"))
                   .filter(n__gte=threshold).values_list("followee_id", flat=True))
        Broadcaster.objects.bulk_create([Broadcaster(account_id=i) for i in crowded],
                                        ignore_conflicts=True)
        forget_broadcasters()  # bulk_create sends no signal
    return Broadcaster.objects.count()


def merged_audience(post: Post) -> set[int]:
    """Who will see ``post`` merged into their home when reading it, rather than pushed.

    The followers of a broadcaster, for its posts that the merge reads (``broadcast_page``):
    not direct posts nor community posts, which are always pushed.
    """
    if post.community_id is not None or post.visibility == Visibility.DIRECT:
        return set()
    if not is_broadcaster(post.author_id):
        return set()
    followers = Follow.objects.filter(followee_id=post.author_id)
    return set(followers.values_list("follower_id", flat=True))


def followed_broadcasters(owner) -> list[int]:
    if not broadcaster_ids():
        return []
    return list(Follow.objects.filter(follower_id=owner.id, followee__broadcaster__isnull=False)
                .values_list("followee_id", flat=True))


def broadcast_page(owner, cursor: Cursor) -> list[int]:
    """IDs of the posts of followed broadcasters in the cursor's window, newest first.

    The same rule as for any followed account (``rules.reply_rule``), one indexed query per
    broadcaster. Broadcasters blocked either way, muted or deactivated are left out here; the
    home reader passes the page through the visibility policy anyway.
    """
    authors = _merged_authors(owner)
    if not authors:
        return []
    readable = ([Visibility.PUBLIC] if owner.is_guest
                else [Visibility.PUBLIC, Visibility.COMPANY, Visibility.FOLLOWERS])
    pages = [cursor_window(Post.objects.filter(reply_rule(owner), author_id=author_id,
                                               community__isnull=True, visibility__in=readable)
                           .exclude(relay_of__author_id=owner.id).values_list("id", flat=True),
                           cursor)
             for author_id in authors]
    found: set[int] = set()
    if len(pages) > 1 and connection.features.supports_slicing_ordering_in_compound:
        found.update(pages[0].union(*pages[1:], all=True))  # one round trip (PostgreSQL)
    else:
        for page in pages:
            found.update(page)
    return window(found, cursor)


def _merged_authors(owner) -> list[int]:
    """The followed broadcasters whose posts ``owner`` may see in their home (one query)."""
    if not broadcaster_ids():
        return []
    follows = (Follow.objects.filter(follower_id=owner.id, followee__is_active=True,
                                     followee__broadcaster__isnull=False)
               .exclude(followee_id__in=blocked_by_me_ids(owner))
               .exclude(followee_id__in=blocking_me_ids(owner))
               .exclude(followee_id__in=muted_ids(owner)))
    return sorted(follows.values_list("followee_id", flat=True))


def broadcast_relays_merged(owner, rows) -> set[int]:
    """Relays among ``rows`` whose original comes to ``owner`` from a followed broadcaster."""
    originals = {original for _pid, _author, original in rows if original}
    if not originals:
        return set()
    authors = followed_broadcasters(owner)
    if not authors:
        return set()
    merged = set(Post.objects.filter(id__in=originals, author_id__in=authors)
                 .values_list("id", flat=True))
    return {pid for pid, _author, original in rows if original in merged}
