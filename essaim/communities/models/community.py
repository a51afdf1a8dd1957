"""Communities, who belongs to them, who asked to join, who is invited, what is pinned."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaim.core.ids import snowflake

from ..storage import private_storage

User = settings.AUTH_USER_MODEL


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    ANIMATOR = "animator", _("Animator")
    MEMBER = "member", _("Member")
    GUEST = "guest", _("Guest")


MODERATING_ROLES = (Role.OWNER, Role.ANIMATOR)


class Community(models.Model):
    class Kind(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        SECRET = "secret", _("Secret")
        EXTERNAL = "external", _("External")

    class Template(models.TextChoices):
        NONE = "", _("Blank community")
        TENDER = "tender", _("Call for tenders")
        EVENT = "event", _("Event")
        INTEREST = "interest", _("Community of interest")

    class Decision(models.TextChoices):
        PENDING = "", _("Not decided")
        GO = "go", _("Go")
        NO_GO = "no_go", _("No go")

    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OPEN)
    template = models.CharField(_("template"), max_length=10, choices=Template.choices,
                                blank=True, default="")
    tags = models.CharField(_("tags"), max_length=300, blank=True)
    avatar = models.FileField(storage=private_storage, upload_to="communities/avatars/",
                              blank=True)
    cover = models.FileField(storage=private_storage, upload_to="communities/covers/",
                             blank=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices,
                                blank=True, default="")
    decision_note = models.CharField(_("decision note"), max_length=300, blank=True)
    members_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_archived(self) -> bool:
        """Archived by hand, or past its deadline (even before the sweep marks it)."""
        if self.archived_at is not None:
            return True
        return self.deadline is not None and self.deadline <= timezone.now()

    @property
    def is_external(self) -> bool:
        return self.kind == self.Kind.EXTERNAL

    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]


class Membership(models.Model):
    community = models.ForeignKey(Community, on_delete=models.CASCADE,
                                  related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE,
                             related_name="community_memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    follows = models.BooleanField(default=True, help_text=_(
        "Whether the community's posts reach this member's home timeline."))
    invited_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["community", "user"],
                                               name="uniq_membership")]
        indexes = [models.Index(fields=["user", "community"])]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.community_id} ({self.role})"

    @property
    def moderates(self) -> bool:
        return self.role in MODERATING_ROLES


class JoinRequest(models.Model):
    """An employee asking to join a closed or external community."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE,
                                  related_name="join_requests")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    message = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["community", "user"],
                                               name="uniq_join_request")]


class Invitation(models.Model):
    """An invitation to an account, or to an e-mail address (which becomes a guest account)."""

    id = models.BigIntegerField(primary_key=True, default=snowflake, editable=False)
    community = models.ForeignKey(Community, on_delete=models.CASCADE,
                                  related_name="invitations")
    invited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    account = models.ForeignKey(User, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="community_invitations")
    email = models.EmailField(blank=True)
    organisation = models.ForeignKey("accounts.Organisation", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    declined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["account", "accepted_at", "declined_at"])]

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.declined_at is None


class Pin(models.Model):
    """An announcement: a community post pinned by an animator at the top of its timeline."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="pins")
    post = models.OneToOneField("posts.Post", on_delete=models.CASCADE,
                                related_name="community_pin")
    pinned_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
