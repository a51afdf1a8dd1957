"""Account and Relationship entities, batch-loaded (a fixed number of queries per list)."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Count, Max, prefetch_related_objects
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.graph.models import Block, Follow, Mute
from essaim.posts.queries import counted_on_profiles

from .common import TO_MASTODON, absolute, day, iso, profile_url, static_url

MISSING_AVATAR = "mastodon_api/missing-avatar.png"
MISSING_HEADER = "mastodon_api/missing-header.png"


def _is_employee(viewer) -> bool:
    return not policy.is_outsider(viewer)


STATS_TTL = 60  # seconds; changes made through the models clear them at once (signals.py)


def stats_key(account_id: int, outsider: bool) -> str:
    return f"mastodon:account-stats:{account_id}:{'outside' if outsider else 'inside'}"


def _stats(viewer, ids: list[int]) -> dict[int, dict]:
    """Followers, following, statuses and last status of each account, cached: counting the
    followers of an account followed by the whole company is the slowest part of a page."""
    outsider = not _is_employee(viewer)
    cached = cache.get_many([stats_key(i, outsider) for i in ids])
    stats = {i: cached[stats_key(i, outsider)] for i in ids if stats_key(i, outsider) in cached}
    missing = [i for i in ids if i not in stats]
    if missing:
        fresh = _count(missing, outsider)
        cache.set_many({stats_key(i, outsider): row for i, row in fresh.items()}, STATS_TTL)
        stats.update(fresh)
    return stats


def _count(ids: list[int], outsider: bool) -> dict[int, dict]:
    stats = {i: {"followers": 0, "following": 0, "statuses": 0, "last": None} for i in ids}
    for row in Follow.objects.filter(followee_id__in=ids).values("followee_id").annotate(
            n=Count("id")):
        stats[row["followee_id"]]["followers"] = row["n"]
    for row in Follow.objects.filter(follower_id__in=ids).values("follower_id").annotate(
            n=Count("id")):
        stats[row["follower_id"]]["following"] = row["n"]
    posts = counted_on_profiles(outsider=outsider).filter(author_id__in=ids)
    for row in posts.values("author_id").annotate(n=Count("id"), last=Max("created_at")):
        stats[row["author_id"]]["statuses"] = row["n"]
        stats[row["author_id"]]["last"] = row["last"]
    return stats


def _fields(user) -> list[dict]:
    """Enterprise profile data, shown by every app as profile fields."""
    rows = []
    if user.department_id:
        rows.append((_("Department"), user.department.name))
    if user.job_title:
        rows.append((_("Job title"), user.job_title))
    if user.location:
        rows.append((_("Location"), user.location))
    if user.organisation_id:
        rows.append((_("Organisation"), user.organisation.name))
    if user.languages:
        rows.append((_("Languages"), user.languages))
    return [{"name": str(name), "value": escape(value), "verified_at": None}
            for name, value in rows]


def _note_html(bio: str) -> str:
    return linebreaks(escape(bio)) if bio else ""


def _one(user, stats: dict, request) -> dict:
    url = profile_url(request, user.username)
    avatar = absolute(request, user.avatar.url) if user.avatar else static_url(
        request, MISSING_AVATAR)
    header = static_url(request, MISSING_HEADER)
    return {
        "id": str(user.id), "username": user.username, "acct": user.username,
        "display_name": user.name, "locked": False, "bot": False, "group": False,
        "discoverable": not user.is_guest, "indexable": False, "noindex": True,
        "created_at": iso(user.date_joined), "note": _note_html(user.bio),
        "url": url, "uri": url, "avatar": avatar, "avatar_static": avatar,
        "header": header, "header_static": header,
        "followers_count": stats["followers"], "following_count": stats["following"],
        "statuses_count": stats["statuses"], "last_status_at": day(stats["last"]),
        "hide_collections": False, "emojis": [], "fields": _fields(user), "roles": [],
        "moved": None, "suspended": False, "limited": False,
        "essaim": {"kind": user.kind, "official": user.is_official,
                   "department": user.department.name if user.department_id else None,
                   "job_title": user.job_title,
                   "organisation": user.organisation.name if user.organisation_id else None},
    }


def accounts(viewer, users, request) -> list[dict]:
    users = list(users)
    prefetch_related_objects(users, "department", "organisation")
    stats = _stats(viewer, list({u.id for u in users}))
    return [_one(u, stats[u.id], request) for u in users]


def account(viewer, user, request) -> dict:
    return accounts(viewer, [user], request)[0]


def credential_account(user, request) -> dict:
    """The Account entity with ``source`` (verify_credentials, update_credentials)."""
    data = account(user, user, request)
    data["source"] = {
        "privacy": TO_MASTODON[policy.default_visibility_for(user)], "sensitive": False,
        "language": user.locale or "", "note": user.bio,
        "fields": [{"name": f["name"], "value": f["value"], "verified_at": None}
                   for f in data["fields"]],
        "follow_requests_count": 0, "indexable": False, "hide_collections": False,
        "discoverable": not user.is_guest, "attribution_domains": [],
    }
    data["role"] = {"id": "-99", "name": "", "permissions": "0", "color": "",
                    "highlighted": False}
    return data


def relationships(viewer, users) -> list[dict]:
    users = list(users)
    ids = [u.id for u in users]
    following = set(Follow.objects.filter(follower_id=viewer.id, followee_id__in=ids)
                    .values_list("followee_id", flat=True))
    followed_by = set(Follow.objects.filter(followee_id=viewer.id, follower_id__in=ids)
                      .values_list("follower_id", flat=True))
    blocking = set(Block.objects.filter(blocker_id=viewer.id, blocked_id__in=ids)
                   .values_list("blocked_id", flat=True))
    blocked_by = set(Block.objects.filter(blocked_id=viewer.id, blocker_id__in=ids)
                     .values_list("blocker_id", flat=True))
    muting = set(Mute.objects.filter(muter_id=viewer.id, muted_id__in=ids)
                 .values_list("muted_id", flat=True))
    return [{
        "id": str(i), "following": i in following, "showing_reblogs": i in following,
        "notifying": False, "languages": None, "followed_by": i in followed_by,
        "blocking": i in blocking, "blocked_by": i in blocked_by, "muting": i in muting,
        "muting_notifications": i in muting, "requested": False, "requested_by": False,
        "domain_blocking": False, "endorsed": False, "note": "",
    } for i in ids]
