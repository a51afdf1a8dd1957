"""Account statistics shown to Mastodon apps are cached; follows and posts clear them."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from essaim.graph.models import Follow
from essaim.posts.models import Post

from .serializers.accounts import stats_key


def _forget(*account_ids: int) -> None:
    cache.delete_many([stats_key(i, outsider) for i in account_ids for outsider in (False, True)])


def _follow_changed(sender, instance: Follow, **kwargs) -> None:
    _forget(instance.follower_id, instance.followee_id)


def _post_changed(sender, instance: Post, **kwargs) -> None:
    _forget(instance.author_id)


def connect() -> None:
    post_save.connect(_follow_changed, sender=Follow, dispatch_uid="mastodon-stats-follow")
    post_delete.connect(_follow_changed, sender=Follow, dispatch_uid="mastodon-stats-unfollow")
    post_save.connect(_post_changed, sender=Post, dispatch_uid="mastodon-stats-post")
    post_delete.connect(_post_changed, sender=Post, dispatch_uid="mastodon-stats-delete")
