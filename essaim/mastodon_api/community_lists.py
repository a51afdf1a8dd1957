"""Communities as Mastodon clients see them: one read-only list per community one belongs to.

Mastodon has no groups; a list is the closest thing apps show (a named timeline). Their ids are
``community-<id>`` so they never collide with the viewer's own lists.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from essaim.core.errors import NotFound, PermissionDenied

PREFIX = "community-"


def is_community_list(list_id) -> bool:
    return str(list_id).startswith(PREFIX)


def access(viewer, list_id):
    """The community behind a list id, for a member; NotFound otherwise."""
    from essaim.communities.access import require_member
    from essaim.communities.queries import community_by_id

    raw = str(list_id)[len(PREFIX):]
    community = community_by_id(raw) if raw.isdigit() else None
    if community is None:
        raise NotFound(_("Record not found"))
    try:
        require_member(viewer, community)
    except PermissionDenied as exc:
        raise NotFound(_("Record not found")) from exc
    return community


def entity(community) -> dict:
    return {"id": f"{PREFIX}{community.pk}", "title": community.name,
            "replies_policy": "list", "exclusive": False}


def entities(viewer) -> list[dict]:
    from essaim.communities.queries import my_communities

    return [entity(c) for c in my_communities(viewer)]


def refuse_change() -> None:
    raise PermissionDenied(_("A community is managed in Essaim, not as a list."))
