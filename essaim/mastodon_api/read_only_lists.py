"""Communities and watches as Mastodon clients see them: read-only lists.

Mastodon has no groups and no saved searches; a list is the closest thing apps show (a named
timeline). One list per community one belongs to (id ``community-<id>``) and one per watch
(id ``watch-<id>``), so they never collide with the viewer's own lists. They are managed in
Essaim: changing them through the lists API is refused.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from essaim.core.errors import NotFound, PermissionDenied

COMMUNITY = "community-"
WATCH = "watch-"


def is_read_only(list_id) -> bool:
    return str(list_id).startswith((COMMUNITY, WATCH))


def _number(list_id, prefix: str) -> int | None:
    raw = str(list_id)[len(prefix):]
    return int(raw) if raw.isdigit() and len(raw) < 20 else None


def _community(viewer, list_id):
    """The community behind a list id, for a member; NotFound otherwise."""
    from essaim.communities.access import require_member
    from essaim.communities.queries import community_by_id

    number = _number(list_id, COMMUNITY)
    community = community_by_id(number) if number is not None else None
    if community is None:
        raise NotFound(_("Record not found"))
    try:
        require_member(viewer, community)
    except PermissionDenied as exc:
        raise NotFound(_("Record not found")) from exc
    return community


def _watch(viewer, list_id):
    from essaim.watches.actions import access_watch

    try:
        return access_watch(viewer, _number(list_id, WATCH))
    except NotFound as exc:
        raise NotFound(_("Record not found")) from exc


def _community_entity(community) -> dict:
    return {"id": f"{COMMUNITY}{community.pk}", "title": community.name,
            "replies_policy": "list", "exclusive": False}


def _watch_entity(watch) -> dict:
    return {"id": f"{WATCH}{watch.pk}", "title": watch.name, "replies_policy": "list",
            "exclusive": False}


def entity(viewer, list_id) -> dict:
    if str(list_id).startswith(WATCH):
        return _watch_entity(_watch(viewer, list_id))
    return _community_entity(_community(viewer, list_id))


def entities(viewer) -> list[dict]:
    from essaim.communities.queries import my_communities
    from essaim.watches.queries import watches_of

    return ([_community_entity(c) for c in my_communities(viewer)]
            + [_watch_entity(w) for w in watches_of(viewer)])


def members(viewer, list_id) -> list:
    """The people of a community list (a watch has none)."""
    if str(list_id).startswith(WATCH):
        _watch(viewer, list_id)
        return []
    from essaim.communities.queries import members as community_members

    return [m.user for m in community_members(viewer, _community(viewer, list_id))]


def timeline(viewer, list_id, page_cursor):
    from essaim.timelines.queries import Page

    if str(list_id).startswith(WATCH):
        from essaim.watches.queries import timeline as watch_timeline

        return watch_timeline(viewer, _watch(viewer, list_id), page_cursor)
    from essaim.communities.queries import timeline as community_timeline

    posts = community_timeline(viewer, _community(viewer, list_id), page_cursor)
    full = len(posts) >= page_cursor.limit
    return Page(posts, posts[-1].id if full and posts else None, posts[0].id if posts else None)


def refuse_change(list_id) -> None:
    if str(list_id).startswith(WATCH):
        raise PermissionDenied(_("A watch is managed in Essaim, not as a list."))
    raise PermissionDenied(_("A community is managed in Essaim, not as a list."))
