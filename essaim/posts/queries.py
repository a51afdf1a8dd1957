"""Read helpers for posts: batch hydration for display, without per-post queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection

from essaim import visibility as policy

from .models import Bookmark, Like, Post

POST_RELATED = ("author", "author__department", "posted_by", "in_reply_to_account",
                "relay_of", "relay_of__author", "relay_of__author__department",
                "relay_of__in_reply_to_account")


@dataclass
class PostCard:
    """What a reader needs to show one entry: the post, who relayed it, and the viewer's state."""

    entry: Post  # the row in the timeline (a relay row for relays)
    post: Post  # the content shown (the original for relays)
    relayed_by: object | None = None
    quote: Post | None = None
    quote_hidden: bool = False
    liked: bool = False
    relayed: bool = False
    bookmarked: bool = False
    own: bool = False
    hashtags: list = field(default_factory=list)
    media: list = field(default_factory=list)  # the shown post's images, in order
    community: object | None = None  # the shown post's community, when the viewer may see it
    article: object | None = None  # the article this post announces, if it is one
    link: object | None = None  # the preview card of the shown post's first link
    filtered: list = field(default_factory=list)  # titles of the reader's filters caught it
    filter_action: str = ""  # "warn" (the card behind a warning) or "blur" (its images)

    @property
    def id(self) -> int:
        return self.entry.id

    @property
    def images(self) -> list:
        return [m for m in self.media if not m.is_file]

    @property
    def files(self) -> list:
        return [m for m in self.media if m.is_file]


def posts_by_ids(ids: list[int]) -> dict[int, Post]:
    """Posts by ID for display, from the post cache (:mod:`essaim.posts.cache`)."""
    from .cache import posts_by_ids as cached

    return cached(ids)


def _viewer_marks(viewer_id: int, post_ids) -> list[tuple[str, int]]:
    """(kind, post id) for the posts among ``post_ids`` that the viewer liked, relayed or
    bookmarked: one round trip instead of three (a page of posts asks it on every read)."""
    ids = sorted(post_ids)
    marks = ", ".join(["%s"] * len(ids))
    # Only table names from the models and placeholders are formatted in; values are bound.
    selects = [(Like, "'liked'", "post_id", "user_id"),
               (Post, "'relayed'", "relay_of_id", "author_id"),
               (Bookmark, "'bookmarked'", "post_id", "user_id")]
    sql = " UNION ALL ".join(
        f"SELECT {kind}, {column} FROM {model._meta.db_table} "  # noqa: S608
        f"WHERE {owner} = %s AND {column} IN ({marks})"
        for model, kind, column, owner in selects)
    with connection.cursor() as cursor:
        cursor.execute(sql, [viewer_id, *ids, viewer_id, *ids, viewer_id, *ids])
        return [(kind, int(post_id)) for kind, post_id in cursor.fetchall()]


def hydrate(viewer, posts: list[Post], *, with_media: bool = True) -> list[PostCard]:
    """Turn posts into cards in a fixed number of queries, whatever their count
    (``with_media=False`` for readers that do not show images)."""
    shown = [p.relay_of if p.relay_of_id else p for p in posts]
    shown_ids = {p.id for p in shown}
    quote_ids = {p.quote_of_id for p in shown if p.quote_of_id}
    quotes = {}
    if quote_ids:
        quotes = {q.id: q for q in policy.visible_posts(viewer, Post.objects.filter(
            id__in=quote_ids)).select_related("author")}
    liked: set[int] = set()
    relayed: set[int] = set()
    bookmarked: set[int] = set()
    if viewer is not None and viewer.is_authenticated and shown_ids:
        found = {"liked": liked, "relayed": relayed, "bookmarked": bookmarked}
        for kind, post_id in _viewer_marks(viewer.id, shown_ids):
            found[kind].add(post_id)
    # Posts from the post cache carry their images, article and card; others are loaded.
    cached = {p.id: p for p in shown if hasattr(p, "cached_media")}
    loading = shown_ids - cached.keys()
    media: dict[int, list] = {pid: p.cached_media for pid, p in cached.items()}
    if with_media and loading:
        from essaim.media.queries import media_by_post

        media.update(media_by_post(loading))
    communities = _communities_seen(viewer, shown)
    from essaim.articles.queries import articles_by_post
    from essaim.links.queries import cards_by_post

    articles = {pid: p.cached_article for pid, p in cached.items() if p.cached_article}
    links = {pid: p.cached_link for pid, p in cached.items() if p.cached_link}
    if loading:
        articles.update(articles_by_post(loading))
        links.update(cards_by_post(loading))
    cards = []
    for entry, post in zip(posts, shown, strict=True):
        cards.append(PostCard(
            entry=entry, post=post,
            relayed_by=entry.author if entry.relay_of_id else None,
            quote=quotes.get(post.quote_of_id) if post.quote_of_id else None,
            quote_hidden=bool(post.quote_of_id) and post.quote_of_id not in quotes,
            liked=post.id in liked, relayed=post.id in relayed,
            bookmarked=post.id in bookmarked,
            own=viewer is not None and viewer.is_authenticated and post.author_id == viewer.id,
            media=media.get(post.id, []),
            community=communities.get(post.community_id) if post.community_id else None,
            article=articles.get(post.id),
            link=None if post.id in articles else links.get(post.id),
        ))
    return cards


def _communities_seen(viewer, posts: list[Post]) -> dict:
    """The communities of these posts that the policy lets ``viewer`` see, by id (one query,
    none when no post belongs to a community)."""
    ids = {p.community_id for p in posts if p.community_id}
    if not ids:
        return {}
    return {c.id: c for c in policy.visible_communities(viewer).filter(id__in=ids)
            .only("id", "slug", "name")}


def like_rows(post):
    """Who liked ``post`` (rows newest first by id); filter the people through the policy."""
    return Like.objects.filter(post_id=post.id).select_related("user")


def relays_of(viewer, post):
    """Visible relays of ``post`` (their authors are the people who relayed it)."""
    return policy.visible_posts(viewer, Post.objects.filter(relay_of_id=post.id)).select_related(
        "author")


def counted_on_profiles(*, outsider: bool):
    """The one rule for the post count shown on a profile (web and Mastodon alike): the
    person's posts, replies and relays outside communities, direct messages left out; people
    outside the company (guests, visitors) count only public posts, so a count never tells
    them about internal activity."""
    from .models import Visibility

    posts = Post.objects.filter(community__isnull=True).exclude(visibility=Visibility.DIRECT)
    return posts.filter(visibility=Visibility.PUBLIC) if outsider else posts
