from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Question(models.Model):
    """A community post marked as a question; its replies are the answers."""

    post = models.OneToOneField("posts.Post", primary_key=True, on_delete=models.CASCADE,
                                related_name="question")
    community = models.ForeignKey("communities.Community", on_delete=models.CASCADE,
                                  related_name="questions")
    accepted_answer = models.ForeignKey("posts.Post", null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="+")
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
