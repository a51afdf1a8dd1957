"""The timelines people read: home, company, hashtag, list, profile, thread, bookmarks."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from essaim import visibility as policy
from essaim.core.pagination import Cursor, paginate_ids
from essaim.graph.models import ListMember
from essaim.posts.models import Bookmark, Like, Post, Visibility
from essaim.posts.queries import POST_RELATED, posts_by_ids

from .broadcasters import broadcast_page
from .rules import first_appearances, merge_pages
from .store import timeline_store


@dataclass
class Page:
    posts: list[Post]
    next_max_id: int | None  # pass as max_id for older entries
    prev_min_id: int | None  # pass as min_id for newer entries


def _page_from_ids(viewer, ids: list[int], cursor: Cursor, hide_muted=True) -> Page:
    by_id = posts_by_ids(ids)
    posts = policy.visible_among(viewer, [by_id[i] for i in ids if i in by_id],
                                 hide_muted=hide_muted)
    return Page(posts, ids[-1] if len(ids) >= cursor.limit else None, ids[0] if ids else None)


def _page(viewer, qs, cursor: Cursor, hide_muted=True) -> Page:
    qs = policy.visible_posts(viewer, qs, hide_muted=hide_muted)
    ids = [row for row in paginate_ids(qs.values_list("id", flat=True), cursor)]
    return _page_from_ids(viewer, ids, cursor, hide_muted)


def page_of(viewer, qs, cursor: Cursor, *, hide_muted: bool = True) -> Page:
    """One page of any set of posts (a watch's, a search's…), newest first, through the policy."""
    return _page(viewer, qs, cursor, hide_muted)


def home(viewer, cursor: Cursor) -> Page:
    page = _page_from_ids(viewer, _home_ids(viewer, cursor), cursor)
    page.posts = first_appearances(page.posts, lambda p: (p.id, p.relay_of_id))
    return page


def home_newer_count(viewer, since_id: int) -> int:
    ids = _home_ids(viewer, Cursor(since_id=since_id, limit=40))
    if not ids:
        return 0
    return policy.visible_posts(viewer, Post.objects.filter(id__in=ids), hide_muted=True)\
        .exclude(author_id=viewer.id).count()


def _home_ids(viewer, cursor: Cursor) -> list[int]:
    """The stored timeline, with the posts of followed broadcasters merged in."""
    ids = timeline_store().page(viewer.id, cursor)
    merged = broadcast_page(viewer, cursor)
    return merge_pages(cursor, ids, merged) if merged else ids


def company(viewer, cursor: Cursor, *, with_replies: bool = False) -> Page:
    qs = Post.objects.filter(visibility__in=[Visibility.PUBLIC, Visibility.COMPANY],
                             relay_of__isnull=True)
    if not with_replies:
        qs = qs.filter(in_reply_to__isnull=True)
    return _page(viewer, qs, cursor)


def hashtag(viewer, name: str, cursor: Cursor) -> Page:
    qs = Post.objects.filter(hashtags__name=name.lower(), relay_of__isnull=True)
    return _page(viewer, qs, cursor)


def account_list(viewer, account_list, cursor: Cursor) -> Page:
    members = ListMember.objects.filter(account_list=account_list).values("account_id")
    qs = Post.objects.filter(author_id__in=members).filter(
        Q(in_reply_to_account__isnull=True) | Q(in_reply_to_account_id__in=members)
        | Q(in_reply_to_account=viewer))
    return _page(viewer, qs, cursor)


def profile(viewer, account, cursor: Cursor, *, exclude_replies=False, exclude_relays=False,
            pinned=False) -> Page:
    qs = Post.objects.filter(author=account)
    if exclude_replies:
        qs = qs.filter(Q(in_reply_to__isnull=True) | Q(in_reply_to_account=account))
    if exclude_relays:
        qs = qs.filter(relay_of__isnull=True)
    if pinned:
        qs = qs.filter(pinned_at__isnull=False)
    return _page(viewer, qs, cursor, hide_muted=False)


def pinned_posts(viewer, account) -> list[Post]:
    qs = policy.visible_posts(viewer, Post.objects.filter(author=account,
                                                          pinned_at__isnull=False))
    return list(qs.select_related(*POST_RELATED).order_by("-pinned_at"))


def thread(viewer, post: Post) -> tuple[list[Post], list[Post]]:
    """(ancestors oldest first, descendants in reading order) of a visible post."""
    ancestors: list[Post] = []
    seen = {post.id}
    parent_id = post.in_reply_to_id
    while parent_id and parent_id not in seen and len(ancestors) < 100:
        seen.add(parent_id)
        parent = policy.visible_posts(viewer, Post.objects.filter(id=parent_id),
                                      hide_muted=True).select_related(*POST_RELATED).first()
        if parent is None:
            break
        ancestors.insert(0, parent)
        parent_id = parent.in_reply_to_id
    root_id = post.thread_root_id or post.id
    family = policy.visible_posts(
        viewer, Post.objects.filter(Q(thread_root_id=root_id) | Q(id=root_id)), hide_muted=True
    ).select_related(*POST_RELATED).order_by("id")
    children: dict[int, list[Post]] = {}
    for p in family:
        if p.in_reply_to_id:
            children.setdefault(p.in_reply_to_id, []).append(p)
    descendants: list[Post] = []

    def walk(pid: int, depth: int) -> None:
        for child in children.get(pid, []):
            child.depth = depth  # type: ignore[attr-defined]  # thread indentation
            descendants.append(child)
            walk(child.id, depth + 1)

    walk(post.id, 1)
    return ancestors, descendants


def bookmarks(viewer, cursor: Cursor) -> Page:
    marks = paginate_ids(Bookmark.objects.filter(user=viewer), cursor)
    page = _page_from_ids(viewer, [m.post_id for m in marks], cursor, hide_muted=False)
    page.next_max_id = marks[-1].id if len(marks) >= cursor.limit else None
    page.prev_min_id = marks[0].id if marks else None
    return page


def likes(viewer, cursor: Cursor) -> Page:
    rows = paginate_ids(Like.objects.filter(user=viewer), cursor)
    page = _page_from_ids(viewer, [r.post_id for r in rows], cursor, hide_muted=False)
    page.next_max_id = rows[-1].id if len(rows) >= cursor.limit else None
    page.prev_min_id = rows[0].id if rows else None
    return page


def profile_media(viewer, account, cursor: Cursor) -> Page:
    """An account's posts that carry images."""
    qs = Post.objects.filter(author=account, relay_of__isnull=True,
                             media_attachments__kind="image").distinct()
    return _page(viewer, qs, cursor, hide_muted=False)


def search_posts(viewer, text: str, cursor: Cursor) -> Page:
    """Visible original posts whose text contains ``text`` (case-insensitive), newest first."""
    qs = Post.objects.filter(relay_of__isnull=True, text__icontains=text)
    return _page(viewer, qs, cursor)
