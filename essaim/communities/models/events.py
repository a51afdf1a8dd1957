from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone as dj_timezone
from django.utils.translation import gettext_lazy as _

from essaim.core.ids import snowflake

User = settings.AUTH_USER_MODEL


class Event(models.Model):
    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    community = models.ForeignKey("communities.Community", on_delete=models.CASCADE,
                                  related_name="events")
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=4000, blank=True)
    agenda = models.TextField(max_length=4000, blank=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)
    timezone = models.CharField(max_length=64, default="UTC")
    place = models.CharField(max_length=200, blank=True)
    online_url = models.URLField(max_length=500, blank=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=dj_timezone.now)

    class Meta:
        ordering = ["starts_at", "id"]

    @property
    def is_past(self) -> bool:
        return (self.ends_at or self.starts_at) <= dj_timezone.now()


class Rsvp(models.Model):
    class Answer(models.TextChoices):
        GOING = "going", _("Going")
        MAYBE = "maybe", _("Maybe")
        NO = "no", _("Not going")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    answer = models.CharField(max_length=10, choices=Answer.choices)
    updated_at = models.DateTimeField(default=dj_timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="uniq_rsvp")]
