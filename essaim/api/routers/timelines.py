from __future__ import annotations

from ninja import Router

from essaim import visibility as policy
from essaim.core.pagination import Cursor
from essaim.graph.actions import access_list
from essaim.timelines import queries

from .. import serializers as ser
from ..schemas import ErrorOut, PageOut

router = Router(tags=["timelines"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


def _cursor(request) -> Cursor:
    return Cursor.parse(request.GET, default=20, maximum=40)


@router.get("/home", response={200: PageOut, **ERRORS})
def home(request):
    return ser.page(request.auth, queries.home(request.auth, _cursor(request)), request)


@router.get("/company", response={200: PageOut, **ERRORS})
def company(request, with_replies: bool = False):
    policy.access_company_flow(request.auth)
    page = queries.company(request.auth, _cursor(request), with_replies=with_replies)
    return ser.page(request.auth, page, request)


@router.get("/tags/{name}", response={200: PageOut, **ERRORS})
def hashtag(request, name: str):
    policy.access_hashtag_timeline(request.auth)
    return ser.page(request.auth, queries.hashtag(request.auth, name, _cursor(request)), request)


@router.get("/lists/{list_id}", response={200: PageOut, **ERRORS})
def account_list(request, list_id: int):
    account_list = access_list(request.auth, list_id)
    page = queries.account_list(request.auth, account_list, _cursor(request))
    return ser.page(request.auth, page, request)


@router.get("/bookmarks", response={200: PageOut, **ERRORS})
def bookmarks(request):
    return ser.page(request.auth, queries.bookmarks(request.auth, _cursor(request)), request)
