from __future__ import annotations

from essaim.advocacy.impressions import note_shown
from essaim.core.paths import path_with
from essaim.posts.models import Post
from essaim.posts.queries import PostCard, hydrate


def account(user, request=None) -> dict:
    return {
        "id": str(user.id), "username": user.username, "display_name": user.name,
        "kind": user.kind, "department": user.department.name if user.department_id else None,
        "job_title": user.job_title, "location": user.location, "bio": user.bio,
        "avatar": user.avatar.url if user.avatar else None, "is_official": user.is_official,
        "url": _abs(request, path_with("web:profile", user.username)),
    }


def _abs(request, path: str) -> str:
    if request is None:
        return path
    base = getattr(request, "_essaim_base_url", None)
    if base is None:  # worked out once per request
        base = request._essaim_base_url = request.build_absolute_uri("/").rstrip("/")
    return base + path


def _post(post, card: PostCard | None, request, tags: dict[int, list[str]]) -> dict:
    return {
        "id": str(post.id), "url": _abs(request, path_with("web:thread", post.id)),
        "author": account(post.author, request),
        "posted_by": post.posted_by.username if post.posted_by_id else None,
        "text": post.text, "html": post.html, "visibility": post.visibility,
        "reply_policy": post.reply_policy, "language": post.language,
        "created_at": post.created_at, "edited_at": post.edited_at,
        "in_reply_to_id": str(post.in_reply_to_id) if post.in_reply_to_id else None,
        "relay_of": None,
        "quote_of_id": str(post.quote_of_id) if post.quote_of_id and card and card.quote
        else None,
        "hashtags": tags.get(post.id, []),
        "replies_count": post.replies_count, "relays_count": post.relays_count,
        "likes_count": post.likes_count,
        "liked": bool(card and card.liked), "relayed": bool(card and card.relayed),
        "bookmarked": bool(card and card.bookmarked),
        "card": _link_card(card.link) if card is not None and card.link is not None else None,
    }


def _link_card(link) -> dict:
    return {"url": link.url, "title": link.title, "description": link.description,
            "site_name": link.site_name, "site_url": link.site_url,
            "author_name": link.author_name,
            "image_url": link.image_url if link.image_url.startswith("https://") else None}


def posts(viewer, rows, request) -> list[dict]:
    rows = list(rows)
    cards = hydrate(viewer, rows, with_media=False)  # the native shape has no images
    note_shown(viewer, rows)
    tags = _hashtags({c.post for c in cards} | {c.entry for c in cards})
    out = []
    for card in cards:
        if card.relayed_by is not None:
            data = _post(card.entry, None, request, tags)
            data["relay_of"] = _post(card.post, card, request, tags)
        else:
            data = _post(card.post, card, request, tags)
        out.append(data)
    return out


def _hashtags(posts) -> dict[int, list[str]]:
    """Each post's hashtag names, by name: from the post cache, the others in one query."""
    tags: dict[int, list[str]] = {p.id: sorted(t.name for t in p.cached_hashtags)
                                  for p in posts if hasattr(p, "cached_hashtags")}
    post_ids = {p.id for p in posts} - tags.keys()
    if post_ids:
        rows = (Post.hashtags.through.objects.filter(post_id__in=post_ids)
                .values_list("post_id", "hashtag__name").order_by("hashtag__name"))
        for post_id, name in rows:
            tags.setdefault(post_id, []).append(name)
    return tags


def page(viewer, page, request) -> dict:
    return {"items": posts(viewer, page.posts, request),
            "next_max_id": str(page.next_max_id) if page.next_max_id else None,
            "prev_min_id": str(page.prev_min_id) if page.prev_min_id else None}


def notification(n, request) -> dict:
    return {"id": str(n.id), "kind": n.kind, "actor": account(n.actor, request),
            "post_id": str(n.post_id) if n.post_id else None, "created_at": n.created_at,
            "read": n.read_at is not None}
