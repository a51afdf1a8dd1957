"""Who gets a post in their home timeline: the recipient rules, for fan-out and for rebuilds.

A post belongs in O's home timeline when O may see it (the visibility policy) and one of:
* O wrote it;
* O follows its author (for a reply: O also follows the person replied to, or is that person,
  or the author is answering themselves), and it is not a relay of O's own post;
* it carries a hashtag O follows (original posts only);
* it is a direct post that mentions O.
Blocks either way and mutes keep it out.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count, Q

from essaim import visibility as policy
from essaim.communities import queries as community_queries
from essaim.core.pagination import Cursor, cursor_window, paginate_ids
from essaim.graph.models import Block, Follow, HashtagFollow, Mute
from essaim.graph.queries import (
    blocked_by_me_ids,
    blocking_me_ids,
    followed_hashtag_ids,
    following_ids,
    muted_ids,
)
from essaim.posts.models import Post, Visibility

from .activity import recently_active
from .models import Broadcaster


def recipients(post: Post, *, active_only: bool = False) -> set[int]:
    """IDs of the accounts whose home timeline should receive ``post``.

    ``active_only`` keeps the author and people active lately (``recently_active``): the others'
    timelines are rebuilt when they come back.
    """
    User = get_user_model()
    author_id = post.author_id
    original = post.relay_of
    ids: set[int] = {author_id}
    mention_ids = set(post.mentions.values_list("id", flat=True))
    if post.community_id is not None:  # community posts: the members who follow it
        ids |= set(community_queries.follower_member_ids(post.community_id)
                   .values_list("user_id", flat=True))
    elif post.visibility == Visibility.DIRECT:
        ids |= mention_ids
    else:
        followers = Follow.objects.filter(followee_id=author_id).values_list("follower_id",
                                                                             flat=True)
        if post.in_reply_to_account_id and post.in_reply_to_account_id != author_id:
            replied = post.in_reply_to_account_id
            followers = followers.filter(
                Q(follower_id=replied)
                | Q(follower_id__in=Follow.objects.filter(followee_id=replied)
                    .values("follower_id")))
        ids |= set(followers)
        if original is None and post.visibility in (Visibility.PUBLIC, Visibility.COMPANY):
            tag_ids = list(post.hashtags.values_list("id", flat=True))
            if tag_ids:
                ids |= set(HashtagFollow.objects.filter(hashtag_id__in=tag_ids)
                           .values_list("user_id", flat=True))
    if original is not None:
        ids.discard(original.author_id)
        ids.add(author_id)
    # Keep those who may see it, dropping blocks and mutes with the author(s).
    authors = {author_id} | ({original.author_id} if original is not None else set())
    excluded = set(Block.objects.filter(blocker_id__in=authors).values_list("blocked_id",
                                                                            flat=True))
    excluded |= set(Block.objects.filter(blocked_id__in=authors).values_list("blocker_id",
                                                                             flat=True))
    excluded |= set(Mute.objects.filter(muted_id__in=authors).values_list("muter_id", flat=True))
    ids -= excluded - {author_id}
    audience = User.objects.filter(id__in=ids, is_active=True)
    if post.visibility in (Visibility.COMPANY, Visibility.FOLLOWERS):
        audience = audience.filter(Q(kind=User.Kind.EMPLOYEE) | Q(id=author_id))
    elif post.visibility == Visibility.DIRECT:
        audience = audience.filter(Q(kind=User.Kind.EMPLOYEE) | Q(id__in=mention_ids)
                                   | Q(id=author_id))
    if post.community_id is not None:
        audience = audience.filter(id__in=community_queries.member_ids(post.community_id))
    if active_only:
        audience = audience.filter(recently_active() | Q(id=author_id))
    return set(audience.values_list("id", flat=True))


# --- Broadcasters: accounts merged into homes when read -----------------------------------

def is_broadcaster(author_id: int) -> bool:
    """Whether ``author_id``'s posts skip fan-out; marks the account when it gets there."""
    if Broadcaster.objects.filter(account_id=author_id).exists():
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
    return list(Follow.objects.filter(follower_id=owner.id, followee__broadcaster__isnull=False)
                .values_list("followee_id", flat=True))


def broadcast_page(owner, cursor: Cursor) -> list[int]:
    """IDs of the posts of followed broadcasters in the cursor's window, newest first.

    The same rule as for any followed account (replies only to people one follows), one
    indexed query per broadcaster. Broadcasters blocked either way, muted or deactivated are
    left out here; the home reader passes the page through the visibility policy anyway.
    """
    authors = _merged_authors(owner)
    if not authors:
        return []
    reply_rule = (Q(in_reply_to_account__isnull=True) | Q(in_reply_to_account_id=owner.id)
                  | Q(in_reply_to_account_id__in=following_ids(owner)))
    readable = ([Visibility.PUBLIC] if owner.is_guest
                else [Visibility.PUBLIC, Visibility.COMPANY, Visibility.FOLLOWERS])
    pages = [cursor_window(Post.objects.filter(reply_rule, author_id=author_id,
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
    return _window(found, cursor)


def _merged_authors(owner) -> list[int]:
    """The followed broadcasters whose posts ``owner`` may see in their home (one query)."""
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


def _window(ids, cursor: Cursor) -> list:
    """The cursor's ``limit`` entries among ``ids`` (all inside its bounds), newest first."""
    if cursor.min_id is not None:
        return sorted(ids)[:cursor.limit][::-1]
    return sorted(ids, reverse=True)[:cursor.limit]


def merge_pages(cursor: Cursor, *pages: list[int]) -> list[int]:
    """One page out of several pages of the same cursor's window."""
    return _window({i for page in pages for i in page}, cursor)


def _sources(owner) -> list[Q]:
    """One filter per way a post enters ``owner``'s home (broadcasters' posts are merged)."""
    owner_id = owner.id
    followed = list(following_ids(owner).exclude(followee__broadcaster__isnull=False)
                    .values_list("followee_id", flat=True))
    from_followed = Q(author_id__in=followed) & (
        Q(in_reply_to_account__isnull=True)
        | Q(in_reply_to_account_id=owner_id)
        | Q(in_reply_to_account_id__in=following_ids(owner))
    ) & ~Q(relay_of__author_id=owner_id) & ~Q(visibility=Visibility.DIRECT)
    from_followed &= Q(community__isnull=True)  # community posts come by the community
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
    window = _window(rows, cursor)
    merged = broadcast_relays_merged(owner, window)
    return [row for row in window if row[0] not in merged], len(window)


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
    return [(pid, source) for pid, source, _original in first_appearances(rows)], floor


def home_candidates_page(owner_id: int, cursor: Cursor) -> list[int]:
    """Post IDs of the cursor's window of ``owner_id``'s home, read from the database."""
    owner = get_user_model().objects.filter(pk=owner_id).first()
    if owner is None:
        return []
    rows, _held = _candidate_rows(owner, cursor)
    return [pid for pid, _source, _original in first_appearances(rows)]


def first_appearances(rows: list[tuple[int, int, int | None]]) -> list[tuple[int, int, int | None]]:
    """Drop relays of a post already present (as itself or an earlier relay): newest first."""
    seen: set[int] = set()
    kept = []
    for row in sorted(rows, key=lambda r: r[0]):
        pid, _source, original = row
        key = original or pid
        if original is not None and key in seen:
            continue
        seen.add(key)
        kept.append(row)
    kept.reverse()
    return kept


def already_holding(post: Post, owner_ids: set[int]) -> set[int]:
    """Owners whose timeline already shows the content of relay ``post``."""
    if post.relay_of_id is None or not owner_ids:
        return set()
    from .store import timeline_store

    if post.relay_of is None:  # the original was deleted meanwhile
        return set()
    original_author = post.relay_of.author_id
    holding: set[int] = set()
    if Broadcaster.objects.filter(account_id=original_author).exists():
        holding = set(Follow.objects.filter(followee_id=original_author,
                                            follower_id__in=owner_ids)
                      .values_list("follower_id", flat=True))
    earlier = [post.relay_of_id, *Post.objects.filter(relay_of_id=post.relay_of_id,
                                                      id__lt=post.id)
               .values_list("id", flat=True)]
    return holding | timeline_store().holders(set(owner_ids) - holding, earlier)
