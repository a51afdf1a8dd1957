"""Watches (saved searches): ``/watches`` CRUD and each watch's posts. A person only ever
reads and changes their own watches."""

from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema, Status
from pydantic import BaseModel, Field

from essaim.core.pagination import Cursor
from essaim.watches import actions, queries
from essaim.watches.models import Delivery

from .. import serializers as ser
from ..schemas import ErrorOut, PageOut

router = Router(tags=["watches"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
DELIVERY_HELP = "instant (a notification per post), daily or weekly (a digest), or none"


class WatchOut(BaseModel):
    id: str
    name: str
    query: str
    delivery: str = Field(description=DELIVERY_HELP)
    unread: int = Field(description="Gathered posts not seen yet that the owner may see.")
    created_at: datetime


class WatchList(BaseModel):
    items: list[WatchOut]


class WatchIn(Schema):
    query: str = Field(min_length=1, max_length=2000,
                       description="A search (the language of GET /search).")
    name: str | None = Field(None, max_length=400, description="Defaults to the query.")
    delivery: str = Field(Delivery.INSTANT, max_length=20, description=DELIVERY_HELP)


class WatchPatch(Schema):
    query: str | None = Field(None, min_length=1, max_length=2000)
    name: str | None = Field(None, max_length=400)
    delivery: str | None = Field(None, max_length=20, description=DELIVERY_HELP)


def _out(watch, unread: int | None = None) -> dict:
    if unread is None:
        unread = next((w.unread for w in queries.watches_of(watch.owner) if w.id == watch.id),
                      0)
    return {"id": str(watch.id), "name": watch.name, "query": watch.query,
            "delivery": watch.delivery, "unread": unread, "created_at": watch.created_at}


@router.get("/watches", response={200: WatchList, **ERRORS}, summary="My watches")
def list_watches(request):
    return {"items": [_out(w, w.unread) for w in queries.watches_of(request.auth)]}


@router.post("/watches", response={201: WatchOut, **ERRORS}, summary="Save a search as a watch")
def create_watch(request, payload: WatchIn):
    watch = actions.do_create_watch(request.auth, payload.query, name=payload.name,
                                    delivery=payload.delivery)
    return Status(201, _out(watch, 0))


@router.get("/watches/{watch_id}", response={200: WatchOut, **ERRORS}, summary="One watch")
def get_watch(request, watch_id: int):
    return _out(actions.access_watch(request.auth, watch_id))


@router.patch("/watches/{watch_id}", response={200: WatchOut, **ERRORS},
              summary="Change a watch's query, name or delivery")
def update_watch(request, watch_id: int, payload: WatchPatch):
    watch = actions.do_update_watch(request.auth, watch_id, query=payload.query,
                                    name=payload.name, delivery=payload.delivery)
    return _out(watch)


@router.delete("/watches/{watch_id}", response={204: None, **ERRORS}, summary="Delete a watch")
def delete_watch(request, watch_id: int):
    actions.do_delete_watch(request.auth, watch_id)
    return Status(204, None)


@router.get("/watches/{watch_id}/posts", response={200: PageOut, **ERRORS},
            summary="The posts a watch gathered, newest first")
def watch_posts(request, watch_id: int):
    watch = actions.access_watch(request.auth, watch_id)
    page = queries.timeline(request.auth, watch, Cursor.parse(request.GET, default=20,
                                                              maximum=40))
    return ser.page(request.auth, page, request)


@router.post("/watches/{watch_id}/seen", response={200: WatchOut, **ERRORS},
             summary="Mark what a watch gathered as seen")
def mark_seen(request, watch_id: int):
    watch = actions.access_watch(request.auth, watch_id)
    actions.do_mark_seen(request.auth, watch)
    return _out(watch, 0)
