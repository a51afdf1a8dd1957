from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class Department(models.Model):
    """An organisational unit of the company (Marketing, R&D…)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """An outside organisation whose people join as external guests."""

    class Kind(models.TextChoices):
        CUSTOMER = "customer", _("Customer")
        PARTNER = "partner", _("Partner")
        SUPPLIER = "supplier", _("Supplier")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Skill(models.Model):
    name = models.CharField(max_length=60, unique=True)  # stored lower-case

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """An account: an employee (internal member) or an external guest."""

    class Kind(models.TextChoices):
        EMPLOYEE = "employee", _("Employee")
        GUEST = "guest", _("External guest")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.EMPLOYEE)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="guests",
        verbose_name=_("organisation"),
    )
    display_name = models.CharField(_("display name"), max_length=100, blank=True)
    bio = models.TextField(_("bio"), max_length=1000, blank=True)
    avatar = models.ImageField(_("avatar"), upload_to="avatars/", blank=True)
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, related_name="members",
        verbose_name=_("department"),
    )
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    location = models.CharField(_("location"), max_length=120, blank=True)
    skills = models.ManyToManyField(
        Skill, blank=True, related_name="users", verbose_name=_("skills")
    )
    languages = models.CharField(
        _("languages spoken"), max_length=200, blank=True, help_text=_("Comma-separated.")
    )
    locale = models.CharField(_("interface language"), max_length=8, blank=True)
    is_official = models.BooleanField(
        _("official account"), default=False,
        help_text=_("An organisational account such as Company news or Recruiting."),
    )
    delegates = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="official_accounts",
        verbose_name=_("delegated posters"),
        help_text=_("People allowed to post as this official account."),
    )
    last_active_at = models.DateTimeField(null=True, blank=True, db_index=True)

    objects = UserManager()

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        indexes = [models.Index(fields=["kind", "is_active"])]

    @property
    def name(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @property
    def is_employee(self) -> bool:
        return self.kind == self.Kind.EMPLOYEE

    @property
    def is_guest(self) -> bool:
        return self.kind == self.Kind.GUEST

    def language_list(self) -> list[str]:
        return [x.strip() for x in self.languages.split(",") if x.strip()]

    def __str__(self) -> str:
        return f"@{self.username}"


class TwoFactor(models.Model):
    """A person's authenticator app (TOTP, RFC 6238): confirmed once a first code matched."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="two_factor")
    secret = models.CharField(max_length=64)  # base32
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_step = models.BigIntegerField(default=0)  # the last 30-second step used: no replay
    created_at = models.DateTimeField(auto_now_add=True)


class RecoveryCode(models.Model):
    """A one-time code for when the authenticator is lost (kept as a hash)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)


class TrustedDevice(models.Model):
    """A browser where the second step is skipped for 30 days ("remember this device")."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="trusted_devices")
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)


class SecurityPolicy(models.Model):
    """The company's sign-in rules (one row): who must use two-factor authentication."""

    class Require(models.TextChoices):
        NOBODY = "nobody", _("Nobody (everyone may turn it on)")
        ADMINS = "admins", _("Administrators")
        EVERYONE = "everyone", _("Everyone")

    require_two_factor = models.CharField(max_length=8, choices=Require.choices,
                                          default=Require.NOBODY)

    @classmethod
    def current(cls) -> SecurityPolicy:
        found, _created = cls.objects.get_or_create(pk=1)
        return found
