"""Two-factor authentication for password sign-ins: an authenticator app (TOTP, RFC 6238,
with pyotp), ten one-time recovery codes, and browsers remembered for 30 days.

* Enrolling: :func:`do_start_enrolment` makes a secret (not active yet), shown as a QR code
  and as text; :func:`do_confirm_enrolment` turns it on once a first code matches, and gives
  the recovery codes, shown once (only their hashes are kept).
* Signing in: after the password, :func:`do_verify` takes a code from the app (the current
  30-second step or its neighbours, each step used once) or an unused recovery code. Wrong
  codes are rate-limited per person.
* The company may require it for administrators or for everyone
  (:class:`~essaim.accounts.models.SecurityPolicy`); then nobody it concerns can turn it off,
  and web pages ask them to enrol first.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

import pyotp
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core import ratelimit
from essaim.core.errors import PermissionDenied, ValidationFailed

from .models import RecoveryCode, SecurityPolicy, TrustedDevice, TwoFactor

ISSUER = "Essaim"
RECOVERY_CODES = 10
REMEMBER_DAYS = 30
COOKIE = "essaim_2fa_device"


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def _normalise(code: str) -> str:
    return "".join(ch for ch in (code or "") if ch.isalnum()).lower()


def is_enabled(user) -> bool:
    return bool(user is not None and user.is_authenticated and TwoFactor.objects.filter(
        user_id=user.id, confirmed_at__isnull=False).exists())


def is_required(user, rule: str | None = None) -> bool:
    """Whether the company's policy (``rule``, read when not given) asks this person to use
    two-factor authentication."""
    rule = rule or SecurityPolicy.current().require_two_factor
    if rule == SecurityPolicy.Require.EVERYONE:
        return True
    return rule == SecurityPolicy.Require.ADMINS and bool(user.is_staff or user.is_superuser)


def do_start_enrolment(user) -> TwoFactor:
    """A new secret for ``user`` (replacing one not confirmed yet)."""
    if is_enabled(user):
        raise ValidationFailed(_("Two-factor authentication is already on."))
    found, _created = TwoFactor.objects.update_or_create(
        user=user, defaults={"secret": pyotp.random_base32(), "confirmed_at": None,
                             "last_step": 0})
    return found


def provisioning_uri(user, enrolment: TwoFactor) -> str:
    return pyotp.TOTP(enrolment.secret).provisioning_uri(name=user.username,
                                                         issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The URI as an inline SVG QR code (segno), for authenticator apps to scan."""
    import io

    import segno

    out = io.BytesIO()
    segno.make(uri, error="m").save(out, kind="svg", scale=5, border=2, xmldecl=False,
                                    svgns=True, title=ISSUER)
    return out.getvalue().decode()


def _matching_step(enrolment: TwoFactor, code: str) -> int | None:
    code = _normalise(code)
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(enrolment.secret)
    now = timezone.now()
    step = int(now.timestamp()) // totp.interval
    for candidate in (step, step - 1, step + 1):
        if candidate > enrolment.last_step and secrets.compare_digest(
                totp.generate_otp(candidate), code):
            return candidate
    return None


def _new_recovery_codes(user) -> list[str]:
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODES)]
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create([RecoveryCode(user=user, code_hash=_hash(_normalise(c)))
                                      for c in codes])
    return codes


def do_confirm_enrolment(user, code: str) -> list[str]:
    """Turn two-factor on once the app's first code matches; returns the recovery codes."""
    from essaim.audit import record

    ratelimit.hit("two-factor", str(user.id), "ESSAIM_RATE_LOGIN")
    with transaction.atomic():
        enrolment = TwoFactor.objects.select_for_update().filter(
            user=user, confirmed_at__isnull=True).first()
        if enrolment is None:
            raise ValidationFailed(_("Start again: scan a new code with your app."))
        step = _matching_step(enrolment, code)
        if step is None:
            raise ValidationFailed(_("This code does not match. Type the six digits your "
                                     "app shows now."), field="code")
        enrolment.confirmed_at, enrolment.last_step = timezone.now(), step
        enrolment.save(update_fields=["confirmed_at", "last_step"])
        codes = _new_recovery_codes(user)
        record(user, "account.two_factor_on", target=user)
    return codes


def do_verify(user, code: str) -> bool:
    """The second step of a sign-in: an app code, or an unused recovery code (then used up).
    Wrong codes count against the person's sign-in rate limit."""
    ratelimit.hit("two-factor", str(user.id), "ESSAIM_RATE_LOGIN")
    with transaction.atomic():
        enrolment = TwoFactor.objects.select_for_update().filter(
            user=user, confirmed_at__isnull=False).first()
        if enrolment is None:
            return False
        step = _matching_step(enrolment, code)
        if step is not None:
            enrolment.last_step = step
            enrolment.save(update_fields=["last_step"])
            ratelimit.reset("two-factor", str(user.id), "ESSAIM_RATE_LOGIN")
            return True
        used = RecoveryCode.objects.filter(user=user, used_at__isnull=True,
                                           code_hash=_hash(_normalise(code))) \
            .update(used_at=timezone.now())
    if used:
        ratelimit.reset("two-factor", str(user.id), "ESSAIM_RATE_LOGIN")
    return bool(used)


def recovery_codes_left(user) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def do_regenerate_recovery_codes(user, code: str) -> list[str]:
    if not do_verify(user, code):
        raise ValidationFailed(_("This code does not match."), field="code")
    return _new_recovery_codes(user)


def do_disable(user, code: str) -> None:
    """Turn two-factor off (a current code needed; refused when the company requires it)."""
    from essaim.audit import record

    if is_required(user):
        raise PermissionDenied(_("Your company requires two-factor authentication: it "
                                 "cannot be turned off."))
    if not do_verify(user, code):
        raise ValidationFailed(_("This code does not match."), field="code")
    with transaction.atomic():
        TwoFactor.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()
        TrustedDevice.objects.filter(user=user).delete()
        record(user, "account.two_factor_off", target=user)


def do_remember_device(user) -> str:
    """A token for this browser's cookie: the second step is skipped here for 30 days."""
    raw = secrets.token_urlsafe(32)
    TrustedDevice.objects.create(user=user, token_hash=_hash(raw),
                                 expires_at=timezone.now() + timedelta(days=REMEMBER_DAYS))
    return raw


def is_trusted_device(user, raw: str | None) -> bool:
    return bool(raw) and TrustedDevice.objects.filter(
        user=user, token_hash=_hash(raw or ""), expires_at__gt=timezone.now()).exists()


def do_set_requirement(admin, value: str) -> SecurityPolicy:
    from essaim.audit import record
    from essaim.visibility import may_administer

    if not may_administer(admin):
        raise PermissionDenied(_("Only administrators can change the sign-in rules."))
    if value not in SecurityPolicy.Require.values:
        raise ValidationFailed(_("Choose who must use two-factor authentication."),
                               field="require_two_factor")
    policy = SecurityPolicy.current()
    before = policy.require_two_factor
    policy.require_two_factor = value
    policy.save(update_fields=["require_two_factor"])
    from django.core.cache import cache

    cache.delete("essaim:two-factor-rule")
    record(admin, "security.two_factor_requirement", before={"require": before},
           after={"require": value})
    return policy
