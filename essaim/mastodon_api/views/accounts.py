"""Accounts: the signed-in person, profiles, relationships, follows, blocks and mutes."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.accounts.actions import do_set_avatar, do_update_profile
from essaim.core.errors import NotFound, ValidationFailed
from essaim.graph import actions as graph
from essaim.graph import queries as graph_queries
from essaim.timelines import queries as timelines

from ..http import Forbidden, api, json_response
from ..pagination import ACCOUNTS_LIMIT, cursor, page_response
from ..serializers.accounts import account as account_entity
from ..serializers.accounts import accounts as account_entities
from ..serializers.accounts import credential_account, relationships
from ..serializers.misc import account_list
from ..serializers.statuses import statuses
from .common import accounts_page, any_account, id_list, visible_account


@api("read:accounts")
def verify_credentials(request):
    return json_response(credential_account(request.viewer, request))


@api("write:accounts")
def update_credentials(request):
    p, user = request.params, request.viewer
    do_update_profile(user, display_name=p.str("display_name"), bio=p.str("note"))
    avatar = p.file("avatar")
    if avatar is not None:
        do_set_avatar(user, avatar)
    user.refresh_from_db()
    return json_response(credential_account(user, request))


@api(auth="optional")
def register(request):
    raise Forbidden(_("Accounts are created by your administrator."))


@api("read:accounts", auth="optional")
def get_account(request, account_id):
    return json_response(account_entity(request.viewer, visible_account(request.viewer,
                                                                        account_id), request))


@api("read:accounts", auth="optional")
def get_accounts(request):
    User = get_user_model()
    ids = id_list(request.params.getlist("id"))[:ACCOUNTS_LIMIT]
    found = {u.id: u for u in policy.visible_accounts(request.viewer,
                                                      User.objects.filter(id__in=ids))}
    return json_response(account_entities(request.viewer, [found[i] for i in ids if i in found],
                                          request))


@api("read:accounts", auth="optional")
def lookup(request):
    acct = (request.params.str("acct") or "").strip().lstrip("@")
    username, _sep, domain = acct.partition("@")
    if domain and domain.lower() != request.get_host().lower():
        raise NotFound(_("Record not found"))
    try:
        account = policy.access_account(request.viewer, username)
    except NotFound as exc:
        raise NotFound(_("Record not found")) from exc
    return json_response(account_entity(request.viewer, account, request))


def search_accounts(viewer, query: str, *, following: bool = False, offset: int = 0,
                    limit: int = 40) -> list:
    """Visible accounts matching a name, username, job title, department, skills or bio
    (the search engine; the last word is a prefix), best first."""
    from essaim.search import queries as search_queries

    query = query.strip().lstrip("@").split("@")[0]
    if not query:
        return []
    restrict = None
    if following and viewer is not None and viewer.is_authenticated:
        restrict = Q(id__in=graph_queries.following_ids(viewer))
    try:
        return search_queries.search(viewer, query, "people", offset=offset, limit=limit,
                                     restrict=restrict).items
    except ValidationFailed:  # apps complete names from one letter: nothing to find yet
        return []


@api("read:accounts")
def search(request):
    p = request.params
    limit = max(1, min(p.int("limit", 40) or 40, ACCOUNTS_LIMIT))
    offset = max(0, p.int("offset", 0) or 0)
    found = search_accounts(request.viewer, p.str("q", ""), following=p.bool("following"),
                            offset=offset, limit=limit)
    return json_response(account_entities(request.viewer, found, request))


@api("read:follows")
def get_relationships(request):
    User = get_user_model()
    ids = id_list(request.params.getlist("id"))[:ACCOUNTS_LIMIT]
    found = {u.id: u for u in policy.visible_accounts(request.viewer,
                                                      User.objects.filter(id__in=ids))}
    return json_response(relationships(request.viewer, [found[i] for i in ids if i in found]))


def _relationship(request, account):
    return json_response(relationships(request.viewer, [account])[0])


@api("write:follows")
def follow(request, account_id):
    account = any_account(account_id)
    graph.do_follow(request.viewer, account)
    return _relationship(request, account)


@api("write:follows")
def unfollow(request, account_id):
    account = any_account(account_id)
    graph.do_unfollow(request.viewer, account)
    return _relationship(request, account)


@api("write:blocks")
def block(request, account_id):
    account = any_account(account_id)
    graph.do_block(request.viewer, account)
    return _relationship(request, account)


@api("write:blocks")
def unblock(request, account_id):
    account = any_account(account_id)
    graph.do_unblock(request.viewer, account)
    return _relationship(request, account)


@api("write:mutes")
def mute(request, account_id):
    account = any_account(account_id)
    graph.do_mute(request.viewer, account)
    return _relationship(request, account)


@api("write:mutes")
def unmute(request, account_id):
    account = any_account(account_id)
    graph.do_unmute(request.viewer, account)
    return _relationship(request, account)


@api("read:accounts")
def followers(request, account_id):
    account = visible_account(request.viewer, account_id)
    return accounts_page(request, graph_queries.follower_rows(account), "follower")


@api("read:accounts")
def following(request, account_id):
    account = visible_account(request.viewer, account_id)
    return accounts_page(request, graph_queries.following_rows(account), "followee")


@api("read:blocks")
def blocks(request):
    return accounts_page(request, graph_queries.block_rows(request.viewer), "blocked")


@api("read:mutes")
def mutes(request):
    return accounts_page(request, graph_queries.mute_rows(request.viewer), "muted")


@api("read:lists")
def lists_with_account(request, account_id):
    account = visible_account(request.viewer, account_id)
    rows = graph_queries.lists_containing(request.viewer, account)
    return json_response([account_list(lst) for lst in rows])


@api("read:statuses", auth="optional")
def account_statuses(request, account_id):
    viewer, p = request.viewer, request.params
    request.filter_context = "account"
    account = visible_account(viewer, account_id)
    if p.bool("pinned"):
        posts = timelines.pinned_posts(viewer, account)
        return json_response(statuses(viewer, posts, request))
    page_cursor = cursor(request)
    if p.bool("only_media"):
        page = timelines.profile_media(viewer, account, page_cursor)
    else:
        page = timelines.profile(viewer, account, page_cursor,
                                 exclude_replies=p.bool("exclude_replies"),
                                 exclude_relays=p.bool("exclude_reblogs"))
    return page_response(request, page, statuses(viewer, page.posts, request))


def check_account_ids(values) -> list:
    ids = id_list(values)
    if not values:
        raise ValidationFailed(_("Give the accounts (account_ids[])."), field="account_ids")
    if len(ids) < len(values):
        raise NotFound(_("Record not found"))
    User = get_user_model()
    found = list(User.objects.filter(id__in=ids))
    if len(found) != len(set(ids)):
        raise NotFound(_("Record not found"))
    return found
