from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from essaim.core.ids import snowflake


class MediaAttachment(models.Model):
    """An image uploaded for a post (checked, re-encoded, with a small preview), or a file
    (a document: checked by content, offered as a download)."""

    class Kind(models.TextChoices):
        IMAGE = "image", "image"
        FILE = "file", "file"

    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="media_attachments")
    post = models.ForeignKey("posts.Post", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="media_attachments")  # files go with their post
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=5, choices=Kind.choices, default=Kind.IMAGE)
    file = models.FileField(upload_to="attachments/")
    preview = models.ImageField(upload_to="attachments/previews/", blank=True)
    filename = models.CharField(max_length=200, blank=True)  # a file's name, as shown
    content_type = models.CharField(max_length=120, blank=True)  # a file's, from its extension
    size = models.PositiveBigIntegerField(default=0)  # bytes (files)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    preview_width = models.PositiveIntegerField(default=0)
    preview_height = models.PositiveIntegerField(default=0)
    description = models.TextField(blank=True, max_length=1500)
    focus_x = models.FloatField(default=0.0)
    focus_y = models.FloatField(default=0.0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["owner", "post"])]

    def __str__(self) -> str:
        return f"media {self.id}"

    @property
    def is_file(self) -> bool:
        return self.kind == self.Kind.FILE

    @property
    def original_url(self) -> str:
        """The policy-checked address of the image (never the file's own place on disk)."""
        return media_path(self.id, "original")

    @property
    def preview_url(self) -> str:
        return media_path(self.id, "preview")


def media_path(media_id: int, kind: str) -> str:
    """The policy-checked address of one form ("original", "preview") of an image."""
    return reverse("media_attachment", args=[media_id, kind])
