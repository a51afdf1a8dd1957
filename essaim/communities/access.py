"""Permission-checked fetches: each returns the object with the viewer's right to it, or
raises a clean error (NotFound when the viewer may not even know it exists)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import NotFound, PermissionDenied

from .models import Community, Event, Folder, Idea, Link, Membership, SharedFile, Task, TaskList
from .models.community import MODERATING_ROLES

access_community = policy.access_community


def require_member(viewer, community: Community) -> Membership:
    """The viewer's membership; non-members are told to join (or NotFound if secret)."""
    if not policy.can_see_community(viewer, community):
        raise NotFound(_("This community does not exist or is not visible to you."))
    found = Membership.objects.filter(user_id=viewer.id, community=community).first()
    if found is None:
        raise PermissionDenied(_("Join this community to see and share its content."))
    return found


def require_moderator(viewer, community: Community) -> Membership:
    found = require_member(viewer, community)
    if found.role not in MODERATING_ROLES:
        raise PermissionDenied(_("Only the community's owners and animators can do this."))
    return found


def require_owner(viewer, community: Community) -> Membership:
    found = require_member(viewer, community)
    if found.role != "owner" and not viewer.is_staff:
        raise PermissionDenied(_("Only the community's owners can do this."))
    return found


def require_writable(community: Community) -> None:
    if community.is_archived:
        raise PermissionDenied(_("This community is archived: it is read-only."))


def check_can_post(author, community: Community) -> Membership:
    """An author may post in a community they belong to, unless it is archived."""
    found = require_member(author, community)
    require_writable(community)
    return found


def member_for_writing(viewer, community: Community) -> Membership:
    found = require_member(viewer, community)
    require_writable(community)
    return found


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _fetch(model, viewer, object_id, message: str, community: Community | None = None):
    """An artefact of a community the viewer belongs to (optionally of one given community)."""
    pk = _as_int(object_id)
    obj = None
    if pk is not None:
        obj = model.objects.select_related("community").filter(pk=pk).first()
    if obj is None or not policy.in_community(viewer, obj.community_id) or (
            community is not None and obj.community_id != community.pk):
        raise NotFound(message)
    return obj


def access_file(viewer, file_id, community=None) -> SharedFile:
    return _fetch(SharedFile, viewer, file_id,
                  _("This file does not exist or is not visible to you."), community)


def access_folder(viewer, folder_id, community=None) -> Folder:
    return _fetch(Folder, viewer, folder_id,
                  _("This folder does not exist or is not visible to you."), community)


def access_link(viewer, link_id, community=None) -> Link:
    return _fetch(Link, viewer, link_id,
                  _("This link does not exist or is not visible to you."), community)


def access_idea(viewer, idea_id, community=None) -> Idea:
    return _fetch(Idea, viewer, idea_id,
                  _("This idea does not exist or is not visible to you."), community)


def access_task(viewer, task_id, community=None) -> Task:
    return _fetch(Task, viewer, task_id,
                  _("This task does not exist or is not visible to you."), community)


def access_task_list(viewer, list_id, community=None) -> TaskList:
    return _fetch(TaskList, viewer, list_id,
                  _("This task list does not exist or is not visible to you."), community)


def access_event(viewer, event_id, community=None) -> Event:
    return _fetch(Event, viewer, event_id,
                  _("This event does not exist or is not visible to you."), community)
