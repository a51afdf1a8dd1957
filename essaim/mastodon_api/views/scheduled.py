"""Scheduled statuses (``/api/v1/scheduled_statuses``): one's own posts waiting to publish."""

from __future__ import annotations

from essaim.media.models import MediaAttachment
from essaim.posts.actions import scheduled as actions

from ..http import api, json_response
from ..serializers.common import TO_MASTODON, iso
from ..serializers.statuses import media_entity


def scheduled_entity(item, request) -> dict:
    params = item.params
    media = list(MediaAttachment.objects.filter(pk__in=params.get("media_ids", []),
                                                owner_id=item.user_id))
    return {
        "id": str(item.id), "scheduled_at": iso(item.scheduled_at),
        "params": {
            "text": params.get("text", ""), "poll": params.get("poll"),
            "media_ids": [str(i) for i in params.get("media_ids", [])] or None,
            "sensitive": params.get("sensitive", False),
            "spoiler_text": params.get("spoiler_text") or None,
            "visibility": TO_MASTODON.get(params.get("visibility"), "public"),
            "in_reply_to_id": str(params["in_reply_to"]) if params.get("in_reply_to")
            else None,
            "language": params.get("language") or None, "application_id": None,
            "scheduled_at": None, "idempotency": None, "with_rate_limit": False,
        },
        "media_attachments": [media_entity(m, request) for m in media],
    }


@api("read:statuses")
def index(request):
    limit = max(1, min(request.params.int("limit", 20) or 20, 40))
    rows = actions.pending_of(request.viewer)[:limit]
    return json_response([scheduled_entity(r, request) for r in rows])


@api("read:statuses")
def get(request, scheduled_id):
    return json_response(scheduled_entity(actions.access_scheduled(request.viewer,
                                                                   scheduled_id), request))


@api("write:statuses")
def update(request, scheduled_id):
    item = actions.do_reschedule(request.viewer, scheduled_id,
                                 request.params.str("scheduled_at"))
    return json_response(scheduled_entity(item, request))


@api("write:statuses")
def delete(request, scheduled_id):
    actions.do_cancel_scheduled(request.viewer, scheduled_id)
    return json_response({})
