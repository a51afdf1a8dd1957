from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from essaim.core.ids import snowflake


class Poll(models.Model):
    """A poll attached to a post: options, one or several choices, a closing time."""

    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    post = models.OneToOneField("posts.Post", on_delete=models.CASCADE, related_name="poll")
    multiple = models.BooleanField(default=False)
    hide_totals = models.BooleanField(default=False)
    expires_at = models.DateTimeField(null=True, blank=True)
    votes_count = models.PositiveIntegerField(default=0)
    voters_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"poll {self.id}"

    @property
    def expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=100)
    votes_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["poll", "position"],
                                               name="uniq_poll_option")]

    def __str__(self) -> str:
        return self.title


class PollVote(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="votes")
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="poll_votes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["option", "account"],
                                               name="uniq_poll_vote")]
        indexes = [models.Index(fields=["poll", "account"])]

    def __str__(self) -> str:
        return f"{self.account_id} → {self.option_id}"
