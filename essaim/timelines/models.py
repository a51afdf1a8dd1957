from __future__ import annotations

from django.conf import settings
from django.db import models


class TimelineEntry(models.Model):
    """One post in one person's home timeline: the database store, and the source of truth."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="+")
    # Who the entry is "from" (the relayer for relays): lets unfollows remove entries cheaply.
    source = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "post"], name="uniq_timeline_entry")
        ]
        indexes = [
            models.Index(fields=["owner", "-post"], name="timeline_owner_post"),
            models.Index(fields=["owner", "source"], name="timeline_owner_source"),
        ]
