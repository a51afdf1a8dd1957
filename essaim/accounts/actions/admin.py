from __future__ import annotations

import re
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from essaim.core.errors import ValidationFailed

from ..models import Department, Organisation

USERNAME_RE = re.compile(r"^[a-z0-9_](?:[a-z0-9_.-]{0,28}[a-z0-9_])?$")


def check_username(username: str) -> str:
    username = (username or "").strip().lstrip("@").lower()
    if not USERNAME_RE.match(username):
        raise ValidationFailed(
            _("A username has 1 to 30 letters, digits, dots, dashes or underscores."),
            field="username")
    if get_user_model().objects.filter(username__iexact=username).exists():
        raise ValidationFailed(_("The username @%(name)s is taken.") % {"name": username},
                               field="username")
    return username


def _check_password(password: str, user=None) -> None:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationFailed(" ".join(exc.messages), field="password") from exc


def do_create_department(name: str) -> Department:
    name = (name or "").strip()
    if not name:
        raise ValidationFailed(_("A department needs a name."), field="name")
    dept, _created = Department.objects.get_or_create(
        name=name, defaults={"slug": slugify(name) or secrets.token_hex(4)})
    return dept


def do_create_user(
    username: str, *, password: str | None = None, email: str = "", name: str = "",
    department: str | Department | None = None, admin: bool = False,
    guest_of: str | None = None, job_title: str = "", is_official: bool = False,
    validate: bool = True,
):
    """Create an account; returns (user, password) where password is generated if not given."""
    User = get_user_model()
    username = check_username(username)
    email = (email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ValidationFailed(_("Enter a valid e-mail address."), field="email") from exc
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationFailed(_("This e-mail address is already used."), field="email")
    generated = password is None
    if generated:
        password = secrets.token_urlsafe(12)
    elif validate:
        _check_password(password)
    with transaction.atomic():
        if isinstance(department, str) and department:
            department = do_create_department(department)
        organisation = None
        if guest_of:
            organisation, _created = Organisation.objects.get_or_create(name=guest_of.strip())
        user = User(
            username=username, email=email, display_name=(name or "").strip()[:100],
            department=department or None, job_title=job_title[:120],
            kind=User.Kind.GUEST if organisation else User.Kind.EMPLOYEE,
            organisation=organisation, is_staff=admin, is_superuser=admin,
            is_official=is_official,
        )
        user.set_password(password)
        user.save()
    return user, password


def do_set_password(user, password: str, *, validate: bool = True) -> None:
    if validate:
        _check_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])


def do_deactivate_user(user) -> None:
    """Deactivate an account: it can no longer log in and its posts disappear from view."""
    from essaim.oauth.actions import revoke_tokens_of

    user.is_active = False
    user.save(update_fields=["is_active"])
    revoke_tokens_of(user)


def do_reactivate_user(user) -> None:
    user.is_active = True
    user.save(update_fields=["is_active"])
