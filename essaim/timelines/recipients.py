"""Who gets a new post in their home timeline (fan-out): the home rule of ``home`` read the
other way round, with the audience the visibility policy's own reverse form
(``visibility.readers_filter``), so fan-out never re-derives who may see what.

Candidates: the author; for a community post the members who follow the community; for a
direct post the people it mentions; otherwise the author's followers (for a reply, only those
who also follow the person replied to, or are that person: ``rules.reply_rule``) and, for an
original public or company post, the followers of its hashtags. A relay of O's own post does
not come back to O.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q

from essaim import visibility as policy
from essaim.communities import queries as community_queries
from essaim.graph.models import Follow, HashtagFollow
from essaim.posts.models import Post, Visibility

from .broadcasters import is_broadcaster
from .rules import recently_active


def _candidates(post: Post) -> set[int]:
    author_id = post.author_id
    ids: set[int] = {author_id}
    if post.community_id is not None:
        ids |= set(community_queries.follower_member_ids(post.community_id)
                   .values_list("user_id", flat=True))
    elif post.visibility == Visibility.DIRECT:
        ids |= set(post.mentions.values_list("id", flat=True))
    else:
        followers = Follow.objects.filter(followee_id=author_id)
        replied = post.in_reply_to_account_id
        if replied and replied != author_id:  # rules.reply_rule, from the follower's side
            followers = followers.filter(
                Q(follower_id=replied)
                | Q(follower_id__in=Follow.objects.filter(followee_id=replied)
                    .values("follower_id")))
        ids |= set(followers.values_list("follower_id", flat=True))
        if post.relay_of_id is None and post.visibility in (Visibility.PUBLIC,
                                                            Visibility.COMPANY):
            tag_ids = list(post.hashtags.values_list("id", flat=True))
            if tag_ids:
                ids |= set(HashtagFollow.objects.filter(hashtag_id__in=tag_ids)
                           .values_list("user_id", flat=True))
    if post.relay_of is not None:
        ids.discard(post.relay_of.author_id)
        ids.add(author_id)
    return ids


def recipients(post: Post, *, active_only: bool = False) -> set[int]:
    """IDs of the accounts whose home timeline should receive ``post``.

    ``active_only`` keeps the author and people active lately (``rules.recently_active``):
    the others' timelines are rebuilt when they come back.
    """
    audience = get_user_model().objects.filter(
        policy.readers_filter(post, hide_muted=True), id__in=_candidates(post))
    if active_only:
        audience = audience.filter(recently_active() | Q(id=post.author_id))
    return set(audience.values_list("id", flat=True))


def already_holding(post: Post, owner_ids: set[int]) -> set[int]:
    """Owners whose timeline already shows the content of relay ``post``."""
    if post.relay_of_id is None or not owner_ids:
        return set()
    from .store import timeline_store

    if post.relay_of is None:  # the original was deleted meanwhile
        return set()
    original_author = post.relay_of.author_id
    holding: set[int] = set()
    if is_broadcaster(original_author):
        holding = set(Follow.objects.filter(followee_id=original_author,
                                            follower_id__in=owner_ids)
                      .values_list("follower_id", flat=True))
    earlier = [post.relay_of_id, *Post.objects.filter(relay_of_id=post.relay_of_id,
                                                      id__lt=post.id)
               .values_list("id", flat=True)]
    return holding | timeline_store().holders(set(owner_ids) - holding, earlier)
