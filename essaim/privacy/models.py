"""A person's data export: asked for, built in the background, downloadable for 7 days."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class DataExport(models.Model):
    class State(models.TextChoices):
        PENDING = "pending"
        READY = "ready"
        FAILED = "failed"
        EXPIRED = "expired"  # the archive is deleted after its 7 days

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="data_exports")
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    requested_at = models.DateTimeField(default=timezone.now)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    path = models.CharField(max_length=300, blank=True)  # in the private storage
    size = models.PositiveBigIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["user", "requested_at"], name="export_user_time")]

    def available(self, now=None) -> bool:
        return self.state == self.State.READY and self.expires_at is not None and \
            self.expires_at > (now or timezone.now())
