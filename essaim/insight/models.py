"""Pre-aggregated count tables (filled by ``fill``): dashboards and metrics read only these."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Interaction(models.Model):
    """How many times ``source`` acted on ``target`` in one way on one day (each post once per
    pair and kind; likes once per post)."""

    class Kind(models.TextChoices):
        REPLY = "reply"
        MENTION = "mention"
        RELAY = "relay"
        QUOTE = "quote"
        LIKE = "like"

    day = models.DateField()
    source = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")
    target = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "source", "target", "kind"],
                                               name="insight_interaction_once")]
        indexes = [models.Index(fields=["day"]), models.Index(fields=["source", "day"]),
                   models.Index(fields=["target", "day"])]


class Activity(models.Model):
    """What one person did on one day: posts, replies, reactions (likes and relays)."""

    day = models.DateField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    posts = models.PositiveIntegerField(default=0)
    replies = models.PositiveIntegerField(default=0)
    reactions = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "user"],
                                               name="insight_activity_once")]
        indexes = [models.Index(fields=["day"])]


class FillCheckpoint(models.Model):
    """Up to which day the count tables are complete (days after it are filled again)."""

    name = models.CharField(max_length=40, primary_key=True)
    filled_through = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
