"""The idea box: ideas, one vote per member, comments, and credit to who brought them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaim.core.ids import snowflake

User = settings.AUTH_USER_MODEL


class Idea(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        REVIEW = "review", _("Under review")
        ACCEPTED = "accepted", _("Accepted")
        DONE = "done", _("Done")
        DECLINED = "declined", _("Declined")

    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    community = models.ForeignKey("communities.Community", on_delete=models.CASCADE,
                                  related_name="ideas")
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=4000, blank=True)
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+",
                               help_text=_("Whose idea it is."))
    submitted_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL,
                                     related_name="+")
    origin = models.CharField(max_length=200, blank=True,
                              help_text=_("Where the idea came from (a meeting, a customer…)."))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_changed_by = models.ForeignKey(User, null=True, blank=True,
                                          on_delete=models.SET_NULL, related_name="+")
    votes_count = models.PositiveIntegerField(default=0)
    comments_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["community", "-votes_count"])]


class IdeaVote(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="uniq_idea_vote")]


class IdeaComment(models.Model):
    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]


class IdeaCredit(models.Model):
    """Who relayed an idea on someone's behalf, or connected it to the right people."""

    class Kind(models.TextChoices):
        RELAYED = "relayed", _("Relayed")
        CONNECTED = "connected", _("Connected")

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="credits")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["idea", "user", "kind"],
                                               name="uniq_idea_credit")]
