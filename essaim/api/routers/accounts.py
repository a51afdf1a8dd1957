from __future__ import annotations

from ninja import Router

from essaim import visibility as policy
from essaim.core.pagination import Cursor
from essaim.graph import actions as graph
from essaim.timelines import queries

from .. import serializers as ser
from ..schemas import AccountOut, ErrorOut, PageOut

router = Router(tags=["accounts"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


@router.get("/me", response={200: AccountOut, **ERRORS}, summary="The authenticated account")
def me(request):
    return ser.account(request.auth, request)


@router.get("/{username}", response={200: AccountOut, **ERRORS})
def get_account(request, username: str):
    return ser.account(policy.access_account(request.auth, username), request)


@router.get("/{username}/posts", response={200: PageOut, **ERRORS})
def account_posts(request, username: str, exclude_replies: bool = False,
                  exclude_relays: bool = False):
    account = policy.access_account(request.auth, username)
    page = queries.profile(request.auth, account, Cursor.parse(request.GET),
                           exclude_replies=exclude_replies, exclude_relays=exclude_relays)
    return ser.page(request.auth, page, request)


def _relation(verb: str, do, undo):
    @router.post(f"/{{username}}/{verb}", response={200: AccountOut, **ERRORS},
                 operation_id=f"{verb}_account", summary=f"{verb.capitalize()} an account")
    def on(request, username: str):
        account = policy.access_account(request.auth, username)
        do(request.auth, account)
        return ser.account(account, request)

    @router.delete(f"/{{username}}/{verb}", response={200: AccountOut, **ERRORS},
                   operation_id=f"un{verb}_account", summary=f"Undo {verb}")
    def off(request, username: str):
        account = policy.access_account(request.auth, username)
        undo(request.auth, account)
        return ser.account(account, request)


_relation("follow", graph.do_follow, graph.do_unfollow)
_relation("mute", graph.do_mute, graph.do_unmute)
_relation("block", graph.do_block, graph.do_unblock)
