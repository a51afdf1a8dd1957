"""Notifications and the notifications marker."""

from __future__ import annotations

from django.utils.translation import gettext as _

from essaim.core.errors import NotFound
from essaim.core.pagination import Cursor, paginate_ids
from essaim.notifications import actions
from essaim.notifications import queries as notifications

from ..http import api, json_response
from ..pagination import link_header
from ..serializers.common import iso
from ..serializers.misc import KIND_TO_TYPE, kinds_for
from ..serializers.misc import notifications as notification_entities
from .common import as_id, id_list

LIMIT = 80


def _filters(p) -> dict | None:
    """Query filters from ``types[]``/``exclude_types[]``; None when nothing can match."""
    # Only kinds Mastodon knows: community work (tasks, invitations…) stays in the web UI.
    filters = {"kinds": list(KIND_TO_TYPE)}
    types = p.getlist("types")
    if types:
        kinds = kinds_for(types)
        if not kinds:
            return None
        filters["kinds"] = kinds
    excluded = kinds_for(p.getlist("exclude_types"))
    if excluded:
        filters["exclude"] = excluded
    return filters


@api("read:notifications")
def index(request):
    p = request.params
    cursor = Cursor.parse(p, default=40, maximum=LIMIT)
    filters = _filters(p)
    if filters is None:
        return json_response([])
    qs_rows = notifications.notifications_for(request.viewer, **filters)
    if p.get("account_id"):
        qs_rows = qs_rows.filter(actor_id__in=id_list([p.get("account_id")]))
    rows = paginate_ids(qs_rows, cursor)
    request.filter_context = "notifications"
    response = json_response(notification_entities(request.viewer, rows, request))
    header = link_header(request, rows[-1].id if len(rows) >= cursor.limit else None,
                         rows[0].id if rows else None)
    if header:
        response["Link"] = header
    return response


def _get(request, notification_id):
    row = notifications.notifications_for(request.viewer).filter(
        id=as_id(notification_id)).first()
    if row is None:
        raise NotFound(_("Record not found"))
    return row


@api("read:notifications")
def get(request, notification_id):
    return json_response(notification_entities(request.viewer, [_get(request, notification_id)],
                                               request)[0])


@api("write:notifications")
def clear(request):
    actions.do_clear(request.viewer)
    return json_response({})


@api("write:notifications")
def dismiss(request, notification_id=None):
    notification_id = notification_id or request.params.get("id")
    actions.do_dismiss(request.viewer, as_id(notification_id))
    return json_response({})


@api("read:notifications")
def unread_count(request):
    return json_response({"count": notifications.unread_count(request.viewer)})


def _notifications_marker(viewer) -> dict | None:
    last = (notifications.notifications_for(viewer).filter(read_at__isnull=False)
            .order_by("-id").first())
    if last is None:
        return None
    return {"last_read_id": str(last.id), "version": 1, "updated_at": iso(last.read_at)}


@api("read:statuses")
def markers(request):
    wanted = request.params.getlist("timeline") or ["notifications"]
    data = {}
    if "notifications" in wanted:
        marker = _notifications_marker(request.viewer)
        if marker:
            data["notifications"] = marker
    return json_response(data)


@api("write:statuses")
def save_markers(request):
    last_read = request.params.dict("notifications").get("last_read_id")
    if last_read:
        actions.do_mark_read(request.viewer, as_id(last_read))
    marker = _notifications_marker(request.viewer)
    return json_response({"notifications": marker} if marker else {})
