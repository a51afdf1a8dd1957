"""Building a person's export: a ZIP of JSON files and the media and files they uploaded.

What goes in is the person's own data only: their profile; their posts, replies and relays
(with visibility and community); the posts they liked and bookmarked (ids, and text when they
may still read them); whom they follow and who follows them; their lists, watches and keyword
filters; the community content they wrote (ideas, links, files' versions they uploaded); their
notifications; and the original of every image and file they uploaded. Other people's private
content is never included (a liked post they may no longer read is listed by id only).
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder

MAX_FILES_BYTES = 500 * 1024 * 1024  # beyond this, uploads are listed but not copied


def _dump(archive: zipfile.ZipFile, name: str, data) -> None:
    archive.writestr(name, json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False,
                                      indent=2))


def _profile(user) -> dict:
    return {"username": user.username, "display_name": user.display_name,
            "email": user.email, "kind": user.kind, "job_title": user.job_title,
            "department": user.department.name if user.department_id else None,
            "bio": user.bio, "location": user.location, "languages": user.languages,
            "skills": [s.name for s in user.skills.all()], "locale": user.locale,
            "date_joined": user.date_joined, "last_login": user.last_login}


def _posts(user) -> list[dict]:
    from essaim.posts.models import Post

    return [{"id": str(p.id), "created_at": p.created_at, "edited_at": p.edited_at,
             "text": p.text, "spoiler_text": p.spoiler_text, "visibility": p.visibility,
             "language": p.language,
             "in_reply_to_id": str(p.in_reply_to_id) if p.in_reply_to_id else None,
             "relay_of_id": str(p.relay_of_id) if p.relay_of_id else None,
             "community": p.community.name if p.community_id else None}
            for p in Post.objects.filter(author=user).select_related("community")
            .order_by("id").iterator()]


def _marked(user, model) -> list[dict]:
    from essaim import visibility as policy
    from essaim.posts.models import Post

    rows = list(model.objects.filter(user=user).order_by("id")
                .values_list("post_id", "created_at"))
    readable = {p.id: p.text for p in policy.visible_posts(user, Post.objects.filter(
        pk__in=[r[0] for r in rows]))}
    return [{"post_id": str(pid), "at": when, "text": readable.get(pid)}
            for pid, when in rows]


def _graph(user) -> dict:
    from essaim.graph.models import AccountList, Follow

    return {
        "following": list(Follow.objects.filter(follower=user)
                          .values_list("followee__username", flat=True)),
        "followers": list(Follow.objects.filter(followee=user)
                          .values_list("follower__username", flat=True)),
        "lists": [{"title": lst.title,
                   "members": list(lst.members.values_list("username", flat=True))}
                  for lst in AccountList.objects.filter(owner=user)],
    }


def _preferences(user) -> dict:
    from essaim.filters.models import Filter
    from essaim.watches.models import Watch

    return {
        "watches": list(Watch.objects.filter(owner=user).values(
            "name", "query", "delivery", "created_at")),
        "filters": [{"title": f.title, "context": f.context, "action": f.action,
                     "expires_at": f.expires_at,
                     "keywords": list(f.keywords.values_list("keyword", flat=True))}
                    for f in Filter.objects.filter(owner=user)],
    }


def _community_content(user) -> dict:
    from essaim.communities.models import FileVersion, Idea, Link

    return {
        "ideas": list(Idea.objects.filter(author=user).values(
            "community__name", "title", "description", "created_at")),
        "links": list(Link.objects.filter(created_by=user).values(
            "community__name", "title", "url", "description", "created_at")),
        "file_versions": list(FileVersion.objects.filter(uploaded_by=user).values(
            "file__community__name", "file__name", "number", "size", "created_at")),
    }


def _notifications(user) -> list[dict]:
    from essaim.notifications.models import Notification

    return list(Notification.objects.filter(recipient=user).order_by("id").values(
        "kind", "actor__username", "post_id", "subject", "created_at", "read_at"))


def _uploads(user, archive: zipfile.ZipFile) -> list[dict]:
    from essaim.communities.models import FileVersion
    from essaim.media.models import MediaAttachment

    listed, budget = [], MAX_FILES_BYTES
    items = [(f"media/{m.id}-{(m.filename or m.file.name.rsplit('/', 1)[-1])}", m.file)
             for m in MediaAttachment.objects.filter(owner=user).order_by("id")]
    items += [(f"files/{v.id}-v{v.number}-{v.file.name}", v.blob)
              for v in FileVersion.objects.filter(uploaded_by=user).select_related("file")
              .order_by("id")]
    for name, field in items:
        entry = {"name": name, "copied": False}
        try:
            size = field.size
            if size <= budget:
                with field.open("rb") as handle:
                    archive.writestr(name, handle.read())
                budget -= size
                entry["copied"] = True
        except (OSError, ValueError):
            entry["missing"] = True
        listed.append(entry)
    return listed


def build_zip(user, now: datetime) -> bytes:
    """The whole export of ``user``, as the bytes of a ZIP archive."""
    from essaim.posts.models import Bookmark, Like

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        _dump(archive, "profile.json", _profile(user))
        _dump(archive, "posts.json", _posts(user))
        _dump(archive, "likes.json", _marked(user, Like))
        _dump(archive, "bookmarks.json", _marked(user, Bookmark))
        _dump(archive, "network.json", _graph(user))
        _dump(archive, "watches_and_filters.json", _preferences(user))
        _dump(archive, "communities.json", _community_content(user))
        _dump(archive, "notifications.json", _notifications(user))
        _dump(archive, "uploads.json", _uploads(user, archive))
        _dump(archive, "README.json", {
            "exported_at": now, "for": user.username,
            "contents": "Your profile, posts, likes, bookmarks, network, lists, watches, "
                        "filters, community content, notifications and uploads."})
    return out.getvalue()
