"""The one visibility policy: who may see which post, account and notification.

Every read path (web timelines, threads, profiles, the APIs, notifications, search, exports)
goes through these functions. There are two forms of each rule: a queryset filter for lists,
and a per-object check; tests hold them to the same answers.

Viewers:
* anonymous: public posts only, no accounts beyond a public post's author card;
* employee (internal member): public and company posts, followers-only posts of people they
  follow, posts addressed to them (mentions), their own;
* external guest: public posts, their own, and direct posts addressed to them; nothing internal.

Blocks hide content both ways. Mutes hide a muted person's posts from the muter's timelines and
notifications (``hide_muted=True``) but an explicit link still opens.
Posts by deactivated accounts are hidden from everyone but administrators.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from essaim.core.errors import NotFound
from essaim.graph import queries as graph
from essaim.posts.models import Post, ReplyPolicy, Visibility

_MENTION = Post.mentions.through


def _is_member(viewer) -> bool:
    return viewer is not None and viewer.is_authenticated and viewer.is_active


def _mentioned(viewer) -> Exists:
    return Exists(_MENTION.objects.filter(post_id=OuterRef("pk"), user_id=viewer.id))


def post_filter(viewer) -> Q:
    """A Q over Post that keeps what ``viewer`` may read (blocks included, mutes not)."""
    active = Q(author__is_active=True)
    # A relay shows its original: it goes when the original's author is deactivated.
    relay_active = Q(relay_of__isnull=True) | Q(relay_of__author__is_active=True)
    if not _is_member(viewer):
        return Q(visibility=Visibility.PUBLIC) & active & relay_active
    own = Q(author_id=viewer.id)
    if viewer.is_guest:
        allowed = Q(visibility=Visibility.PUBLIC) | own | (
            Q(visibility=Visibility.DIRECT) & _mentioned(viewer)
        )
    else:
        allowed = (
            Q(visibility__in=[Visibility.PUBLIC, Visibility.COMPANY])
            | own
            | Q(visibility=Visibility.FOLLOWERS, author_id__in=graph.following_ids(viewer))
            | (Q(visibility__in=[Visibility.FOLLOWERS, Visibility.DIRECT]) & _mentioned(viewer))
        )
    blocked = Q(author_id__in=graph.blocked_by_me_ids(viewer)) | Q(
        author_id__in=graph.blocking_me_ids(viewer)
    )
    relay_blocked = Q(relay_of__author_id__in=graph.blocked_by_me_ids(viewer)) | Q(
        relay_of__author_id__in=graph.blocking_me_ids(viewer)
    )
    return allowed & (own | active) & relay_active & ~blocked & ~relay_blocked


def visible_posts(viewer, qs: QuerySet | None = None, *, hide_muted: bool = False) -> QuerySet:
    qs = Post.objects.all() if qs is None else qs
    qs = qs.filter(post_filter(viewer))
    if hide_muted and _is_member(viewer):
        muted = graph.muted_ids(viewer)
        qs = qs.exclude(
            (Q(author_id__in=muted) | Q(relay_of__author_id__in=muted)) & ~Q(author_id=viewer.id)
        )
    return qs


def can_see_post(viewer, post: Post) -> bool:
    """Per-object form of :func:`post_filter` (no query when the answer is obvious)."""
    if not post.author.is_active and not (_is_member(viewer) and viewer.id == post.author_id):
        return False
    original = post.relay_of if post.relay_of_id is not None else None
    if original is not None and not original.author.is_active:
        return False
    if post.visibility == Visibility.PUBLIC and not _is_member(viewer):
        return True
    if not _is_member(viewer):
        return False
    if viewer.id != post.author_id and graph.is_blocked_either_way(viewer, post.author):
        return False
    if original is not None and viewer.id != original.author_id and \
            graph.is_blocked_either_way(viewer, original.author):
        return False
    if viewer.id == post.author_id or post.visibility == Visibility.PUBLIC:
        return True
    mentioned = post.mentions.filter(id=viewer.id).exists()
    if viewer.is_guest:
        return post.visibility == Visibility.DIRECT and mentioned
    if post.visibility == Visibility.COMPANY:
        return True
    if post.visibility == Visibility.FOLLOWERS:
        return mentioned or graph.is_following(viewer, post.author)
    return mentioned  # direct


def access_post(viewer, post_id, *, for_update: bool = False) -> Post:
    """Fetch a post the viewer may see, or raise NotFound (never reveal that it exists)."""
    if isinstance(post_id, Post):
        post_id = post_id.pk
    try:
        post_id = int(post_id)
    except (TypeError, ValueError) as exc:
        raise NotFound(_("This post does not exist or is not visible to you.")) from exc
    qs = Post.objects.select_related("author", "relay_of", "relay_of__author")
    if for_update:
        qs = qs.select_for_update()
    post = qs.filter(pk=post_id).first()
    if post is None or not can_see_post(viewer, post):
        raise NotFound(_("This post does not exist or is not visible to you."))
    return post


def reply_refusal(viewer, post: Post) -> str | None:
    """Why ``viewer`` may not reply to ``post`` (None when they may)."""
    if post.relay_of_id is not None:
        return _("Reply to the original post, not to a relay.")
    if not can_see_post(viewer, post):
        return _("This post does not exist or is not visible to you.")
    if viewer.id == post.author_id:
        return None
    policy = post.reply_policy
    if policy == ReplyPolicy.NOBODY:
        return _("The author has closed comments on this post.")
    if policy == ReplyPolicy.FOLLOWING and not graph.is_following(post.author, viewer):
        return _("Only people the author follows can reply to this post.")
    if policy == ReplyPolicy.MENTIONED and not post.mentions.filter(id=viewer.id).exists():
        return _("Only people mentioned in this post can reply to it.")
    return None


def relay_refusal(viewer, post: Post) -> str | None:

    if not can_see_post(viewer, post):
        return _("This post does not exist or is not visible to you.")
    if post.visibility not in (Visibility.PUBLIC, Visibility.COMPANY):
        return _("Followers-only and direct posts cannot be relayed.")
    return None


def account_filter(viewer) -> Q:
    """Accounts ``viewer`` may see in directories, search and lists."""
    if not _is_member(viewer):
        return Q(pk__in=[])
    if viewer.is_guest:
        return Q(pk=viewer.id)
    return Q(is_active=True) & ~Q(pk__in=graph.blocking_me_ids(viewer)) | Q(pk=viewer.id)


def visible_accounts(viewer, qs: QuerySet | None = None) -> QuerySet:
    from django.contrib.auth import get_user_model

    qs = get_user_model().objects.all() if qs is None else qs
    return qs.filter(account_filter(viewer))


def can_see_account(viewer, account) -> bool:
    if not _is_member(viewer):
        return False
    if viewer.id == account.id:
        return True
    if viewer.is_guest or not account.is_active:
        return False
    return not graph.blocking_me_ids(viewer).filter(blocker_id=account.id).exists()


def access_account(viewer, username: str):
    from django.contrib.auth import get_user_model

    account = get_user_model().objects.filter(username__iexact=username).first()
    if account is None or not can_see_account(viewer, account):
        raise NotFound(_("This account does not exist or is not visible to you."))
    return account


def visible_notifications(viewer, qs: QuerySet) -> QuerySet:
    """Notifications stay hidden when their actor is blocked, muted or gone, or their post
    is not visible."""
    qs = qs.filter(recipient_id=viewer.id).exclude(actor_id__in=graph.blocked_by_me_ids(viewer))
    qs = qs.exclude(actor_id__in=graph.blocking_me_ids(viewer)).exclude(
        actor_id__in=graph.muted_ids(viewer)
    )
    qs = qs.filter(actor__is_active=True)
    return qs.filter(Q(post__isnull=True) | Q(post__in=visible_posts(viewer).values("id")))
