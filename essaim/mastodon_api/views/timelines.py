"""Timelines: home, public (the company flow), hashtag, list, favourites and bookmarks."""

from __future__ import annotations

from essaim import visibility as policy
from essaim.graph.actions import access_list
from essaim.timelines import queries as timelines

from .. import read_only_lists
from ..http import api, json_response
from ..pagination import cursor, page_response
from ..serializers.statuses import statuses


def _respond(request, page):
    return page_response(request, page, statuses(request.viewer, page.posts, request))


@api("read:statuses")
def home(request):
    request.filter_context = "home"
    return _respond(request, timelines.home(request.viewer, cursor(request)))


@api("read:statuses", auth="optional")
def public(request):
    """The company flow: original public and company posts, for employees."""
    policy.access_company_flow(request.viewer)
    request.filter_context = "public"
    if request.params.bool("remote"):  # Essaim does not federate
        return json_response([])
    return _respond(request, timelines.company(request.viewer, cursor(request)))


@api("read:statuses", auth="optional")
def hashtag(request, name):
    policy.access_hashtag_timeline(request.viewer)
    request.filter_context = "public"
    if request.params.bool("remote"):
        return json_response([])
    return _respond(request, timelines.hashtag(request.viewer, name.lstrip("#"),
                                               cursor(request)))


@api("read:lists")
def account_list(request, list_id):
    request.filter_context = "home"
    if read_only_lists.is_read_only(list_id):
        return _respond(request, read_only_lists.timeline(request.viewer, list_id,
                                                          cursor(request)))
    lst = access_list(request.viewer, list_id)
    return _respond(request, timelines.account_list(request.viewer, lst, cursor(request)))


@api("read:favourites")
def favourites(request):
    return _respond(request, timelines.likes(request.viewer, cursor(request)))


@api("read:bookmarks")
def bookmarks(request):
    return _respond(request, timelines.bookmarks(request.viewer, cursor(request)))
