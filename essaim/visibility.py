"""The one visibility policy: who may see which post, account and notification.

Every read path (web timelines, threads, profiles, the APIs, notifications, search, exports)
goes through these functions. There are two forms of each rule: a queryset filter for lists,
and a per-object check; tests hold them to the same answers.

Viewers:
* anonymous: public posts only, no accounts beyond a public post's author card;
* employee (internal member): public and company posts, followers-only posts of people they
  follow, posts addressed to them (mentions), their own;
* external guest: public posts, their own, and direct posts addressed to them; nothing internal.

Communities: a community post (visibility ``community``) is visible to the current members of
its community only, whoever else it mentions, guests included when they are members. A
community's existence is visible to employees for open, closed and external communities; a
secret one only to its members and the people invited to it; a guest sees only the
communities they belong to or are invited to. Artefacts (files, links, ideas, tasks, events,
questions) are readable by the members of their community only. Guests see the profiles of the
people they share a community with.

Timelines and hashtags: the company flow (every public and company post) is for employees;
a hashtag's timeline is open to anyone signed in, each post through the policy; a hashtag's
existence is known to employees, and to guests and anonymous readers only through a post they
may read (or because they follow it). Every surface (web, native API, Mastodon API, streaming)
asks these functions rather than writing its own "employees only".

Blocks hide content both ways. Mutes hide a muted person's posts from the muter's timelines and
notifications (``hide_muted=True``) but an explicit link still opens.
Posts by deactivated accounts are hidden from everyone but administrators. Posts hidden by a
moderator (and relays of them) are gone for everyone, their author included; the report keeps
them for the record.

Administration (people, departments, official accounts, communities at ``/manage/``) is for
administrators only: active employees with administrator rights (:func:`may_administer`). It
shows accounts and communities, never the text of posts.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from essaim.communities.models import Community, Invitation, Membership
from essaim.core.errors import NotAuthenticated, NotFound, PermissionDenied
from essaim.graph import queries as graph
from essaim.posts.models import Hashtag, Post, ReplyPolicy, Visibility

_MENTION = Post.mentions.through


def _is_member(viewer) -> bool:
    return viewer is not None and viewer.is_authenticated and viewer.is_active


def may_administer(viewer) -> bool:
    """Whether ``viewer`` may run the everyday administration: an active employee with
    administrator rights (an external guest never administers, whatever flag it carries)."""
    return _is_member(viewer) and bool(viewer.is_staff) and not viewer.is_guest


def _mentioned(viewer) -> Exists:
    return Exists(_MENTION.objects.filter(post_id=OuterRef("pk"), user_id=viewer.id))


def member_community_ids(viewer) -> QuerySet:
    """IDs of the communities ``viewer`` belongs to, as a subquery."""
    return Membership.objects.filter(user_id=viewer.id).values("community_id")


def in_community(viewer, community_id) -> bool:
    """Whether ``viewer`` may read a community's content (posts and artefacts)."""
    if not _is_member(viewer) or community_id is None:
        return False
    return Membership.objects.filter(user_id=viewer.id, community_id=community_id).exists()


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
    community = Q(visibility=Visibility.COMMUNITY)
    readable = (allowed & ~community) | (
        community & Q(community_id__in=member_community_ids(viewer)))
    blocked = Q(author_id__in=graph.blocked_by_me_ids(viewer)) | Q(
        author_id__in=graph.blocking_me_ids(viewer)
    )
    relay_blocked = Q(relay_of__author_id__in=graph.blocked_by_me_ids(viewer)) | Q(
        relay_of__author_id__in=graph.blocking_me_ids(viewer)
    )
    shown = Q(hidden_at__isnull=True) & (Q(relay_of__isnull=True)
                                         | Q(relay_of__hidden_at__isnull=True))
    return readable & (own | active) & relay_active & ~blocked & ~relay_blocked & shown


def visible_posts(viewer, qs: QuerySet | None = None, *, hide_muted: bool = False) -> QuerySet:
    qs = Post.objects.all() if qs is None else qs
    qs = qs.filter(post_filter(viewer))
    if hide_muted and _is_member(viewer):
        muted = graph.muted_ids(viewer)
        qs = qs.exclude(
            (Q(author_id__in=muted) | Q(relay_of__author_id__in=muted)) & ~Q(author_id=viewer.id)
        )
    return qs


def readers_filter(post: Post, *, hide_muted: bool = False) -> Q:
    """A Q over accounts: who may read ``post`` (the reverse of :func:`post_filter`, for
    fan-out). ``hide_muted`` also leaves out those who muted its author (timelines).

    Held to :func:`can_see_post` for every account by tests/timelines/test_recipients.py.
    """
    from django.contrib.auth import get_user_model

    from essaim.graph.models import Block, Follow, Mute

    User = get_user_model()
    author_id = post.author_id
    original = post.relay_of if post.relay_of_id is not None else None
    if not post.author.is_active or (original is not None and not original.author.is_active):
        return Q(pk__in=[])
    if post.hidden_at is not None or (original is not None and original.hidden_at is not None):
        return Q(pk__in=[])  # hidden by a moderator
    own = Q(pk=author_id)
    employees = Q(kind=User.Kind.EMPLOYEE)
    mentioned = Q(pk__in=_MENTION.objects.filter(post_id=post.pk).values("user_id"))
    if post.visibility == Visibility.COMMUNITY:
        readable = Q(pk__in=Membership.objects.filter(community_id=post.community_id or 0)
                     .values("user_id"))
    elif post.visibility == Visibility.PUBLIC:
        readable = Q()
    elif post.visibility == Visibility.COMPANY:
        readable = own | employees
    elif post.visibility == Visibility.FOLLOWERS:
        followers = Q(pk__in=Follow.objects.filter(followee_id=author_id).values("follower_id"))
        readable = own | (employees & (followers | mentioned))
    else:  # direct
        readable = own | mentioned
    authors = [author_id] + ([original.author_id] if original is not None else [])
    blocked, muted = Q(pk__in=[]), Q(pk__in=[])
    for other in authors:  # blocks either way with the author and the relayed author
        blocked |= (Q(pk__in=Block.objects.filter(blocker_id=other).values("blocked_id"))
                    | Q(pk__in=Block.objects.filter(blocked_id=other).values("blocker_id")))
        if hide_muted:
            muted |= Q(pk__in=Mute.objects.filter(muted_id=other).values("muter_id"))
    return Q(is_active=True) & readable & ~blocked & (own | ~muted)


class _AskEachTime:
    """The facts about a viewer that the per-object rule needs, each asked when needed."""

    def __init__(self, viewer):
        self.viewer = viewer

    def blocked_either_way(self, account) -> bool:
        return graph.is_blocked_either_way(self.viewer, account)

    def in_community(self, community_id) -> bool:
        return in_community(self.viewer, community_id)

    def mentioned(self, post: Post) -> bool:
        return post.mentions.filter(id=self.viewer.id).exists()

    def following(self, account) -> bool:
        return graph.is_following(self.viewer, account)


def _blocks_and_mutes(viewer_id: int, authors: list[int], with_mutes: bool) -> list[tuple]:
    """("block", blocker, blocked) either way and ("mute", viewer, muted) rows between the
    viewer and ``authors``: asked for every page read, in SQL written once."""
    from essaim.graph.models import Block, Mute

    marks = ", ".join(["%s"] * len(authors))
    blocks, mutes = Block._meta.db_table, Mute._meta.db_table
    # Only table names from the models and placeholders are formatted in; values are bound.
    sql = (f"SELECT 'block', blocker_id, blocked_id FROM {blocks} "  # noqa: S608
           f"WHERE (blocker_id = %s AND blocked_id IN ({marks})) "
           f"OR (blocked_id = %s AND blocker_id IN ({marks}))")
    params = [viewer_id, *authors, viewer_id, *authors]
    if with_mutes:
        sql += (f" UNION ALL SELECT 'mute', muter_id, muted_id FROM {mutes} "  # noqa: S608
                f"WHERE muter_id = %s AND muted_id IN ({marks})")
        params += [viewer_id, *authors]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class _KnownFacts:
    """The same facts, loaded for a batch of posts in a fixed number of small queries."""

    def __init__(self, viewer, posts: list[Post], *, with_mutes: bool = False):
        from essaim.graph.models import Follow

        self.viewer = viewer
        authors = _authors(posts)
        authors.discard(viewer.id)
        self.blocked: set[int] = set()
        self.muted: set[int] = set()
        if authors:  # blocks either way (and mutes) in one round trip
            for kind, one, other in _blocks_and_mutes(viewer.id, sorted(authors), with_mutes):
                if kind == "mute":
                    self.muted.add(other)
                else:
                    self.blocked.add(one if one != viewer.id else other)
        narrow = [p for p in posts if p.visibility in (Visibility.FOLLOWERS, Visibility.DIRECT)]
        self.mentions: set[int] = set()
        self.followed: set[int] = set()
        if narrow:
            self.mentions = set(_MENTION.objects.filter(
                user_id=viewer.id, post_id__in=[p.id for p in narrow])
                .values_list("post_id", flat=True))
            followers_only = {p.author_id for p in narrow
                              if p.visibility == Visibility.FOLLOWERS}
            if followers_only:
                self.followed = set(Follow.objects.filter(
                    follower_id=viewer.id, followee_id__in=followers_only)
                    .values_list("followee_id", flat=True))
        community_ids = {p.community_id for p in posts
                         if p.visibility == Visibility.COMMUNITY and p.community_id is not None}
        self.communities: set[int] = set()
        if community_ids:
            self.communities = set(Membership.objects.filter(
                user_id=viewer.id, community_id__in=community_ids)
                .values_list("community_id", flat=True))

    def blocked_either_way(self, account) -> bool:
        return account.id in self.blocked

    def in_community(self, community_id) -> bool:
        return community_id in self.communities

    def mentioned(self, post: Post) -> bool:
        return post.id in self.mentions

    def following(self, account) -> bool:
        return account.id in self.followed


def can_see_post(viewer, post: Post) -> bool:
    """Per-object form of :func:`post_filter` (no query when the answer is obvious)."""
    return _can_see(viewer, post, _AskEachTime(viewer) if _is_member(viewer) else None)


def _can_see(viewer, post: Post, facts) -> bool:
    if not post.author.is_active and not (_is_member(viewer) and viewer.id == post.author_id):
        return False
    original = post.relay_of if post.relay_of_id is not None else None
    if original is not None and not original.author.is_active:
        return False
    if post.hidden_at is not None or (original is not None and original.hidden_at is not None):
        return False  # hidden by a moderator
    if post.visibility == Visibility.PUBLIC and not _is_member(viewer):
        return True
    if not _is_member(viewer):
        return False
    if viewer.id != post.author_id and facts.blocked_either_way(post.author):
        return False
    if original is not None and viewer.id != original.author_id and \
            facts.blocked_either_way(original.author):
        return False
    if post.visibility == Visibility.COMMUNITY:
        return facts.in_community(post.community_id)
    if viewer.id == post.author_id or post.visibility == Visibility.PUBLIC:
        return True
    mentioned = facts.mentioned(post)
    if viewer.is_guest:
        return post.visibility == Visibility.DIRECT and mentioned
    if post.visibility == Visibility.COMPANY:
        return True
    if post.visibility == Visibility.FOLLOWERS:
        return mentioned or facts.following(post.author)
    return mentioned  # direct


def _authors(posts: list[Post]) -> set[int]:
    """Authors of the posts and of the originals they relay."""
    found = {p.author_id for p in posts}
    found |= {p.relay_of.author_id for p in posts if p.relay_of is not None}
    return found


def visible_among(viewer, posts: list[Post], *, hide_muted: bool = False) -> list[Post]:
    """Batch form of :func:`visible_posts` for posts already loaded (with ``author`` and
    ``relay_of__author``), in their order: the per-object rule, with the viewer's blocks,
    follows, mentions and memberships loaded once for all of them (at most four small queries)."""
    if not posts:
        return []
    if not _is_member(viewer):
        return [p for p in posts if _can_see(viewer, p, None)]
    facts = _KnownFacts(viewer, posts, with_mutes=hide_muted)
    kept = [p for p in posts if _can_see(viewer, p, facts)]
    if facts.muted:
        kept = [p for p in kept
                if p.author_id == viewer.id or not _authors([p]) & facts.muted]
    return kept


def access_post(viewer, post_id, *, for_update: bool = False) -> Post:
    """Fetch a post the viewer may see, or raise NotFound (never reveal that it exists)."""
    if isinstance(post_id, Post):
        post_id = post_id.pk
    try:
        post_id = int(post_id)
    except (TypeError, ValueError) as exc:
        raise NotFound(_("This post does not exist or is not visible to you.")) from exc
    if not 0 <= post_id < 2 ** 63:  # no post has an ID the database cannot hold
        raise NotFound(_("This post does not exist or is not visible to you."))
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


# --- Publishing ---------------------------------------------------------------------------

GUEST_VISIBILITIES = (Visibility.DIRECT, Visibility.FOLLOWERS, Visibility.COMMUNITY)


def visibilities_for(author) -> list[str]:
    """The visibilities ``author`` may publish with, widest first.

    An external guest never addresses the whole company or the internet: they post in their
    communities and to the people they mention, who can only be people they share a community
    with (see :func:`visible_accounts`; guests are not followed, so followers-only reaches the
    mentioned people alone).
    """
    if getattr(author, "is_guest", False):
        return list(GUEST_VISIBILITIES)
    return [Visibility.PUBLIC, Visibility.COMPANY, Visibility.FOLLOWERS, Visibility.DIRECT,
            Visibility.COMMUNITY]


def default_visibility_for(author, text: str = "") -> str:
    """The visibility of a post whose author chose none."""
    if getattr(author, "is_guest", False):
        return Visibility.DIRECT if "@" in text else Visibility.FOLLOWERS
    return Visibility.COMPANY


def visibility_refusal(author, visibility: str) -> str | None:
    """Why ``author`` may not publish with ``visibility`` (None when they may)."""
    if visibility in visibilities_for(author):
        return None
    return _("External guests cannot publish to the whole company or in public: post in "
             "your communities, or to the people you mention.")


def account_filter(viewer) -> Q:
    """Accounts ``viewer`` may see in directories, search and lists."""
    if not _is_member(viewer):
        return Q(pk__in=[])
    if viewer.is_guest:
        co_members = Membership.objects.filter(
            community_id__in=member_community_ids(viewer)).values("user_id")
        return Q(pk=viewer.id) | (Q(is_active=True) & Q(pk__in=co_members)
                                  & ~Q(pk__in=graph.blocking_me_ids(viewer)))
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
    if not account.is_active:
        return False
    if viewer.is_guest and not Membership.objects.filter(
            user_id=account.id, community_id__in=member_community_ids(viewer)).exists():
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
    qs = qs.filter(Q(community__isnull=True)
                   | Q(community__in=visible_communities(viewer).values("id")))
    return qs.filter(Q(post__isnull=True) | Q(post__in=visible_posts(viewer).values("id")))


# --- Timelines and hashtags --------------------------------------------------------------

def _is_employee(viewer) -> bool:
    return _is_member(viewer) and not viewer.is_guest


def is_outsider(viewer) -> bool:
    """Anonymous visitors and external guests: what they are told about the company's internal
    activity (counts included) is limited to what is public."""
    return not _is_employee(viewer)


def may_read_company_flow(viewer) -> bool:
    """The company flow (public and company posts of everyone) and its stream: employees."""
    return _is_employee(viewer)


def access_company_flow(viewer) -> None:
    """Raise unless ``viewer`` may read the company flow (401 signed out, 403 a guest)."""
    if not _is_member(viewer):
        raise NotAuthenticated(_("Sign in to read this timeline."))
    if not may_read_company_flow(viewer):
        raise PermissionDenied(_("External guests have no access to internal timelines."))


def may_read_directory(viewer) -> bool:
    """The people directory (everyone in the company, by department and skill): employees."""
    return _is_employee(viewer)


def access_directory(viewer) -> None:
    if not may_read_directory(viewer):
        raise PermissionDenied(_("This page is reserved for employees."))


def may_read_hashtag_timeline(viewer) -> bool:
    """A hashtag's timeline: anyone signed in (each post still goes through the policy)."""
    return _is_member(viewer)


def access_hashtag_timeline(viewer) -> None:
    if not may_read_hashtag_timeline(viewer):
        raise NotAuthenticated(_("Sign in to read this timeline."))


def hashtag_filter(viewer) -> Q:
    """A Q over Hashtag keeping those whose existence ``viewer`` may know."""
    if _is_employee(viewer):
        return Q()
    on_readable = Q(Exists(Post.hashtags.through.objects.filter(
        hashtag_id=OuterRef("pk"), post__in=visible_posts(viewer).values("id"))))
    if not _is_member(viewer):
        return on_readable
    return on_readable | Q(followers__user_id=viewer.id)


def known_hashtags(viewer, qs: QuerySet | None = None) -> QuerySet:
    qs = Hashtag.objects.all() if qs is None else qs
    return qs.filter(hashtag_filter(viewer)).distinct()


def known_hashtag(viewer, name: str) -> Hashtag | None:
    """The hashtag called ``name`` when ``viewer`` may know it exists, else None."""
    return known_hashtags(viewer, Hashtag.objects.filter(name=str(name).lower())).first()


def access_hashtag(viewer, name: str) -> Hashtag:
    found = known_hashtag(viewer, name)
    if found is None:
        raise NotFound(_("This hashtag does not exist or is not visible to you."))
    return found


def may_learn_of_deletion(viewer, visibility: str | None) -> bool:
    """Whether the ID of a deleted post of ``visibility`` may go to ``viewer`` on a shared
    stream (company flow, hashtag): only if they could have seen such a post."""
    return _is_employee(viewer) or visibility == Visibility.PUBLIC


# --- Communities ------------------------------------------------------------------------

def _invited_community_ids(viewer) -> QuerySet:
    return Invitation.objects.filter(account_id=viewer.id, accepted_at__isnull=True,
                                     declined_at__isnull=True).values("community_id")


def community_filter(viewer) -> Q:
    """Communities whose existence ``viewer`` may know (lists, search, counts)."""
    if not _is_member(viewer):
        return Q(pk__in=[])
    mine = Q(pk__in=member_community_ids(viewer)) | Q(pk__in=_invited_community_ids(viewer))
    if viewer.is_guest:
        return mine
    return Q(kind__in=[Community.Kind.OPEN, Community.Kind.CLOSED,
                       Community.Kind.EXTERNAL]) | mine


def visible_communities(viewer, qs: QuerySet | None = None) -> QuerySet:
    qs = Community.objects.all() if qs is None else qs
    return qs.filter(community_filter(viewer))


def can_see_community(viewer, community) -> bool:
    """Per-object form of :func:`community_filter`."""
    if not _is_member(viewer):
        return False
    if not viewer.is_guest and community.kind != Community.Kind.SECRET:
        return True
    return in_community(viewer, community.pk) or Invitation.objects.filter(
        account_id=viewer.id, community_id=community.pk, accepted_at__isnull=True,
        declined_at__isnull=True).exists()


def access_community(viewer, slug) -> Community:
    """A community whose existence the viewer may know, or NotFound (secret ones included)."""
    community = Community.objects.filter(slug=str(slug or "")[:80]).first()
    if community is None or not can_see_community(viewer, community):
        raise NotFound(_("This community does not exist or is not visible to you."))
    return community


def community_content_filter(viewer, field: str = "community") -> Q:
    """A Q over any artefact model (by its community field) keeping what ``viewer`` may read."""
    if not _is_member(viewer):
        return Q(pk__in=[])
    return Q(**{f"{field}__in": member_community_ids(viewer)})


# --- Trends and weak signals ---------------------------------------------------------------
# Company trends and signals are read by employees (administrators included), never by guests
# or anonymous visitors; a community's by its members only. Samples go through visible_posts.

def may_read_company_trends(viewer) -> bool:
    return _is_employee(viewer)


def trend_scopes(viewer) -> list[str]:
    """Scopes whose trends and signals ``viewer`` may read: the company's (employees), then
    those of the communities they belong to."""
    from essaim.trends.models import COMPANY, community_scope

    if not _is_member(viewer):
        return []
    scopes = [COMPANY] if may_read_company_trends(viewer) else []
    return scopes + [community_scope(cid) for cid in member_community_ids(viewer)]


def access_trend_scope(viewer, community_slug: str | None = None) -> str:
    """The trend scope asked for (the company's without a community), or PermissionDenied /
    NotFound."""
    from essaim.trends.models import COMPANY, community_scope

    if not _is_member(viewer):
        raise PermissionDenied(_("Sign in to see trends."))
    if community_slug:
        community = access_community(viewer, community_slug)
        if not in_community(viewer, community.pk):
            raise PermissionDenied(_("Only the members of this community see its trends."))
        return community_scope(community.pk)
    if not may_read_company_trends(viewer):
        raise PermissionDenied(_("Company trends are for employees."))
    return COMPANY


def company_trend_scope(viewer) -> str | None:
    """The company scope for viewers who may read it (Mastodon clients ask without a
    community: everyone else gets an empty list)."""
    from essaim.trends.models import COMPANY

    return COMPANY if may_read_company_trends(viewer) else None


# --- Insight: individual network measures and aggregates ------------------------------------
# A person's network measures are theirs alone (no manager, no administrator reads them);
# aggregates go to administrators and analysts, for groups of at least ESSAIM_INSIGHT_MIN_GROUP.

ANALYST_GROUP = "analyst"


def may_read_analytics(viewer) -> bool:
    """Administrators and members of the "analyst" group, employees only."""
    if not _is_employee(viewer):
        return False
    return bool(viewer.is_staff) or viewer.groups.filter(name=ANALYST_GROUP).exists()


def check_analytics(viewer) -> None:
    if not _is_member(viewer):
        raise NotAuthenticated(_("Sign in to see analytics."))
    if not may_read_analytics(viewer):
        raise PermissionDenied(_("Company analytics are for administrators and analysts."))


def access_own_network(viewer, username: str | None = None):
    """The person whose network measures are read: always the viewer, never anyone else."""
    if not _is_member(viewer):
        raise NotAuthenticated(_("Sign in to see your network."))
    if username is not None and username.strip().lstrip("@").lower() != \
            viewer.username.lower():
        raise PermissionDenied(_("Network measures are shown only to the person themselves."))
    return viewer
