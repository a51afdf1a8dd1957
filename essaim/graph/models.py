from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

User = settings.AUTH_USER_MODEL


class Follow(models.Model):
    follower = models.ForeignKey(User, on_delete=models.CASCADE, related_name="following_set")
    followee = models.ForeignKey(User, on_delete=models.CASCADE, related_name="follower_set")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follower", "followee"], name="uniq_follow"),
            models.CheckConstraint(condition=~models.Q(follower=models.F("followee")),
                                   name="no_self_follow"),
        ]
        indexes = [models.Index(fields=["followee", "follower"])]


class HashtagFollow(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="hashtag_follows")
    hashtag = models.ForeignKey("posts.Hashtag", on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "hashtag"], name="uniq_tag_follow")]


class Block(models.Model):
    blocker = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks_made")
    blocked = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocked_by")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="uniq_block")]
        indexes = [models.Index(fields=["blocked", "blocker"])]


class Mute(models.Model):
    muter = models.ForeignKey(User, on_delete=models.CASCADE, related_name="mutes_made")
    muted = models.ForeignKey(User, on_delete=models.CASCADE, related_name="muted_by")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["muter", "muted"], name="uniq_mute")]


class AccountList(models.Model):
    """A list of accounts with its own timeline."""

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="account_lists")
    title = models.CharField(_("title"), max_length=100)
    members = models.ManyToManyField(User, through="ListMember", related_name="in_lists")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title


class ListMember(models.Model):
    account_list = models.ForeignKey(AccountList, on_delete=models.CASCADE)
    account = models.ForeignKey(User, on_delete=models.CASCADE, related_name="list_memberships")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["account_list", "account"], name="uniq_list_member")
        ]
