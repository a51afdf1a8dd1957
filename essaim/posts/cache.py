"""The post cache: what every reader of a post is shown, whoever they are, loaded once.

A page of a timeline is a list of post IDs (the timeline stores keep IDs). It is hydrated
here in a fixed number of steps, whatever its length:

1. each post's viewer-independent data — its row, hashtags, the IDs of the people it
   mentions, its images, the article it announces, its link card — from the ``posts``
   cache, the missing ones loaded in one batch and added;
2. the originals of relays the same way;
3. the people (authors, relayers, mentioned people, people replied to) from the ``accounts``
   cache, with their department and organisation;
4. one indexed query for what changes without an edit: counters (likes, relays, replies,
   quotes), moderation (``hidden_at``), pinning, and ``edited_at`` (an entry older than the
   post's last edit is loaded again; a post gone from the table is left out).

What depends on the viewer (liked, relayed, bookmarked, polls and their own votes, the
communities they may see) and the visibility policy's verdict are decided per page afterwards
(:func:`essaim.posts.queries.hydrate`, :func:`essaim.visibility.visible_among`), from these
facts. Writes forget entries exactly (``connect`` below, and the actions that write with
``update()``); the caches' engines are in :mod:`essaim.core.sharedcache`.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import prefetch_related_objects
from django.db.models.signals import m2m_changed, post_delete, post_save

from essaim.core.sharedcache import shared_cache

from .models import Post

POST_TTL = 3600  # seconds; forgetting is exact, this only bounds a missed path
ACCOUNT_TTL = 60  # seconds; last activity is written with update() and may be this old
VOLATILE = ("likes_count", "relays_count", "replies_count", "quotes_count", "hidden_at",
            "pinned_at", "edited_at")
PEOPLE = ("author", "posted_by", "in_reply_to_account")


def _posts():
    return shared_cache("posts", ttl=POST_TTL)


def _accounts():
    return shared_cache("accounts", ttl=ACCOUNT_TTL)


# --- accounts --------------------------------------------------------------------------

def accounts_by_id(ids) -> dict:
    """People by ID (inactive ones included), with department and organisation."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    found = _accounts().get_many(wanted)
    missing = wanted - found.keys()
    if missing:
        # The password hash never goes into a cache (read from the database if ever asked).
        fresh = {u.id: u for u in get_user_model().objects.filter(id__in=missing)
                 .select_related("department", "organisation").defer("password")}
        _accounts().add_many(fresh)
        found.update(fresh)
    return found


def forget_accounts(ids) -> None:
    _accounts().forget(ids)


# --- posts -----------------------------------------------------------------------------

def _load(ids: set[int]) -> dict[int, Post]:
    """Entries for ``ids`` from the database: rows, hashtags, mentions, images, article, card."""
    from essaim.articles.queries import articles_by_post
    from essaim.links.queries import cards_by_post
    from essaim.media.queries import media_by_post

    posts = list(Post.objects.filter(id__in=ids))
    if not posts:
        return {}
    prefetch_related_objects(posts, "hashtags")
    for post in posts:  # kept as a plain list: a pickled queryset would carry its query
        post.cached_hashtags = list(post.hashtags.all())
        del post._prefetched_objects_cache
    found = {p.id: p for p in posts}
    mentions: dict[int, list[int]] = {}
    for post_id, user_id in Post.mentions.through.objects.filter(
            post_id__in=found).order_by("id").values_list("post_id", "user_id"):
        mentions.setdefault(post_id, []).append(user_id)
    media, articles, links = media_by_post(found), articles_by_post(found), cards_by_post(found)
    from essaim.polls.models import Poll

    polled = set(Poll.objects.filter(post_id__in=found).values_list("post_id", flat=True))
    for post in posts:
        post.cached_mention_ids = mentions.get(post.id, [])
        post.cached_media = media.get(post.id, [])
        post.cached_article = articles.get(post.id)
        post.cached_link = links.get(post.id)
        post.cached_has_poll = post.id in polled  # a poll comes with its post (or an edit)
    return found


def _entries(ids: set[int]) -> dict[int, Post]:
    found = _posts().get_many(ids)
    missing = ids - found.keys()
    if missing:
        fresh = _load(missing)
        _posts().add_many(fresh)
        found.update(fresh)
    return found


def posts_by_ids(ids) -> dict[int, Post]:
    """Posts by ID, as :data:`essaim.posts.queries.POST_RELATED` would load them and more:
    authors, relays' originals and their authors; ``cached_hashtags``, ``cached_mentions``
    (people), ``cached_media``, ``cached_article``, ``cached_link`` and ``cached_has_poll``
    hold the rest."""
    wanted = {int(i) for i in ids}
    if not wanted:
        return {}
    entries = _entries(wanted)
    originals = {p.relay_of_id for p in entries.values() if p.relay_of_id} - entries.keys()
    if originals:
        entries.update(_entries(originals))
    rows = {row[0]: row[1:] for row in Post.objects.filter(id__in=entries)
            .values_list("id", *VOLATILE)}
    stale = {pid for pid, post in entries.items()
             if pid in rows and rows[pid][-1] != post.edited_at}
    if stale:  # edited since it was cached (its entry is being forgotten everywhere)
        entries.update(_load(stale))
    entries = {pid: post for pid, post in entries.items() if pid in rows}
    people: set[int] = set()
    for post in entries.values():
        for name, value in zip(VOLATILE, rows[post.id], strict=True):
            setattr(post, name, value)
        people.update(getattr(post, f"{field}_id") for field in PEOPLE)
        people.update(post.cached_mention_ids)
    accounts = accounts_by_id(people)
    for post in entries.values():
        for field in PEOPLE:
            person_id = getattr(post, f"{field}_id")
            setattr(post, field, accounts.get(person_id) if person_id else None)
        post.cached_mentions = [accounts[i] for i in post.cached_mention_ids if i in accounts]
    out = {}
    for pid in wanted:
        post = entries.get(pid)
        if post is None:
            continue
        if post.relay_of_id:
            original = entries.get(post.relay_of_id)
            if original is None:
                continue  # the original is gone: so is the relay
            post.relay_of = original
        out[pid] = post
    return out


def forget_posts(ids) -> None:
    _posts().forget(ids)


# --- what forgets entries ----------------------------------------------------------------

def _post_saved(sender, instance, created=False, **kwargs):
    if not created:  # a new post was never cached under its fresh ID
        forget_posts([instance.pk])


def _post_deleted(sender, instance, **kwargs):
    forget_posts([instance.pk])


def _tags_or_mentions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if reverse:  # the hashtag's or the person's side: the posts are in pk_set
        forget_posts(pk_set or [])
    else:
        forget_posts([instance.pk])


def _attached_changed(sender, instance, created=False, **kwargs):
    """Images, link cards and articles shown with a post."""
    post_id = getattr(instance, "post_id", None)
    if post_id and not (created and sender.__name__ == "MediaAttachment"):
        forget_posts([post_id])


def _card_changed(sender, instance, created=False, **kwargs):
    if not created:
        forget_posts(instance.post_links.values_list("post_id", flat=True))


def _user_changed(sender, instance, created=False, **kwargs):
    if not created:
        forget_accounts([instance.pk])


def _group_changed(sender, instance, created=False, **kwargs):
    """A department or an organisation renamed: its people's cards show the new name."""
    if not created:
        field = "department" if sender.__name__ == "Department" else "organisation"
        forget_accounts(get_user_model().objects.filter(**{field: instance})
                        .values_list("id", flat=True))


def connect() -> None:
    from essaim.accounts.models import Department, Organisation
    from essaim.articles.models import Article
    from essaim.links.models import LinkCard, PostLink
    from essaim.media.models import MediaAttachment

    uid = "post-cache-"
    post_save.connect(_post_saved, sender=Post, dispatch_uid=uid + "post")
    post_delete.connect(_post_deleted, sender=Post, dispatch_uid=uid + "post-deleted")
    for through in (Post.hashtags.through, Post.mentions.through):
        m2m_changed.connect(_tags_or_mentions_changed, sender=through,
                            dispatch_uid=uid + through.__name__)
    for model in (MediaAttachment, PostLink, Article):
        post_save.connect(_attached_changed, sender=model, dispatch_uid=uid + model.__name__)
        post_delete.connect(_attached_changed, sender=model,
                            dispatch_uid=uid + model.__name__ + "-deleted")
    post_save.connect(_card_changed, sender=LinkCard, dispatch_uid=uid + "card")
    user = get_user_model()
    post_save.connect(_user_changed, sender=user, dispatch_uid=uid + "user")
    post_delete.connect(_user_changed, sender=user, dispatch_uid=uid + "user-deleted")
    for model in (Department, Organisation):
        post_save.connect(_group_changed, sender=model, dispatch_uid=uid + model.__name__)
