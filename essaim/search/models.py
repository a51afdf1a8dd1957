"""The search index: one document per searchable object, its terms already analysed.

``head`` and ``body`` hold the terms of :func:`essaim.text.index_terms` joined by spaces
(``head``: names, titles, skills, weighed more; ``body``: the text). The engine keeps its own
structure in step with these rows: an FTS5 external-content table on SQLite, the ``vector``
column (a ``tsvector``, GIN-indexed) on PostgreSQL.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    POST = "post", _("Post")
    ACCOUNT = "account", _("Person")
    COMMUNITY = "community", _("Community")
    FILE = "file", _("File")
    IDEA = "idea", _("Idea")
    LINK = "link", _("Link")


class VectorField(models.TextField):
    """A ``tsvector`` on PostgreSQL (written from a literal built in Python), plain text
    elsewhere (left empty: SQLite keeps its terms in the FTS5 table)."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"

    def get_placeholder(self, value, compiler, connection):
        return "%s::tsvector" if connection.vendor == "postgresql" else "%s"


class Document(models.Model):
    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.BigIntegerField()
    head = models.TextField(blank=True)
    body = models.TextField(blank=True)
    language = models.CharField(max_length=2, blank=True)  # "fr", "en" or "" (both)
    created_at = models.DateTimeField()
    indexed_at = models.DateTimeField(auto_now=True)
    vector = VectorField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"],
                                               name="uniq_search_document")]
        indexes = [models.Index(fields=["kind", "created_at"], name="search_doc_kind_created")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"


class FileText(models.Model):
    """The text read from a community file's latest version, for search (members only: the
    file's document is found through the policy like the file)."""

    file = models.OneToOneField("communities.SharedFile", on_delete=models.CASCADE,
                                related_name="search_text")
    version_id = models.BigIntegerField()  # the FileVersion read
    text = models.TextField(blank=True)
    error = models.CharField(max_length=200, blank=True)  # why nothing could be read
    extracted_at = models.DateTimeField(auto_now=True)
