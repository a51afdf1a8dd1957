"""Mastodon streams over the real-time broker: which channels a stream listens to, and how
each broker message becomes a Mastodon event for one viewer.

Broker messages carry IDs only. Before anything is sent, the content is loaded again through
the visibility policy and the timeline queries for the stream's own viewer: a stream never
shows what the same person could not read in the corresponding timeline.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import EssaimError, NotFound, ValidationFailed
from essaim.core.pagination import Cursor
from essaim.graph.actions import access_list
from essaim.oauth.scopes import has_scope
from essaim.posts.models import Post
from essaim.posts.queries import POST_RELATED
from essaim.realtime import channels
from essaim.timelines import queries as timelines

from .http import Forbidden, Unauthorized
from .serializers.misc import conversation
from .serializers.misc import notifications as notification_entities
from .serializers.statuses import statuses

PUBLIC_STREAMS = {"public", "public:local", "public:media", "public:local:media"}
REMOTE_STREAMS = {"public:remote", "public:remote:media", "hashtag:remote"}
USER_STREAMS = {"user", "user:notification", "direct"}
HASHTAG_STREAMS = {"hashtag", "hashtag:local"}
ALL_STREAMS = PUBLIC_STREAMS | REMOTE_STREAMS | USER_STREAMS | HASHTAG_STREAMS | {"list"}
SSE_PATHS = {  # /api/v1/streaming/<path> -> stream name
    "user": "user", "user/notification": "user:notification", "public": "public",
    "public/local": "public:local", "public/remote": "public:remote",
    "public/media": "public:media", "public/local/media": "public:local:media",
    "public/remote/media": "public:remote:media", "hashtag": "hashtag",
    "hashtag/local": "hashtag:local", "list": "list", "direct": "direct",
}


@dataclass
class Stream:
    name: str
    viewer: object | None
    channels: list[str]
    tag: str | None = None
    account_list: object | None = None
    events: set[str] = field(default_factory=lambda: {"update", "status.update", "delete"})

    @property
    def label(self) -> list[str]:
        """How the WebSocket names this stream in each message."""
        if self.tag is not None:
            return [self.name, self.tag]
        if self.account_list is not None:
            return [self.name, str(self.account_list.id)]
        return [self.name]

    @property
    def key(self) -> tuple:
        return tuple(self.label)


def open_stream(token, viewer, name: str, params) -> Stream:
    """Check a subscription request; raises EssaimError (401, 403, 404, 422) when refused."""
    if name not in ALL_STREAMS:
        raise NotFound(_("Unknown stream type"))
    needed = "read:notifications" if name == "user:notification" else "read:statuses"
    if name == "list":
        needed = "read:lists"
    if token is not None and not has_scope(token.scope_set(), needed):
        raise Forbidden(_("This action is outside the authorized scopes"))
    if name in USER_STREAMS | {"list"} and viewer is None:
        raise Unauthorized(_("Missing access token"))
    if name in REMOTE_STREAMS:
        return Stream(name, viewer, [])  # Essaim does not federate: nothing ever arrives
    if name in PUBLIC_STREAMS:
        policy.access_company_flow(viewer)
        return Stream(name, viewer, [channels.public()])
    if name in HASHTAG_STREAMS:
        policy.access_hashtag_timeline(viewer)
        tag = (params.get("tag") or "").strip().lstrip("#")
        if not tag:
            raise ValidationFailed(_("No tag for stream provided"))
        return Stream(name, viewer, [channels.hashtag(tag)], tag=tag.lower())
    if name == "list":
        lst = access_list(viewer, params.get("list"))
        return Stream(name, viewer, [channels.account_list(lst.id)], account_list=lst)
    if name == "direct":
        return Stream(name, viewer, [channels.direct(viewer.id)],
                      events={"update", "status.update", "delete"})
    if name == "user:notification":
        return Stream(name, viewer, [channels.user(viewer.id)], events={"notification"})
    return Stream(name, viewer, [channels.user(viewer.id)],
                  events={"update", "status.update", "delete", "notification"})


class StreamRequest(HttpRequest):
    """Enough of a request for the serializers' absolute URLs, outside an HTTP request."""

    def __init__(self, host: str, secure: bool):
        super().__init__()
        self.META = {"HTTP_HOST": host, "SERVER_NAME": host.split(":")[0],
                     "SERVER_PORT": host.rsplit(":", 1)[-1] if ":" in host else "80"}
        self._secure = secure

    def _get_scheme(self) -> str:
        return "https" if self._secure else "http"


def _belongs(stream: Stream, post_id: int) -> Post | None:
    """The post when it is in the stream's timeline for its viewer (through the queries)."""
    viewer, probe = stream.viewer, Cursor(max_id=post_id + 1, limit=1)
    if stream.name in PUBLIC_STREAMS:
        page = timelines.company(viewer, probe)
    elif stream.tag is not None:
        page = timelines.hashtag(viewer, stream.tag, probe)
    elif stream.account_list is not None:
        page = timelines.account_list(viewer, stream.account_list, probe)
    else:
        return policy.visible_posts(viewer, Post.objects.filter(id=post_id), hide_muted=True)\
            .select_related(*POST_RELATED).first()
    post = page.posts[0] if page.posts and page.posts[0].id == post_id else None
    if post is not None and stream.name.endswith(":media") and \
            not post.media_attachments.exists():
        return None
    return post


def render(stream: Stream, channel: str, message: dict, request) -> tuple[str, str] | None:
    """(event, payload) for one broker message on one stream, or None to send nothing."""
    event = message.get("event")
    if event not in stream.events or channel not in stream.channels:
        return None
    viewer = stream.viewer
    try:
        if event == "delete":
            personal = stream.name in USER_STREAMS or stream.name == "list"
            if personal or policy.may_learn_of_deletion(viewer, message.get("visibility")):
                return "delete", str(message["id"])
            return None
        if event == "notification":
            from essaim.notifications.queries import notifications_for

            row = notifications_for(viewer).filter(id=int(message["id"])).first()
            if row is None:
                return None
            return event, json.dumps(notification_entities(viewer, [row], request)[0])
        post = _belongs(stream, int(message["id"]))
        if post is None:
            return None
        if stream.name == "direct":
            return "conversation", json.dumps(conversation(viewer, post, request))
        return event, json.dumps(statuses(viewer, [post], request)[0])
    except (EssaimError, KeyError, ValueError):
        return None


def sse_frame(event: str, payload: str) -> str:
    return f"event: {event}\ndata: {payload}\n\n"


def websocket_frame(stream: Stream, event: str, payload: str) -> str:
    return json.dumps({"stream": stream.label, "event": event, "payload": payload})
