"""Who may share, run campaigns and read reach figures (called from every surface).

* Sharing outward: employees only (an external guest never speaks for the company), and only
  public posts the person may see. A relay shares its original.
* Reach of a post: its author, the delegates of the official account that wrote it, admins.
* The maturity dashboard: admins and the communication team.
* Campaigns: the communication team, the delegates of the post's official account, admins.
* Individual ambassadors are named only when they opted in to the public badge.
* Official accounts have a public profile (name, bio, avatar, their public posts), readable
  by anyone, so that links to them unfurl; nobody else's profile is public.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import NotFound, PermissionDenied, ValidationFailed
from essaim.posts.models import Post, Visibility


def _signed_in(viewer) -> bool:
    return viewer is not None and viewer.is_authenticated and viewer.is_active


def is_admin(viewer) -> bool:
    return _signed_in(viewer) and viewer.is_staff


def is_communication(viewer) -> bool:
    if not _signed_in(viewer) or not viewer.is_employee:
        return False
    from .models import AdvocacyProfile

    return AdvocacyProfile.objects.filter(user_id=viewer.id, communication=True).exists()


def _delegate_of(viewer, post: Post) -> bool:
    author = post.author
    return author.is_official and author.delegates.filter(id=viewer.id).exists()


def original(post: Post) -> Post:
    return post.relay_of if post.relay_of_id else post


def check_amplify(viewer) -> None:
    """The Amplify page (campaigns to share outward): employees, like sharing itself."""
    if not _signed_in(viewer):
        raise PermissionDenied(_("Sign in to share a post."))
    if viewer.is_guest:
        raise PermissionDenied(_("External guests cannot share company posts outside."))


def access_shareable(viewer, post_id) -> Post:
    """The public post ``viewer`` may share, or a clean error saying why not."""
    if not _signed_in(viewer):
        raise PermissionDenied(_("Sign in to share a post."))
    if viewer.is_guest:
        raise PermissionDenied(_("External guests cannot share company posts outside."))
    post = original(policy.access_post(viewer, post_id))
    if post.visibility != Visibility.PUBLIC:
        raise ValidationFailed(_("Only public posts can be shared outside the company."))
    return post


def may_read_reach(viewer, post: Post) -> bool:
    if not _signed_in(viewer) or not policy.can_see_post(viewer, post):
        return False
    return viewer.id == post.author_id or is_admin(viewer) or _delegate_of(viewer, post)


def access_reach(viewer, post_id) -> Post:
    post = original(policy.access_post(viewer, post_id))
    if not may_read_reach(viewer, post):
        raise PermissionDenied(_("Only the author, the official account's delegates and "
                                 "admins can see the reach of a post."))
    return post


def may_read_dashboard(viewer) -> bool:
    return is_admin(viewer) or is_communication(viewer)


def check_dashboard(viewer) -> None:
    if not may_read_dashboard(viewer):
        raise PermissionDenied(_("The advocacy dashboard is for admins and the "
                                 "communication team."))


def may_run_campaign(viewer, post: Post) -> bool:
    if not _signed_in(viewer) or not viewer.is_employee:
        return False
    return is_admin(viewer) or is_communication(viewer) or _delegate_of(viewer, post)


def access_public_profile(username: str):
    """An active official account, whose profile anyone may read, or NotFound."""
    from django.contrib.auth import get_user_model

    account = get_user_model().objects.filter(
        username=str(username or "").lstrip("@").lower()[:150], is_active=True,
        is_official=True).first()
    if account is None:
        raise NotFound(_("This account does not exist or is not visible to you."))
    return account
