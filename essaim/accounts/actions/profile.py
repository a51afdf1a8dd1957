from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core.errors import ValidationFailed
from essaim.core.sharedcache import process_memo

from ..models import Department, Skill

# Activity is written at most this often per person (fan-out needs days, not seconds).
ACTIVITY_RESOLUTION = timedelta(minutes=5)
PROFILE_LIMITS = {"display_name": 100, "bio": 1000, "job_title": 120, "location": 120,
                  "languages": 200}


def do_update_profile(user, *, display_name=None, bio=None, job_title=None, location=None,
                      languages=None, department_id=None, skills=None):
    """Update the editable profile fields that are given (None leaves a field as it is).

    Everything is checked before anything changes: a refused update leaves the account as it was.
    """
    changes = {"display_name": display_name, "bio": bio, "job_title": job_title,
               "location": location, "languages": languages}
    changes = {field: value.strip() for field, value in changes.items() if value is not None}
    for field, value in changes.items():
        if len(value) > PROFILE_LIMITS[field]:
            raise ValidationFailed(_("%(field)s is too long (%(max)d characters at most).")
                                   % {"field": field, "max": PROFILE_LIMITS[field]}, field=field)
    if department_id is not None:
        changes["department"] = _check_department(department_id)
    skill_names = _check_skills(skills) if skills is not None else None
    with transaction.atomic():
        for field, value in changes.items():
            setattr(user, field, value)
        user.save()
        if skill_names is not None:
            user.skills.set([Skill.objects.get_or_create(name=n)[0] for n in skill_names])
    return user


def _check_department(department_id) -> Department | None:
    if department_id in ("", 0):
        return None
    try:
        dept = Department.objects.filter(pk=int(department_id)).first()
    except (TypeError, ValueError):
        dept = None
    if dept is None:
        raise ValidationFailed(_("Unknown department."), field="department")
    return dept


def _check_skills(skills) -> list[str]:
    names: list[str] = []
    for raw in skills:
        name = raw.strip().lstrip("#").lower()
        if name and len(name) <= 60 and name not in names:
            names.append(name)
    if len(names) > 30:
        raise ValidationFailed(_("At most 30 skills."), field="skills")
    return names


def do_set_avatar(user, uploaded) -> None:
    from ..avatars import process_avatar

    content = process_avatar(uploaded)
    old = user.avatar.name if user.avatar else None
    user.avatar.save(f"{user.id}-{secrets.token_hex(6)}.webp", content, save=True)
    if old:
        user.avatar.storage.delete(old)


def do_set_locale(user, locale: str) -> None:
    codes = {code for code, _name in settings.LANGUAGES}
    if locale not in codes and locale != "":
        raise ValidationFailed(_("Unknown language."), field="language")
    user.locale = locale
    user.save(update_fields=["locale"])


_touched: dict = process_memo()  # this process's last write of each person's activity


def do_touch_activity(user) -> None:
    """Record that ``user`` is here, at most every ACTIVITY_RESOLUTION (a cached account may
    carry an older time than the database: this process's own last write counts too)."""
    now = timezone.now()
    last = max(filter(None, [user.last_active_at, _touched.get(user.pk)]), default=None)
    if last is None or now - last > ACTIVITY_RESOLUTION:
        user.__class__.objects.filter(pk=user.pk).update(last_active_at=now)
        if len(_touched) > 100_000:
            _touched.clear()
        _touched[user.pk] = now
        last = now
    user.last_active_at = last
