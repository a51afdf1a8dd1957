"""Lists and followed hashtags."""

from __future__ import annotations

from essaim import visibility as policy
from essaim.graph import actions as graph
from essaim.graph import queries as graph_queries
from essaim.posts.models import Hashtag

from .. import read_only_lists
from ..http import api, json_response
from ..serializers.accounts import accounts as account_entities
from ..serializers.misc import account_list, tag
from .accounts import check_account_ids
from .common import accounts_page


@api("read:lists")
def index(request):
    own = [account_list(lst) for lst in graph_queries.lists_of(request.viewer)]
    return json_response(own + read_only_lists.entities(request.viewer))


@api("write:lists")
def create(request):
    lst = graph.do_create_list(request.viewer, request.params.str("title", ""))
    return json_response(account_list(lst))


@api("read:lists")
def get(request, list_id):
    if read_only_lists.is_read_only(list_id):
        return json_response(read_only_lists.entity(request.viewer, list_id))
    return json_response(account_list(graph.access_list(request.viewer, list_id)))


@api("write:lists")
def update(request, list_id):
    if read_only_lists.is_read_only(list_id):
        read_only_lists.refuse_change(list_id)
    lst = graph.access_list(request.viewer, list_id)
    title = request.params.str("title")
    if title is not None:
        lst = graph.do_rename_list(request.viewer, lst.id, title)
    return json_response(account_list(lst))


@api("write:lists")
def delete(request, list_id):
    if read_only_lists.is_read_only(list_id):
        read_only_lists.refuse_change(list_id)
    graph.do_delete_list(request.viewer, list_id)
    return json_response({})


@api("read:lists")
def members(request, list_id):
    if read_only_lists.is_read_only(list_id):
        people = read_only_lists.members(request.viewer, list_id)
        return json_response(account_entities(request.viewer, people, request))
    lst = graph.access_list(request.viewer, list_id)
    rows = graph_queries.list_member_rows(lst)
    if request.params.get("limit") in ("0", 0):  # Mastodon: limit=0 means all of them
        people = [row.account for row in rows.order_by("-id")]
        return json_response(account_entities(request.viewer, people, request))
    return accounts_page(request, rows, "account")


@api("write:lists")
def add_members(request, list_id):
    if read_only_lists.is_read_only(list_id):
        read_only_lists.refuse_change(list_id)
    accounts = check_account_ids(request.params.getlist("account_ids"))
    graph.do_add_to_list(request.viewer, list_id, accounts)
    return json_response({})


@api("write:lists")
def remove_members(request, list_id):
    if read_only_lists.is_read_only(list_id):
        read_only_lists.refuse_change(list_id)
    accounts = check_account_ids(request.params.getlist("account_ids"))
    graph.do_remove_from_list(request.viewer, list_id, accounts)
    return json_response({})


# --- Hashtags -----------------------------------------------------------------------------

def _followed_ids(viewer) -> set[int]:
    if viewer is None:
        return set()
    return set(graph_queries.followed_hashtag_ids(viewer).values_list("hashtag_id", flat=True))


def _tag(request, name: str):
    return policy.access_hashtag(request.viewer, graph.check_hashtag_name(name))


@api("read:follows")
def followed_tags(request):
    p = request.params
    limit = max(1, min(p.int("limit", 100) or 100, 200))
    rows = Hashtag.objects.filter(id__in=graph_queries.followed_hashtag_ids(request.viewer))
    return json_response([tag(request, t, following=True)
                          for t in rows.order_by("name")[:limit]])


@api("read:statuses", auth="optional")
def get_tag(request, name):
    found = _tag(request, name)
    return json_response(tag(request, found, following=found.id in _followed_ids(
        request.viewer)) if request.viewer else tag(request, found))


@api("write:follows")
def follow_tag(request, name):
    graph.do_follow_hashtag(request.viewer, name)
    return json_response(tag(request, _tag(request, name), following=True))


@api("write:follows")
def unfollow_tag(request, name):
    graph.do_unfollow_hashtag(request.viewer, name)
    return json_response(tag(request, _tag(request, name), following=False))
