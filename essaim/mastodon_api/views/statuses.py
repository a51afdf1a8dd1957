"""Statuses: publish, read, edit, delete, and the interactions on one status."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import ValidationFailed
from essaim.posts import actions as posts
from essaim.posts import queries as post_queries
from essaim.posts.models import Post
from essaim.posts.queries import POST_RELATED
from essaim.timelines import queries as timelines

from ..http import api, json_response
from ..pagination import STATUSES_LIMIT
from ..serializers.accounts import account as account_entity
from ..serializers.common import FROM_MASTODON, absolute_html, iso
from ..serializers.statuses import status as status_entity
from ..serializers.statuses import statuses
from .common import accounts_page, as_id, id_list

IDEMPOTENCY_SECONDS = 3600


def _visibility(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if value not in FROM_MASTODON:
        raise ValidationFailed(_("Unknown visibility: %(value)s.") % {"value": value},
                               field="visibility")
    return FROM_MASTODON[value]


def _idempotency_key(request) -> str | None:
    key = request.headers.get("Idempotency-Key")
    if not key:
        return None
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"mastodon:idempotency:{request.viewer.id}:{digest}"


def _poll_fields(p) -> dict | None:
    poll = p.dict("poll")
    options = poll.getlist("options")
    if not options:
        return None
    return {"options": options, "expires_in": poll.get("expires_in"),
            "multiple": poll.bool("multiple"), "hide_totals": poll.bool("hide_totals")}


def _one(request, post) -> dict:
    return status_entity(request.viewer, post, request)


def _visible(request, status_id) -> Post:
    return policy.access_post(request.viewer, as_id(status_id))


@api("write:statuses")
def create(request):
    viewer, p = request.viewer, request.params
    cache_key = _idempotency_key(request)
    if cache_key and (earlier := cache.get(cache_key)):
        post = policy.visible_posts(viewer, Post.objects.filter(id=earlier)).first()
        if post is not None:
            return json_response(_one(request, post))
    in_reply_to = p.get("in_reply_to_id")
    quoted = p.get("quoted_status_id") or p.get("quote_id")
    fields = {"media_ids": [as_id(i) for i in p.getlist("media_ids")],
              "poll": _poll_fields(p), "visibility": _visibility(p.str("visibility")),
              "reply_policy": p.str("reply_policy"),
              "in_reply_to": as_id(in_reply_to) if in_reply_to else None,
              "quote_of": as_id(quoted) if quoted else None,
              "language": (p.str("language") or "")[:8], "sensitive": p.bool("sensitive"),
              "spoiler_text": p.str("spoiler_text", "") or ""}
    if p.get("scheduled_at"):
        from essaim.posts.actions.scheduled import do_schedule_post

        from .scheduled import scheduled_entity

        planned = do_schedule_post(viewer, p.str("scheduled_at"),
                                   text=p.str("status", "") or "", **fields)
        return json_response(scheduled_entity(planned, request))
    post = posts.do_create_post(viewer, p.str("status", "") or "", **fields)
    if cache_key:
        cache.set(cache_key, post.id, IDEMPOTENCY_SECONDS)
    return json_response(_one(request, post))


@api("read:statuses", auth="optional")
def get(request, status_id):
    return json_response(_one(request, _visible(request, status_id)))


@api("read:statuses", auth="optional")
def get_many(request):
    ids = id_list(request.params.getlist("id"))[:STATUSES_LIMIT]
    found = {p.id: p for p in policy.visible_posts(request.viewer, Post.objects.filter(
        id__in=ids)).select_related(*POST_RELATED)}
    return json_response(statuses(request.viewer, [found[i] for i in ids if i in found],
                                  request))


@api("write:statuses")
def delete(request, status_id):
    post = _visible(request, status_id)
    data = _one(request, post)
    data["text"] = post.text
    posts.do_delete_post(request.viewer, post.id)
    return json_response(data)


@api("write:statuses")
def edit(request, status_id):
    p = request.params
    post = _visible(request, status_id)
    text = p.str("status")
    post = posts.do_edit_post(request.viewer, post.id, post.text if text is None else text,
                              spoiler_text=p.str("spoiler_text"),
                              sensitive=p.bool_or_none("sensitive"))
    return json_response(_one(request, post))


@api("read:statuses", auth="optional")
def history(request, status_id):
    post = _visible(request, status_id)
    author = account_entity(request.viewer, post.author, request)
    versions = list(post.edits.all()) or [post]
    return json_response([{
        "content": absolute_html(request, v.html), "spoiler_text": v.spoiler_text,
        "sensitive": v.sensitive, "created_at": iso(v.created_at), "account": author,
        "poll": None, "media_attachments": [], "emojis": [],
    } for v in versions])


@api("read:statuses")
def source(request, status_id):
    post = _visible(request, status_id)
    return json_response({"id": str(post.id), "text": post.text,
                          "spoiler_text": post.spoiler_text})


@api("read:statuses", auth="optional")
def context(request, status_id):
    post = _visible(request, status_id)
    request.filter_context = "thread"
    ancestors, descendants = timelines.thread(request.viewer, post)
    return json_response({"ancestors": statuses(request.viewer, ancestors, request),
                          "descendants": statuses(request.viewer, descendants, request)})


def _interaction(scope: str, do):
    @api(scope)
    def view(request, status_id):
        post = _visible(request, status_id)
        result = do(request.viewer, post.id)
        target = result if isinstance(result, Post) else (post.relay_of or post)
        return json_response(_one(request, policy.access_post(request.viewer, target.id)))

    return view


favourite = _interaction("write:favourites", posts.do_like)
unfavourite = _interaction("write:favourites", posts.do_unlike)
reblog = _interaction("write:statuses", posts.do_relay)
unreblog = _interaction("write:statuses", posts.do_unrelay)
bookmark = _interaction("write:bookmarks", posts.do_bookmark)
unbookmark = _interaction("write:bookmarks", posts.do_unbookmark)
pin = _interaction("write:accounts", posts.do_pin)
unpin = _interaction("write:accounts", posts.do_unpin)


@api("read:accounts", auth="optional")
def favourited_by(request, status_id):
    post = _visible(request, status_id)
    original = post.relay_of if post.relay_of_id else post
    return accounts_page(request, post_queries.like_rows(original), "user")


@api("read:accounts", auth="optional")
def reblogged_by(request, status_id):
    post = _visible(request, status_id)
    original = post.relay_of if post.relay_of_id else post
    return accounts_page(request, post_queries.relays_of(request.viewer, original), "author")
