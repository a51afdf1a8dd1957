"""Writes to accounts: creation, profiles, avatars, languages, administration."""

from .admin import (
    check_username,
    do_create_department,
    do_create_user,
    do_deactivate_user,
    do_reactivate_user,
    do_set_password,
)
from .profile import do_set_avatar, do_set_locale, do_touch_activity, do_update_profile

__all__ = [
    "check_username", "do_create_department", "do_create_user", "do_deactivate_user",
    "do_reactivate_user", "do_set_password", "do_set_avatar", "do_set_locale",
    "do_touch_activity", "do_update_profile",
]
