"""The code of conduct (versioned, in French and English), who accepted which version, and
reports with what moderators decided."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CodeOfConduct(models.Model):
    version = models.PositiveIntegerField(unique=True)
    text_en = models.TextField()
    text_fr = models.TextField()
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"code of conduct v{self.version}"

    def text(self, language: str) -> str:
        return self.text_fr if (language or "").startswith("fr") and self.text_fr \
            else self.text_en


class Acceptance(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    code = models.ForeignKey(CodeOfConduct, on_delete=models.CASCADE, related_name="+")
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "code"],
                                               name="moderation_accept_once")]


class Report(models.Model):
    class Category(models.TextChoices):
        SPAM = "spam", _("Spam")
        HARASSMENT = "harassment", _("Harassment")
        CONFIDENTIAL = "confidential", _("Confidential information")
        OFF_TOPIC = "off_topic", _("Off-topic")
        ILLEGAL = "illegal", _("Illegal content")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")

    class Outcome(models.TextChoices):
        DISMISSED = "dismiss", _("Dismissed")
        HIDDEN = "hide", _("Content hidden")
        DELETED = "delete", _("Content deleted")
        WARNED = "warn", _("Author warned")

    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="+")
    # What is reported: a post (its author is the reported person) or an account.
    post = models.ForeignKey("posts.Post", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="+")
    community = models.ForeignKey("communities.Community", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    category = models.CharField(max_length=12, choices=Category.choices)
    comment = models.TextField(blank=True)
    rule_ids = models.JSONField(default=list, blank=True)
    post_text = models.TextField(blank=True)  # what was reported, kept for the record
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    outcome = models.CharField(max_length=8, choices=Outcome.choices, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "-created_at"]),
                   models.Index(fields=["account", "status"])]

    def __str__(self) -> str:
        return f"report {self.pk} on @{self.account_id}"
