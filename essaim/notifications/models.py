from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaim.core.ids import snowflake


class Notification(models.Model):
    class Kind(models.TextChoices):
        MENTION = "mention", _("Mention")
        REPLY = "reply", _("Reply")
        RELAY = "relay", _("Relay")
        QUOTE = "quote", _("Quote")
        LIKE = "like", _("Like")
        FOLLOW = "follow", _("Follow")
        # Communities
        INVITED = "invited", _("Community invitation")
        JOIN_REQUEST = "join_req", _("Request to join a community")
        APPROVED = "approved", _("Request to join approved")
        TASK = "task", _("Task assigned")
        TASK_DUE = "task_due", _("Task due")
        DEADLINE = "deadline", _("Community deadline")
        # Trust and governance
        REPORT = "report", _("Outcome of a report")
        MODERATION = "moderation", _("Moderation decision")
        APPEAL = "appeal", _("Appeal decided")
        # Watching and signals
        WATCH = "watch", _("New post on a subject you watch")
        SIGNALS = "signals", _("Signals this week")
        DIGEST = "digest", _("Weekly Amplify digest")
        # Recognition, expertise and careers
        PRAISE = "praise", _("Praise")
        ENDORSE = "endorse", _("Skill endorsed")
        QUESTION = "question", _("Question you may answer")
        REFERRAL = "referral", _("Referral update")
        # Personal data
        EXPORT = "export", _("Data export ready")
        # Scheduled posts
        SCHEDULED = "scheduled", _("Scheduled post not published")

    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    post = models.ForeignKey("posts.Post", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+")
    community = models.ForeignKey("communities.Community", null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(max_length=200, blank=True)  # e.g. a task's title
    # Where the notification leads when it is about neither a post nor a community
    # (a report's outcome, an export to download, an offer…): a path inside Essaim.
    link = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["recipient", "-id"]),
            models.Index(fields=["recipient", "read_at"]),
        ]
