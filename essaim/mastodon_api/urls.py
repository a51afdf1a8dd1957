"""Routes of the Mastodon client API. Every path works with or without a trailing slash."""

from __future__ import annotations

from django.urls import re_path

from .http import route
from .views import (
    accounts,
    instance,
    lists,
    media,
    notifications,
    oauth,
    reports,
    search,
    statuses,
    timelines,
    trends,
)
from .views import streaming as sse

app_name = "mastodon_api"

ID = r"(?P<{}>[^/]+)"
ACCOUNT, STATUS, LIST, NOTIF = ID.format("account_id"), ID.format("status_id"), \
    ID.format("list_id"), ID.format("notification_id")

urlpatterns = [
    # Discovery and OAuth
    route(r"api/v1/instance", GET=instance.instance_v1),
    route(r"api/v2/instance", GET=instance.instance_v2),
    route(r"api/v1/instance/rules", GET=reports.rules),
    route(r"api/v1/reports", POST=reports.create),
    route(r"api/v1/instance/peers", GET=instance.empty_list),
    route(r"api/v1/instance/activity", GET=instance.empty_list),
    route(r"api/v1/instance/extended_description", GET=instance.extended_description),
    route(r"\.well-known/nodeinfo", GET=instance.nodeinfo_links),
    route(r"nodeinfo/2\.0", name="nodeinfo", GET=instance.nodeinfo),
    route(r"\.well-known/oauth-authorization-server", GET=instance.oauth_server),
    route(r"api/v1/apps", POST=oauth.create_app),
    route(r"api/v1/apps/verify_credentials", GET=oauth.verify_app),
    re_path(r"^oauth/authorize/?$", oauth.authorize, name="authorize"),
    route(r"oauth/token", POST=oauth.token),
    route(r"oauth/revoke", POST=oauth.revoke),
    # Accounts
    route(r"api/v1/accounts", POST=accounts.register, GET=accounts.get_accounts),
    route(r"api/v1/accounts/verify_credentials", GET=accounts.verify_credentials),
    route(r"api/v1/accounts/update_credentials", PATCH=accounts.update_credentials,
          PUT=accounts.update_credentials),
    route(r"api/v1/accounts/lookup", GET=accounts.lookup),
    route(r"api/v1/accounts/search", GET=accounts.search),
    route(r"api/v1/accounts/relationships", GET=accounts.get_relationships),
    route(r"api/v1/accounts/familiar_followers", GET=instance.empty_list),
    route(rf"api/v1/accounts/{ACCOUNT}", GET=accounts.get_account),
    route(rf"api/v1/accounts/{ACCOUNT}/statuses", GET=accounts.account_statuses),
    route(rf"api/v1/accounts/{ACCOUNT}/followers", GET=accounts.followers),
    route(rf"api/v1/accounts/{ACCOUNT}/following", GET=accounts.following),
    route(rf"api/v1/accounts/{ACCOUNT}/lists", GET=accounts.lists_with_account),
    route(rf"api/v1/accounts/{ACCOUNT}/featured_tags", GET=instance.empty_list),
    route(rf"api/v1/accounts/{ACCOUNT}/identity_proofs", GET=instance.empty_list),
    route(rf"api/v1/accounts/{ACCOUNT}/follow", POST=accounts.follow),
    route(rf"api/v1/accounts/{ACCOUNT}/unfollow", POST=accounts.unfollow),
    route(rf"api/v1/accounts/{ACCOUNT}/block", POST=accounts.block),
    route(rf"api/v1/accounts/{ACCOUNT}/unblock", POST=accounts.unblock),
    route(rf"api/v1/accounts/{ACCOUNT}/mute", POST=accounts.mute),
    route(rf"api/v1/accounts/{ACCOUNT}/unmute", POST=accounts.unmute),
    route(r"api/v1/blocks", GET=accounts.blocks),
    route(r"api/v1/mutes", GET=accounts.mutes),
    # Statuses
    route(r"api/v1/statuses", POST=statuses.create, GET=statuses.get_many),
    route(rf"api/v1/statuses/{STATUS}", GET=statuses.get, DELETE=statuses.delete,
          PUT=statuses.edit),
    route(rf"api/v1/statuses/{STATUS}/context", GET=statuses.context),
    route(rf"api/v1/statuses/{STATUS}/history", GET=statuses.history),
    route(rf"api/v1/statuses/{STATUS}/source", GET=statuses.source),
    route(rf"api/v1/statuses/{STATUS}/favourited_by", GET=statuses.favourited_by),
    route(rf"api/v1/statuses/{STATUS}/reblogged_by", GET=statuses.reblogged_by),
    route(rf"api/v1/statuses/{STATUS}/favourite", POST=statuses.favourite),
    route(rf"api/v1/statuses/{STATUS}/unfavourite", POST=statuses.unfavourite),
    route(rf"api/v1/statuses/{STATUS}/reblog", POST=statuses.reblog),
    route(rf"api/v1/statuses/{STATUS}/unreblog", POST=statuses.unreblog),
    route(rf"api/v1/statuses/{STATUS}/bookmark", POST=statuses.bookmark),
    route(rf"api/v1/statuses/{STATUS}/unbookmark", POST=statuses.unbookmark),
    route(rf"api/v1/statuses/{STATUS}/pin", POST=statuses.pin),
    route(rf"api/v1/statuses/{STATUS}/unpin", POST=statuses.unpin),
    # Timelines
    route(r"api/v1/timelines/home", GET=timelines.home),
    route(r"api/v1/timelines/public", GET=timelines.public),
    route(r"api/v1/timelines/tag/(?P<name>[^/]+)", GET=timelines.hashtag),
    route(rf"api/v1/timelines/list/{LIST}", GET=timelines.account_list),
    route(r"api/v1/favourites", GET=timelines.favourites),
    route(r"api/v1/bookmarks", GET=timelines.bookmarks),
    # Notifications and markers
    route(r"api/v1/notifications", GET=notifications.index),
    route(r"api/v1/notifications/clear", POST=notifications.clear),
    route(r"api/v1/notifications/dismiss", POST=notifications.dismiss),
    route(r"api/v1/notifications/unread_count", GET=notifications.unread_count),
    route(r"api/v1/notifications/policy", GET=instance.notification_policy),
    route(r"api/v2/notifications/policy", GET=instance.notification_policy),
    route(rf"api/v1/notifications/{NOTIF}", GET=notifications.get),
    route(rf"api/v1/notifications/{NOTIF}/dismiss", POST=notifications.dismiss),
    route(r"api/v1/markers", GET=notifications.markers, POST=notifications.save_markers),
    # Search, lists, hashtags
    route(r"api/v2/search", GET=search.search),
    route(r"api/v1/lists", GET=lists.index, POST=lists.create),
    route(rf"api/v1/lists/{LIST}", GET=lists.get, PUT=lists.update, DELETE=lists.delete),
    route(rf"api/v1/lists/{LIST}/accounts", GET=lists.members, POST=lists.add_members,
          DELETE=lists.remove_members),
    route(r"api/v1/followed_tags", GET=lists.followed_tags),
    route(r"api/v1/tags/(?P<name>[^/]+)", GET=lists.get_tag),
    route(r"api/v1/tags/(?P<name>[^/]+)/follow", POST=lists.follow_tag),
    route(r"api/v1/tags/(?P<name>[^/]+)/unfollow", POST=lists.unfollow_tag),
    # Media and polls
    route(r"api/v2/media", POST=media.upload),
    route(r"api/v1/media", POST=media.upload),
    route(r"api/v1/media/(?P<media_id>[^/]+)", GET=media.get, PUT=media.update),
    route(r"api/v1/polls/(?P<poll_id>[^/]+)", GET=media.get_poll),
    route(r"api/v1/polls/(?P<poll_id>[^/]+)/votes", POST=media.vote),
    # What apps ask for at start-up: features Essaim does not have answer empty
    route(r"api/v1/preferences", GET=instance.preferences),
    route(r"api/v1/custom_emojis", GET=instance.empty_list),
    route(r"api/v1/filters", GET=instance.empty_list),
    route(r"api/v2/filters", GET=instance.empty_list),
    route(r"api/v1/announcements", GET=instance.empty_list),
    route(r"api/v1/conversations", GET=instance.empty_list),
    route(r"api/v1/trends", GET=trends.tags),
    route(r"api/v1/trends/tags", GET=trends.tags),
    route(r"api/v1/trends/statuses", GET=trends.trending_statuses),
    route(r"api/v1/trends/links", GET=trends.links),
    route(r"api/v1/suggestions", GET=instance.empty_list),
    route(r"api/v2/suggestions", GET=instance.empty_list),
    route(r"api/v1/follow_requests", GET=instance.empty_list),
    route(r"api/v1/scheduled_statuses", GET=instance.empty_list),
    route(r"api/v1/featured_tags", GET=instance.empty_list),
    route(r"api/v1/endorsements", GET=instance.empty_list),
    route(r"api/v1/domain_blocks", GET=instance.empty_list),
    route(r"api/v1/push/subscription", GET=instance.not_found),
    # Streaming (Server-Sent Events; the WebSocket is served in front of Django)
    re_path(r"^api/v1/streaming/health/?$", sse.health),
    re_path(r"^api/v1/streaming/?$", sse.sse),
    re_path(r"^api/v1/streaming/(?P<path>[a-z/]+?)/?$", sse.sse),
    # Anything else under the Mastodon API prefixes: a JSON 404, never the web UI's page
    re_path(r"^api/v[0-9]+/", instance.unknown_endpoint),
]
