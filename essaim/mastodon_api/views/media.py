"""Media attachments (images) and polls."""

from __future__ import annotations

from essaim.media import actions as media
from essaim.polls import actions as polls
from essaim.polls.queries import polls_by_post

from ..http import api, json_response
from ..serializers.statuses import media_entity, poll_entity


@api("write:media")
def upload(request):
    p = request.params
    item = media.do_upload_media(request.viewer, p.file("file"),
                                 description=p.str("description", "") or "",
                                 focus=p.str("focus"))
    return json_response(media_entity(item, request))


@api("read:statuses")
def get(request, media_id):
    return json_response(media_entity(media.access_media(request.viewer, media_id), request))


@api("write:media")
def update(request, media_id):
    p = request.params
    item = media.do_update_media(request.viewer, media_id, description=p.str("description"),
                                 focus=p.str("focus"))
    return json_response(media_entity(item, request))


def _poll(viewer, poll):
    return poll_entity(polls_by_post(viewer, [poll.post_id])[poll.post_id])


@api("read:statuses", auth="optional")
def get_poll(request, poll_id):
    return json_response(_poll(request.viewer, polls.access_poll(request.viewer, poll_id)))


@api("write:statuses")
def vote(request, poll_id):
    poll = polls.do_vote(request.viewer, poll_id, request.params.getlist("choices"))
    return json_response(_poll(request.viewer, poll))
