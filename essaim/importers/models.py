"""What an import brought in, by the source's own IDs: running it again changes nothing, and
an interrupted run resumes where it stopped."""

from __future__ import annotations

from django.db import models


class ImportedObject(models.Model):
    source = models.CharField(max_length=20)  # "viva-engage"
    kind = models.CharField(max_length=10)  # user, group, message, file
    external_id = models.CharField(max_length=64)
    local_id = models.BigIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "kind", "external_id"],
                                               name="uniq_imported_object")]
