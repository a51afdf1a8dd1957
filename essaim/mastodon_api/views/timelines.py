"""Timelines: home, public (the company flow), hashtag, list, favourites and bookmarks."""

from __future__ import annotations

from essaim import visibility as policy
from essaim.graph.actions import access_list
from essaim.timelines import queries as timelines

from .. import community_lists
from ..http import api, json_response
from ..pagination import cursor, page_response
from ..serializers.statuses import statuses


def _respond(request, page):
    return page_response(request, page, statuses(request.viewer, page.posts, request))


@api("read:statuses")
def home(request):
    return _respond(request, timelines.home(request.viewer, cursor(request)))


@api("read:statuses", auth="optional")
def public(request):
    """The company flow: original public and company posts, for employees."""
    policy.access_company_flow(request.viewer)
    if request.params.bool("remote"):  # Essaim does not federate
        return json_response([])
    return _respond(request, timelines.company(request.viewer, cursor(request)))


@api("read:statuses", auth="optional")
def hashtag(request, name):
    policy.access_hashtag_timeline(request.viewer)
    if request.params.bool("remote"):
        return json_response([])
    return _respond(request, timelines.hashtag(request.viewer, name.lstrip("#"),
                                               cursor(request)))


@api("read:lists")
def account_list(request, list_id):
    if community_lists.is_community_list(list_id):
        from essaim.communities.queries import timeline as community_timeline

        community = community_lists.access(request.viewer, list_id)
        page_cursor = cursor(request)
        posts = community_timeline(request.viewer, community, page_cursor)
        full = len(posts) >= page_cursor.limit
        return _respond(request, timelines.Page(posts, posts[-1].id if full and posts else None,
                                                posts[0].id if posts else None))
    lst = access_list(request.viewer, list_id)
    return _respond(request, timelines.account_list(request.viewer, lst, cursor(request)))


@api("read:favourites")
def favourites(request):
    return _respond(request, timelines.likes(request.viewer, cursor(request)))


@api("read:bookmarks")
def bookmarks(request):
    return _respond(request, timelines.bookmarks(request.viewer, cursor(request)))
