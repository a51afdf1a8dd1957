"""Share links, shares, campaigns, internal views and external visits."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from essaim.core.ids import snowflake

User = settings.AUTH_USER_MODEL


class Network(models.TextChoices):
    LINKEDIN = "linkedin", "LinkedIn"
    X = "x", "X"
    FACEBOOK = "facebook", "Facebook"
    EMAIL = "email", _("E-mail")
    COPY = "copy", _("Copied link")


class ShareLink(models.Model):
    """A person's own tracked link to a public post (``/s/<code>``), made on first share."""

    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    code = models.CharField(max_length=16, unique=True)
    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="share_links")
    sharer = models.ForeignKey(User, on_delete=models.CASCADE, related_name="share_links")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "sharer"],
                                               name="uniq_share_link")]


class Share(models.Model):
    """One share of a link to one network (a click on a share button)."""

    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="shares")
    network = models.CharField(max_length=10, choices=Network.choices)
    created_at = models.DateTimeField(db_index=True)


class Campaign(models.Model):
    """A public post the communication team asks employees to amplify, for a period."""

    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    post = models.OneToOneField("posts.Post", on_delete=models.CASCADE, related_name="campaign")
    name = models.SlugField(max_length=60, help_text=_("Sent as utm_campaign."))
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    texts = models.JSONField(default=dict, help_text=_("Suggested text per network."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["ends_at"])]


class PostView(models.Model):
    """A post shown to a colleague, at most one row per post, person and day."""

    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user", "day"],
                                               name="uniq_post_view")]
        indexes = [models.Index(fields=["day"])]


class Visit(models.Model):
    """An opening of a tracked link, once per visitor and day; crawlers count as previews."""

    class Kind(models.TextChoices):
        VISIT = "visit", _("visit")
        PREVIEW = "preview", _("link preview")

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="visits")
    visitor = models.CharField(max_length=64)  # a first-party cookie id or a daily salted hash
    day = models.DateField()
    kind = models.CharField(max_length=8, choices=Kind.choices)
    network = models.CharField(max_length=10, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["link", "visitor", "day", "kind"],
                                               name="uniq_visit")]
        indexes = [models.Index(fields=["day"])]


class AdvocacyProfile(models.Model):
    """A person's advocacy choices: the communication role, the public Ambassador badge."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, primary_key=True,
                                related_name="advocacy")
    communication = models.BooleanField(_("communication team"), default=False)
    show_badge = models.BooleanField(_("show the Ambassador badge"), default=False)
    weekly_digest = models.BooleanField(_("weekly digest of posts to amplify"), default=True)
    digest_sent_at = models.DateTimeField(null=True, blank=True)
