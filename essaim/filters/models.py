"""A person's filter: keywords and posts to hide or to warn about, in some contexts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Context(models.TextChoices):
    HOME = "home", _("Home and lists")
    NOTIFICATIONS = "notifications", _("Notifications")
    PUBLIC = "public", _("Company flow and hashtags")
    THREAD = "thread", _("Conversations")
    ACCOUNT = "account", _("Profiles")


class Action(models.TextChoices):
    WARN = "warn", _("Show behind a warning")
    HIDE = "hide", _("Hide completely")
    BLUR = "blur", _("Hide images behind a warning")


class Filter(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="keyword_filters")
    title = models.CharField(max_length=100)
    context = models.JSONField(default=list)  # Context values
    action = models.CharField(max_length=4, choices=Action.choices, default=Action.WARN)
    expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "expires_at"], name="filter_owner_expiry")]

    def __str__(self) -> str:
        return f"{self.owner_id}:{self.title}"

    def active(self, now=None) -> bool:
        return self.expires_at is None or self.expires_at > (now or timezone.now())


class FilterKeyword(models.Model):
    filter = models.ForeignKey(Filter, on_delete=models.CASCADE, related_name="keywords")
    keyword = models.CharField(max_length=200)
    whole_word = models.BooleanField(default=True)


class FilterStatus(models.Model):
    filter = models.ForeignKey(Filter, on_delete=models.CASCADE, related_name="statuses")
    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["filter", "post"],
                                               name="uniq_filter_status")]
