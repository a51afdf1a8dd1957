"""A watch (a saved search with a delivery) and the posts it has gathered."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    INSTANT = "instant", _("A notification for each new post")
    DAILY = "daily", _("A daily digest")
    WEEKLY = "weekly", _("A weekly digest")
    NONE = "none", _("Nothing: I open the watch myself")


class Watch(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="watches")
    name = models.CharField(max_length=100)
    query = models.CharField(max_length=500)
    delivery = models.CharField(max_length=8, choices=Delivery.choices,
                                default=Delivery.INSTANT)
    # What a new post must hold to be worth checking against the whole query, worked out
    # when the watch is saved: {"terms": [" a b ", …], "tags": […], "authors": [ids],
    # "communities": [ids]} (the first non-empty one is used; none: every post is checked).
    anchor = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    seen_at = models.DateTimeField(default=timezone.now)  # matches after this are unread
    digest_sent_at = models.DateTimeField(default=timezone.now)

    unread: int = 0  # filled in by queries.watches_of (not a column)

    class Meta:
        indexes = [models.Index(fields=["owner", "name"], name="watch_owner_name")]

    def __str__(self) -> str:
        return f"{self.owner_id}:{self.name}"


class WatchMatch(models.Model):
    watch = models.ForeignKey(Watch, on_delete=models.CASCADE, related_name="matches")
    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["watch", "post"],
                                               name="uniq_watch_match")]
        indexes = [models.Index(fields=["watch", "created_at"], name="watch_match_recent"),
                   models.Index(fields=["watch", "-post"], name="watch_match_post")]
