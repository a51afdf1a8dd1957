"""Notification, List, Tag and Conversation entities."""

from __future__ import annotations

from essaim.notifications.models import Notification

from .accounts import accounts as account_entities
from .common import iso, tag_url
from .statuses import statuses as status_entities

# Essaim's notification kinds as Mastodon types (replies are mentions there), and back.
KIND_TO_TYPE = {
    Notification.Kind.MENTION: "mention", Notification.Kind.REPLY: "mention",
    Notification.Kind.RELAY: "reblog", Notification.Kind.QUOTE: "quote",
    Notification.Kind.LIKE: "favourite", Notification.Kind.FOLLOW: "follow",
}
TYPE_TO_KINDS: dict[str, list[str]] = {}
for _kind, _type in KIND_TO_TYPE.items():
    TYPE_TO_KINDS.setdefault(_type, []).append(str(_kind))


def kinds_for(types: list[str]) -> list[str]:
    return [kind for t in types for kind in TYPE_TO_KINDS.get(t, [])]


def notifications(viewer, rows, request) -> list[dict]:
    rows = list(rows)
    people = {n.actor_id: n.actor for n in rows}
    accounts = {int(a["id"]): a for a in account_entities(viewer, people.values(), request)}
    posts = {n.post_id: n.post for n in rows if n.post_id}
    rendered = {}
    if posts:
        from essaim import visibility as policy
        from essaim.posts.models import Post
        from essaim.posts.queries import POST_RELATED

        visible = policy.visible_posts(viewer, Post.objects.filter(id__in=list(posts)))
        shown = list(visible.select_related(*POST_RELATED))
        rendered = {int(s["id"]): s for s in status_entities(viewer, shown, request)}
    out = []
    for n in rows:
        kind = KIND_TO_TYPE.get(n.kind)
        if kind is None:  # community work (tasks, invitations…) has no Mastodon type
            continue
        out.append({
            "id": str(n.id), "type": kind, "created_at": iso(n.created_at),
            "account": accounts[n.actor_id], "status": rendered.get(n.post_id),
            "group_key": f"ungrouped-{n.id}",
        })
    return out


def account_list(lst) -> dict:
    return {"id": str(lst.id), "title": lst.title, "replies_policy": "list",
            "exclusive": False}


def tag(request, hashtag, *, following: bool | None = None) -> dict:
    data = {"id": str(hashtag.id), "name": hashtag.name, "url": tag_url(request, hashtag.name),
            "history": []}
    if following is not None:
        data["following"] = following
    return data


def conversation(viewer, post, request) -> dict:
    people = [u for u in [post.author, *post.mentions.all()] if u.id != viewer.id]
    return {"id": str(post.thread_root_id or post.id), "unread": post.author_id != viewer.id,
            "accounts": account_entities(viewer, people, request),
            "last_status": status_entities(viewer, [post], request)[0]}
