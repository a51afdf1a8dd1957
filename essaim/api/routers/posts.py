from __future__ import annotations

from django.utils.translation import gettext as _
from ninja import Router
from ninja.responses import Status

from essaim import visibility as policy
from essaim.core.errors import NotFound
from essaim.graph.actions import find_account
from essaim.posts import actions

from .. import serializers as ser
from ..schemas import ErrorOut, PostEditIn, PostIn, PostOut

router = Router(tags=["posts"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}


def _one(request, post) -> dict:
    return ser.posts(request.auth, [post], request)[0]


@router.post("", response={201: PostOut, **ERRORS}, summary="Publish a post, reply or quote")
def create_post(request, payload: PostIn):
    viewer = request.auth
    author = None
    if payload.as_account:
        author = find_account(payload.as_account)
        if author is None:
            raise NotFound(_("Unknown account."))
    post = actions.do_create_post(
        viewer, payload.text, visibility=payload.visibility, reply_policy=payload.reply_policy,
        in_reply_to=payload.in_reply_to_id, quote_of=payload.quote_of_id, author=author,
        language=payload.language)
    return Status(201, _one(request, post))


@router.get("/{post_id}", response={200: PostOut, **ERRORS})
def get_post(request, post_id: int):
    return _one(request, policy.access_post(request.auth, post_id))


@router.patch("/{post_id}", response={200: PostOut, **ERRORS}, summary="Edit text or reply policy")
def edit_post(request, post_id: int, payload: PostEditIn):
    post = policy.access_post(request.auth, post_id)
    if payload.text is not None:
        post = actions.do_edit_post(request.auth, post_id, payload.text)
    if payload.reply_policy is not None:
        post = actions.do_set_reply_policy(request.auth, post_id, payload.reply_policy)
    return _one(request, post)


@router.delete("/{post_id}", response={204: None, **ERRORS})
def delete_post(request, post_id: int):
    actions.do_delete_post(request.auth, post_id)
    return Status(204, None)


def _toggle(name: str, do, undo):
    @router.post(f"/{{post_id}}/{name}", response={200: PostOut, **ERRORS},
                 operation_id=f"{name}_post", summary=f"{name.capitalize()} a post")
    def on(request, post_id: int):
        do(request.auth, post_id)
        return _one(request, policy.access_post(request.auth, post_id))

    @router.delete(f"/{{post_id}}/{name}", response={200: PostOut, **ERRORS},
                   operation_id=f"un{name}_post", summary=f"Undo {name}")
    def off(request, post_id: int):
        undo(request.auth, post_id)
        return _one(request, policy.access_post(request.auth, post_id))


_toggle("like", actions.do_like, actions.do_unlike)
_toggle("bookmark", actions.do_bookmark, actions.do_unbookmark)
_toggle("pin", actions.do_pin, actions.do_unpin)


@router.post("/{post_id}/relay", response={200: PostOut, **ERRORS}, summary="Relay a post")
def relay(request, post_id: int):
    return _one(request, actions.do_relay(request.auth, post_id))


@router.delete("/{post_id}/relay", response={200: PostOut, **ERRORS}, summary="Undo a relay")
def unrelay(request, post_id: int):
    actions.do_unrelay(request.auth, post_id)
    return _one(request, policy.access_post(request.auth, post_id))
