"""Term uses, hourly buckets, stored trend scores and signals, and the admins' decisions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

User = settings.AUTH_USER_MODEL
COMPANY = "company"


def community_scope(community_id: int) -> str:
    return f"community:{community_id}"


class Kind(models.TextChoices):
    TAG = "tag", _("Hashtag")
    TERM = "term", _("Term")
    LINK = "link", _("Link")


class TermUse(models.Model):
    """One post using one term in one scope (the source the buckets are rebuilt from)."""

    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    scope = models.CharField(max_length=32)
    kind = models.CharField(max_length=4, choices=Kind.choices)
    key = models.CharField(max_length=200)
    label = models.CharField(max_length=200)
    hour = models.DateTimeField()
    created_at = models.DateTimeField()
    department_id = models.BigIntegerField(null=True)
    organisation_id = models.BigIntegerField(null=True)
    conversation_id = models.BigIntegerField()  # thread root, quoted post, or the post itself

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "scope", "kind", "key"],
                                               name="uniq_term_use")]
        indexes = [models.Index(fields=["scope", "hour"]),
                   models.Index(fields=["scope", "key", "hour"], name="trends_use_scope_key_hour")]


class Bucket(models.Model):
    """Distinct people (and posts) using a term in a scope during one hour."""

    scope = models.CharField(max_length=32)
    kind = models.CharField(max_length=4, choices=Kind.choices)
    key = models.CharField(max_length=200)
    hour = models.DateTimeField()
    people = models.PositiveIntegerField(default=0)
    posts = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "kind", "key", "hour"],
                                               name="uniq_trend_bucket")]
        indexes = [models.Index(fields=["scope", "hour"]),
                   models.Index(fields=["scope", "key", "hour"],
                                name="trends_bucket_scope_key_hour")]


class TrendScore(models.Model):
    """A term's trend score in a scope, as the last refresh computed it."""

    scope = models.CharField(max_length=32)
    kind = models.CharField(max_length=4, choices=Kind.choices)
    key = models.CharField(max_length=200)
    label = models.CharField(max_length=200)
    score = models.FloatField()  # decayed
    max_score = models.FloatField()
    max_score_at = models.DateTimeField()
    observed = models.PositiveIntegerField()  # distinct people in the last 24 hours
    expected = models.FloatField()
    people = models.PositiveIntegerField()  # distinct people over 7 days
    departments = models.PositiveIntegerField()
    posts = models.PositiveIntegerField()
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "kind", "key"],
                                               name="uniq_trend_score")]
        indexes = [models.Index(fields=["scope", "-score"])]


class TrendingPost(models.Model):
    scope = models.CharField(max_length=32)
    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    people = models.PositiveIntegerField()
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "post"],
                                               name="uniq_trending_post")]
        indexes = [models.Index(fields=["scope", "-score"])]


class Signal(models.Model):
    """A weak signal found by the last refresh (a group of phrasings of one new subject)."""

    scope = models.CharField(max_length=32)
    rank = models.PositiveIntegerField()
    term = models.CharField(max_length=200)
    key = models.CharField(max_length=200)
    kind = models.CharField(max_length=4, choices=Kind.choices)
    related = models.JSONField(default=list)
    keys = models.JSONField(default=list)  # every member term's "kind:key"
    score = models.FloatField()
    first_seen = models.DateTimeField()
    posts = models.PositiveIntegerField()
    people = models.PositiveIntegerField()
    departments = models.PositiveIntegerField()
    organisations = models.PositiveIntegerField()
    post_ids = models.JSONField(default=list)  # candidates for samples, newest first
    curve = models.JSONField(default=list)  # distinct people per 6 hours over 7 days
    computed_at = models.DateTimeField()

    class Meta:
        ordering = ["scope", "rank"]
        indexes = [models.Index(fields=["scope", "rank"])]


class HiddenTrend(models.Model):
    """A term an administrator took out of trends and signals (in every scope)."""

    kind = models.CharField(max_length=4, choices=Kind.choices)
    key = models.CharField(max_length=200)
    label = models.CharField(max_length=200)
    hidden_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="uniq_hidden_trend")]


class TrendAudit(models.Model):
    """What administrators did to trends: hide, show again, change the minimum."""

    class Action(models.TextChoices):
        HIDE = "hide", _("Hidden")
        UNHIDE = "unhide", _("Shown again")
        MIN_PEOPLE = "min_people", _("Minimum of people changed")

    actor = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=12, choices=Action.choices)
    kind = models.CharField(max_length=4, blank=True)
    key = models.CharField(max_length=200, blank=True)
    value = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]


class TrendSettings(models.Model):
    """The one row of trend settings (``pk=1``)."""

    min_people = models.PositiveIntegerField(default=3)
    indexed_until = models.BigIntegerField(default=0)  # fill checkpoint: last post ID indexed
    refreshed_at = models.DateTimeField(null=True, blank=True)

    @classmethod
    def current(cls) -> TrendSettings:
        found = cls.objects.filter(pk=1).first()
        return found if found is not None else cls(pk=1)


class SignalSubscription(models.Model):
    """Someone who receives "Signals this week"."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    last_sent_at = models.DateTimeField(null=True, blank=True)
