"""The audit log: an append-only record of administrative, moderation and permission-relevant
actions. Entries are never changed or removed through the product: the model and its queryset
refuse it, and the database refuses updates (and, on PostgreSQL, deletes) with triggers."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class AuditImmutable(Exception):
    """Raised on any attempt to change or remove an audit entry."""


class _AppendOnly(models.QuerySet):
    def update(self, **kwargs):
        raise AuditImmutable("the audit log is append-only")

    def delete(self):
        raise AuditImmutable("the audit log is append-only")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AuditImmutable("the audit log is append-only")


class AuditEntry(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    # The actor is kept by id and name, not by a foreign key: erasing an account must not
    # rewrite the record of what it did.
    actor_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=80, db_index=True)
    target_type = models.CharField(max_length=60, blank=True)
    target_id = models.CharField(max_length=40, blank=True)
    target_label = models.CharField(max_length=200, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    objects = _AppendOnly.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditImmutable("the audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditImmutable("the audit log is append-only")
