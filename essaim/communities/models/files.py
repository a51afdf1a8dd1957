"""Shared files: folders, files and their versions (stored privately)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from essaim.core.ids import snowflake

from ..storage import private_storage

User = settings.AUTH_USER_MODEL


class Folder(models.Model):
    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    community = models.ForeignKey("communities.Community", on_delete=models.CASCADE,
                                  related_name="folders")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="children")
    name = models.CharField(max_length=120)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SharedFile(models.Model):
    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    community = models.ForeignKey("communities.Community", on_delete=models.CASCADE,
                                  related_name="files")
    folder = models.ForeignKey(Folder, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="files")
    name = models.CharField(max_length=200)
    description = models.CharField(max_length=500, blank=True)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(default=0)
    versions_count = models.PositiveIntegerField(default=0)
    download_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    posts = models.ManyToManyField("posts.Post", blank=True, related_name="community_files",
                                   help_text="Community posts this file is attached to.")

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["community", "folder"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class FileVersion(models.Model):
    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    file = models.ForeignKey(SharedFile, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    blob = models.FileField(storage=private_storage, upload_to="communities/files/")
    thumbnail = models.FileField(storage=private_storage, upload_to="communities/thumbs/",
                                 blank=True)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    download_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["file", "number"],
                                               name="uniq_file_version")]
