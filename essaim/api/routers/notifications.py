from __future__ import annotations

from ninja import Router, Schema

from essaim.core.pagination import Cursor
from essaim.notifications import actions, queries

from .. import serializers as ser
from ..schemas import ErrorOut, NotificationOut

router = Router(tags=["notifications"])


class UnreadOut(Schema):
    count: int


@router.get("", response={200: list[NotificationOut], 401: ErrorOut})
def list_notifications(request, types: str = "", exclude_types: str = ""):
    rows = queries.page(request.auth, Cursor.parse(request.GET, maximum=80),
                        kinds=[t for t in types.split(",") if t] or None,
                        exclude=[t for t in exclude_types.split(",") if t] or None)
    return [ser.notification(n, request) for n in rows]


@router.get("/unread_count", response={200: UnreadOut, 401: ErrorOut})
def unread(request):
    return {"count": queries.unread_count(request.auth)}


@router.post("/read", response={200: UnreadOut, 401: ErrorOut}, summary="Mark all as read")
def mark_read(request):
    actions.do_mark_read(request.auth)
    return {"count": queries.unread_count(request.auth)}
