"""Official accounts ("Company news", "Recruiting"): created and edited by administrators,
who also choose the delegates allowed to post as them. Every function checks the actor first.

An official account is not a person: nobody signs in to it (its password is unusable); its
delegates choose it in "Post as" when they write.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from essaim import audit
from essaim.core.errors import NotFound, ValidationFailed

from .admin import do_create_user
from .manage import _as_id, check_admin

BIO_MAX = 1000


def access_official(actor, official_id):
    check_admin(actor)
    found = get_user_model().objects.filter(pk=_as_id(official_id), is_official=True).first()
    if found is None:
        raise NotFound(_("This official account does not exist."))
    return found


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())[:100]
    if not name:
        raise ValidationFailed(_("An official account needs a name."), field="name")
    return name


def do_create_official(actor, username: str, name: str, *, bio: str = ""):
    """Create an official account nobody signs in to; returns it."""
    check_admin(actor)
    name = _clean_name(name)
    with transaction.atomic():
        official, _password = do_create_user(username, name=name, is_official=True)
        official.bio = (bio or "").strip()[:BIO_MAX]
        official.set_unusable_password()
        official.save(update_fields=["bio", "password"])
        audit.record(actor, "official.create", target=official, after={"name": name})
    return official


def do_update_official(actor, official, *, name: str, bio: str = ""):
    check_admin(actor)
    official.display_name = _clean_name(name)
    official.bio = (bio or "").strip()[:BIO_MAX]
    official.save(update_fields=["display_name", "bio"])
    return official


def _delegate_candidate(username: str):
    username = (username or "").strip().lstrip("@").lower()
    if not username:
        raise ValidationFailed(_("Name the person who will post as this account."),
                               field="username")
    found = get_user_model().objects.filter(username__iexact=username[:150]).first()
    if found is None:
        raise ValidationFailed(_("Nobody has the username @%(name)s.") % {"name": username},
                               field="username")
    if not found.is_active or found.is_guest or found.is_official:
        raise ValidationFailed(_("Only an active employee can post as an official account."),
                               field="username")
    return found


def do_add_delegate(actor, official, username: str):
    """Let an employee post as ``official``; returns the delegate."""
    check_admin(actor)
    delegate = _delegate_candidate(username)
    official.delegates.add(delegate)
    audit.record(actor, "official.delegate_add", target=official,
                 after={"delegate": delegate.username})
    return delegate


def do_remove_delegate(actor, official, delegate_id) -> None:
    check_admin(actor)
    delegate = official.delegates.filter(pk=_as_id(delegate_id)).first()
    if delegate is None:
        raise NotFound(_("This person is not a delegate of this account."))
    official.delegates.remove(delegate)
    audit.record(actor, "official.delegate_remove", target=official,
                 before={"delegate": delegate.username})
