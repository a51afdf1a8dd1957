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

from django.contrib.auth import get_user_model
from django.db.models import Q

from essaim import visibility as policy
from essaim.graph.models import Block, Follow, HashtagFollow, Mute
from essaim.graph.queries import followed_hashtag_ids, following_ids
from essaim.posts.models import Post, Visibility


def recipients(post: Post) -> set[int]:
    """IDs of the accounts whose home timeline should receive ``post``."""
    User = get_user_model()
    author_id = post.author_id
    original = post.relay_of
    ids: set[int] = {author_id}
    mention_ids = set(post.mentions.values_list("id", flat=True))
    if post.visibility == Visibility.DIRECT:
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
    return set(audience.values_list("id", flat=True))


def home_candidates(owner_id: int, limit: int) -> list[tuple[int, int]]:
    """(post id, source id) pairs for rebuilding ``owner_id``'s home timeline, newest first.

    One simple query per source (own and followed, followed hashtags, direct mentions) so the
    database walks its (author, -id) index instead of scanning every company post.
    """
    owner = get_user_model().objects.get(pk=owner_id)
    followed = list(following_ids(owner).values_list("followee_id", flat=True))
    from_followed = Q(author_id__in=followed) & (
        Q(in_reply_to_account__isnull=True)
        | Q(in_reply_to_account_id=owner_id)
        | Q(in_reply_to_account_id__in=followed)
    ) & ~Q(relay_of__author_id=owner_id) & ~Q(visibility=Visibility.DIRECT)
    sources = [Q(author_id=owner_id) | from_followed]
    tag_ids = list(followed_hashtag_ids(owner).values_list("hashtag_id", flat=True))
    if tag_ids:
        tagged_posts = Post.hashtags.through.objects.filter(hashtag_id__in=tag_ids)
        sources.append(Q(id__in=tagged_posts.values("post_id"), relay_of__isnull=True,
                         visibility__in=[Visibility.PUBLIC, Visibility.COMPANY]))
    mentions = Post.mentions.through.objects.filter(user_id=owner_id,
                                                    post__visibility=Visibility.DIRECT)
    if mentions.exists():
        sources.append(Q(id__in=mentions.values("post_id")))
    rows: set[tuple[int, int, int | None]] = set()
    for source in sources:
        qs = policy.visible_posts(owner, Post.objects.filter(source), hide_muted=True)
        rows.update(qs.order_by("-id").values_list("id", "author_id", "relay_of_id")[:limit])
    newest = sorted(rows, reverse=True)[:limit]
    return [(pid, source) for pid, source, _original in first_appearances(newest)]


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

    earlier = [post.relay_of_id, *Post.objects.filter(relay_of_id=post.relay_of_id,
                                                      id__lt=post.id)
               .values_list("id", flat=True)]
    return timeline_store().holders(owner_ids, earlier)
