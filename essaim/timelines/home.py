"""A home timeline read from the database: what the store holds is a cache of this.

A post belongs in O's home when O may see it (the visibility policy, mutes hidden) and one of:
* O wrote it;
* O follows its author and it passes the reply rule (:func:`reply_rule`), it is not a relay of
  O's own post, not a direct post (those come by mention) nor a community post;
* it is a post of a community O follows;
* it carries a hashtag O follows (original public and company posts only);
* it is a direct post that mentions O.
Followed broadcasters' posts are merged in when the home is read (``broadcasters``).
Fan-out (``recipients``) pushes the same posts the other way round.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q

from essaim import visibility as policy
from essaim.communities import queries as community_queries
from essaim.core.pagination import Cursor, paginate_ids
from essaim.graph.queries import followed_hashtag_ids, following_ids
from essaim.posts.models import Post, Visibility

from .broadcasters import broadcast_relays_merged, followed_broadcasters
from .rules import first_appearances, reply_rule, window


def _row_key(row: tuple[int, int, int | None]) -> tuple[int, int | None]:
    return row[0], row[2]


def _sources(owner) -> list[Q]:
    """One filter per way a post enters ``owner``'s home (broadcasters' posts are merged)."""
    owner_id = owner.id
    followed = list(following_ids(owner).exclude(followee__broadcaster__isnull=False)
                    .values_list("followee_id", flat=True))
    from_followed = (Q(author_id__in=followed) & reply_rule(owner)
                     & ~Q(relay_of__author_id=owner_id) & ~Q(visibility=Visibility.DIRECT)
                     & Q(community__isnull=True))  # community posts come by the community
    sources = [Q(author_id=owner_id) | from_followed]
    communities = list(community_queries.followed_community_ids(owner)
                       .values_list("community_id", flat=True))
    if communities:  # an empty list would make the database scan every post for none
        sources.append(Q(community_id__in=communities))
    tag_ids = list(followed_hashtag_ids(owner).values_list("hashtag_id", flat=True))
    if tag_ids:
        tagged_posts = Post.hashtags.through.objects.filter(hashtag_id__in=tag_ids)
        tagged = Q(id__in=tagged_posts.values("post_id"), relay_of__isnull=True,
                   visibility__in=[Visibility.PUBLIC, Visibility.COMPANY])
        broadcasters = followed_broadcasters(owner)
        if broadcasters:  # their posts come by the merge when the home is read
            tagged &= ~(Q(author_id__in=broadcasters) & Q(community__isnull=True))
        sources.append(tagged)
    mentions = Post.mentions.through.objects.filter(user_id=owner_id,
                                                    post__visibility=Visibility.DIRECT)
    if mentions.exists():
        sources.append(Q(id__in=mentions.values("post_id")))
    return sources


def _candidate_rows(owner, cursor: Cursor) -> tuple[list[tuple[int, int, int | None]], int]:
    """(post, author, original) rows of the cursor's window, newest first, and how many the
    window held before leaving out relays of posts merged from broadcasters."""
    rows: set[tuple[int, int, int | None]] = set()
    for source in _sources(owner):
        qs = policy.visible_posts(owner, Post.objects.filter(source), hide_muted=True)
        rows.update(paginate_ids(qs.values_list("id", "author_id", "relay_of_id"), cursor))
    found = window(rows, cursor)
    merged = broadcast_relays_merged(owner, found)
    return [row for row in found if row[0] not in merged], len(found)


def home_candidates(owner_id: int, limit: int) -> list[tuple[int, int]]:
    """(post id, source id) pairs for rebuilding ``owner_id``'s home timeline, newest first.

    One simple query per source (own and followed, followed hashtags, direct mentions) so the
    database walks its (author, -id) index instead of scanning every company post.
    """
    return home_candidates_with_floor(owner_id, limit)[0]


def home_candidates_with_floor(owner_id: int, limit: int) -> tuple[list[tuple[int, int]], int]:
    """``home_candidates`` and the floor of the result: 0 when it holds every candidate."""
    owner = get_user_model().objects.get(pk=owner_id)
    rows, held = _candidate_rows(owner, Cursor(limit=limit))
    floor = rows[-1][0] - 1 if held >= limit and rows else 0
    return [(pid, source) for pid, source, _original in first_appearances(rows, _row_key)], \
        floor


def home_candidates_page(owner_id: int, cursor: Cursor) -> list[int]:
    """Post IDs of the cursor's window of ``owner_id``'s home, read from the database."""
    owner = get_user_model().objects.filter(pk=owner_id).first()
    if owner is None:
        return []
    rows, _held = _candidate_rows(owner, cursor)
    return [pid for pid, _source, _original in first_appearances(rows, _row_key)]
