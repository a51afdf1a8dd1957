from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from essaim.core.ids import snowflake


class Link(models.Model):
    """A shared bookmark, with the title, description and tags its member gave it."""

    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    community = models.ForeignKey("communities.Community", on_delete=models.CASCADE,
                                  related_name="links")
    url = models.URLField(max_length=2000)
    title = models.CharField(max_length=200)
    description = models.CharField(max_length=1000, blank=True)
    tags = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-id"]

    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]
