"""Rate-limit counters of the embedded default, kept in the database so they cannot be evicted."""

from __future__ import annotations

from django.db import models


class RateCounter(models.Model):
    """Attempts counted in one fixed window for one scope and key; dropped once expired."""

    key = models.CharField(max_length=255, unique=True)
    count = models.PositiveIntegerField(default=1)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key} = {self.count}"
