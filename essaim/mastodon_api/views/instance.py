"""Discovery: instance information, nodeinfo, OAuth server metadata, and start-up calls."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from essaim.media import images
from essaim.polls import actions as polls
from essaim.posts.models import Post, Visibility

from ..http import CORS_HEADERS, api, json_response
from ..serializers.common import base_url, static_url

VERSION = "4.3.0+essaim"  # three numeric parts, the same in v1 and v2
API_VERSION = 2  # what Mastodon 4.3 announces in api_versions.mastodon
SOFTWARE_VERSION = "0.1.0"
MAX_MEDIA = 4


def _description() -> str:
    return str(_("Essaim, an enterprise social network."))


def _title() -> str:
    return getattr(settings, "ESSAIM_SITE_NAME", "") or "Essaim"


def _streaming_url(request) -> str:
    scheme = "wss" if request.is_secure() else "ws"
    return f"{scheme}://{request.get_host()}"


def _stats() -> dict:
    users = get_user_model().objects.filter(is_active=True).count()
    posts = Post.objects.filter(visibility=Visibility.PUBLIC, relay_of__isnull=True).count()
    return {"user_count": users, "status_count": posts, "domain_count": 0}


def _configuration() -> dict:
    return {
        "accounts": {"max_featured_tags": 0, "max_pinned_statuses": 5},
        "statuses": {"max_characters": settings.ESSAIM_POST_MAX_CHARS,
                     "max_media_attachments": MAX_MEDIA, "characters_reserved_per_url": 23},
        "media_attachments": {
            "supported_mime_types": images.MIME_TYPES, "image_size_limit": images.max_bytes(),
            "image_matrix_limit": images.MAX_SIDE * images.MAX_SIDE, "video_size_limit": 0,
            "video_frame_rate_limit": 0, "video_matrix_limit": 0, "description_limit": 1500,
        },
        "polls": {"max_options": polls.MAX_OPTIONS,
                  "max_characters_per_option": polls.MAX_OPTION_CHARS,
                  "min_expiration": polls.MIN_EXPIRATION,
                  "max_expiration": polls.MAX_EXPIRATION},
    }


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


@api(auth="optional")
def instance_v1(request):
    return json_response({
        "uri": request.get_host(), "title": _title(),
        "short_description": _description(), "description": _description(), "email": "",
        "version": VERSION, "urls": {"streaming_api": _streaming_url(request)},
        "stats": _stats(), "thumbnail": static_url(request, "mastodon_api/missing-header.png"),
        "languages": _languages(), "registrations": False, "approval_required": False,
        "invites_enabled": False, "configuration": _configuration(),
        "contact_account": None, "rules": [],
    })


@api(auth="optional")
def instance_v2(request):
    config = _configuration()
    config.update({
        "urls": {"streaming": _streaming_url(request), "status": None},
        "vapid": {"public_key": ""}, "translation": {"enabled": False},
        "limited_federation": True,
        "timelines_access": {
            "live_feeds": {"local": "authenticated", "remote": "disabled"},
            "hashtag_feeds": {"local": "authenticated", "remote": "disabled"},
            "trending_link_feeds": {"local": "disabled", "remote": "disabled"},
        },
    })
    users = _stats()["user_count"]
    return json_response({
        "domain": request.get_host(), "title": _title(), "version": VERSION,
        "source_url": "https://github.com/essaim/essaim",
        "description": _description(),
        "usage": {"users": {"active_month": users}},
        "thumbnail": {"url": static_url(request, "mastodon_api/missing-header.png")},
        "icon": [], "languages": _languages(), "configuration": config,
        "registrations": {"enabled": False, "approval_required": False, "message": None,
                          "url": None, "min_age": None, "reason_required": False},
        "api_versions": {"mastodon": API_VERSION},
        "contact": {"email": "", "account": None}, "rules": [],
    })


@api(auth="optional")
def empty_list(request, *args, **kwargs):
    return json_response([])


@api(auth="optional")
def empty_object(request, *args, **kwargs):
    return json_response({})


@api(auth="optional")
def not_found(request, *args, **kwargs):
    return json_response({"error": _("Record not found")}, status=404)


@csrf_exempt
def unknown_endpoint(request, *args, **kwargs):
    response = json_response({"error": _("Endpoint not found.")}, status=404)
    for key, value in CORS_HEADERS.items():
        response[key] = value
    return response


@api(auth="optional")
def extended_description(request):
    return json_response({"updated_at": None,
                          "content": f"<p>{_description()}</p>"})


@api("read:accounts")
def preferences(request):
    return json_response({
        "posting:default:visibility": "unlisted", "posting:default:sensitive": False,
        "posting:default:language": request.viewer.locale or get_language() or None,
        "posting:default:quote_policy": "public",
        "reading:expand:media": "default", "reading:expand:spoilers": False,
        "reading:autoplay:gifs": False,
    })


@api("read:notifications")
def notification_policy(request):
    return json_response({
        "for_not_following": "accept", "for_not_followers": "accept",
        "for_new_accounts": "accept", "for_private_mentions": "accept",
        "for_limited_accounts": "accept",
        "filter_not_following": False, "filter_not_followers": False,
        "filter_new_accounts": False, "filter_private_mentions": False,
        "summary": {"pending_requests_count": 0, "pending_notifications_count": 0},
    })


def nodeinfo_links(request):
    return json_response({"links": [{
        "rel": "http://nodeinfo.diaspora.software/ns/schema/2.0",
        "href": request.build_absolute_uri(reverse("mastodon_api:nodeinfo")),
    }]})


def nodeinfo(request):
    stats = _stats()
    return json_response({
        "version": "2.0",
        "software": {"name": "essaim", "version": SOFTWARE_VERSION},
        "protocols": [], "services": {"inbound": [], "outbound": []},
        "openRegistrations": False,
        "usage": {"users": {"total": stats["user_count"], "activeMonth": stats["user_count"],
                            "activeHalfyear": stats["user_count"]},
                  "localPosts": stats["status_count"]},
        "metadata": {"nodeName": _title()},
    })


def oauth_server(request):
    from essaim.oauth.actions import ALL_SCOPES

    base = base_url(request)
    return json_response({
        "issuer": base + "/",
        "service_documentation": "https://docs.joinmastodon.org/",
        "authorization_endpoint": base + "/oauth/authorize",
        "token_endpoint": base + "/oauth/token",
        "revocation_endpoint": base + "/oauth/revoke",
        "app_registration_endpoint": base + "/api/v1/apps",
        "scopes_supported": sorted(ALL_SCOPES),
        "response_types_supported": ["code"],
        "response_modes_supported": ["query", "fragment", "form_post"],
        "grant_types_supported": ["authorization_code", "password", "client_credentials"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic",
                                                  "client_secret_post", "none"],
        "code_challenge_methods_supported": ["S256"],
    })
