"""Read helpers for the social graph; they return querysets usable as SQL subqueries."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import AccountList, Block, Follow, HashtagFollow, Mute


def following_ids(user) -> QuerySet:
    return Follow.objects.filter(follower_id=user.id).values("followee_id")


def follower_ids(user) -> QuerySet:
    return Follow.objects.filter(followee_id=user.id).values("follower_id")


def blocked_by_me_ids(user) -> QuerySet:
    return Block.objects.filter(blocker_id=user.id).values("blocked_id")


def blocking_me_ids(user) -> QuerySet:
    return Block.objects.filter(blocked_id=user.id).values("blocker_id")


def muted_ids(user) -> QuerySet:
    return Mute.objects.filter(muter_id=user.id).values("muted_id")


def followed_hashtag_ids(user) -> QuerySet:
    return HashtagFollow.objects.filter(user_id=user.id).values("hashtag_id")


def is_following(follower, followee) -> bool:
    return Follow.objects.filter(follower_id=follower.id, followee_id=followee.id).exists()


def is_blocked_either_way(a, b) -> bool:
    return Block.objects.filter(blocker_id=a.id, blocked_id=b.id).exists() or \
        Block.objects.filter(blocker_id=b.id, blocked_id=a.id).exists()


def lists_of(user) -> QuerySet:
    return AccountList.objects.filter(owner_id=user.id)


def relationship(viewer, other) -> dict[str, bool]:
    """What ``viewer`` has to do with ``other``: for follow/mute/block buttons."""
    if viewer is None or not viewer.is_authenticated or viewer.id == other.id:
        return {"following": False, "followed_by": False, "blocking": False,
                "blocked_by": False, "muting": False}
    return {
        "following": Follow.objects.filter(follower_id=viewer.id, followee_id=other.id).exists(),
        "followed_by": Follow.objects.filter(follower_id=other.id, followee_id=viewer.id).exists(),
        "blocking": Block.objects.filter(blocker_id=viewer.id, blocked_id=other.id).exists(),
        "blocked_by": Block.objects.filter(blocker_id=other.id, blocked_id=viewer.id).exists(),
        "muting": Mute.objects.filter(muter_id=viewer.id, muted_id=other.id).exists(),
    }


# Relation rows, newest first by id: for paginated lists of people (followers, blocks…).

def follower_rows(account) -> QuerySet:
    return Follow.objects.filter(followee_id=account.id).select_related("follower")


def following_rows(account) -> QuerySet:
    return Follow.objects.filter(follower_id=account.id).select_related("followee")


def block_rows(user) -> QuerySet:
    return Block.objects.filter(blocker_id=user.id).select_related("blocked")


def mute_rows(user) -> QuerySet:
    return Mute.objects.filter(muter_id=user.id).select_related("muted")


def list_member_rows(account_list) -> QuerySet:
    from .models import ListMember

    return ListMember.objects.filter(account_list_id=account_list.id).select_related("account")


def lists_containing(owner, account) -> QuerySet:
    return AccountList.objects.filter(owner_id=owner.id, listmember__account_id=account.id)
