"""Read helpers for communities: memberships, roles, lists and artefacts, through the policy."""

from __future__ import annotations

from django.db.models import Count, F, Q, QuerySet

from essaim import visibility as policy
from essaim.core.pagination import Cursor, paginate_ids
from essaim.posts.models import Post

from .models import (
    Community,
    Event,
    Idea,
    Invitation,
    JoinRequest,
    Link,
    Membership,
    Pin,
    Question,
    SharedFile,
    Task,
)


def membership(user, community) -> Membership | None:
    if user is None or not user.is_authenticated:
        return None
    community_id = getattr(community, "pk", community)
    return Membership.objects.filter(user_id=user.id, community_id=community_id).first()


def role_of(user, community) -> str | None:
    found = membership(user, community)
    return found.role if found else None


def member_ids(community, among: list[int] | None = None) -> list[int]:
    qs = Membership.objects.filter(community_id=getattr(community, "pk", community))
    if among is not None:
        qs = qs.filter(user_id__in=among)
    return list(qs.values_list("user_id", flat=True))


def follower_member_ids(community_id: int) -> QuerySet:
    """Members whose home timeline receives the community's posts."""
    return Membership.objects.filter(community_id=community_id, follows=True).values("user_id")


def followed_community_ids(user) -> QuerySet:
    return Membership.objects.filter(user_id=user.id, follows=True).values("community_id")


def members(viewer, community) -> QuerySet:
    """The people of a community, as the viewer may see them (members only)."""
    if not policy.in_community(viewer, community.pk):
        return Membership.objects.none()
    return (Membership.objects.filter(community=community, user__is_active=True)
            .select_related("user", "user__department", "user__organisation")
            .order_by("role", "user__username"))


def my_communities(viewer) -> QuerySet:
    return policy.visible_communities(viewer).filter(
        id__in=policy.member_community_ids(viewer)).order_by("name")


def discover(viewer, *, text: str = "", template: str | None = None,
             tag: str = "") -> QuerySet:
    """Communities the viewer may know of and has not joined, for the discovery page."""
    qs = policy.visible_communities(viewer).exclude(id__in=policy.member_community_ids(viewer))
    return _search(qs, text, template, tag).order_by("-members_count", "name")


def search(viewer, text: str) -> QuerySet:
    return _search(policy.visible_communities(viewer), text, None, "")


def _search(qs, text: str, template: str | None, tag: str) -> QuerySet:
    text = (text or "").strip()
    if text:
        qs = qs.filter(Q(name__icontains=text) | Q(description__icontains=text)
                       | Q(tags__icontains=text))
    if template is not None:
        qs = qs.filter(template=template)
    if tag:
        qs = qs.filter(tags__icontains=tag.strip())
    return qs


def pending_invitations(viewer) -> QuerySet:
    return (Invitation.objects.filter(account_id=viewer.id, accepted_at__isnull=True,
                                      declined_at__isnull=True)
            .select_related("community", "invited_by"))


def join_requests(community) -> QuerySet:
    return JoinRequest.objects.filter(community=community).select_related("user")


def open_invitations(community) -> QuerySet:
    return (Invitation.objects.filter(community=community, accepted_at__isnull=True,
                                      declined_at__isnull=True)
            .select_related("account", "organisation", "invited_by").order_by("-id"))


def has_requested(user, community) -> bool:
    return JoinRequest.objects.filter(user_id=user.id, community=community).exists()


# --- Posts --------------------------------------------------------------------------------

def timeline(viewer, community, cursor: Cursor) -> list[Post]:
    """The community's posts (replies included in threads, not here), newest first."""
    from essaim.posts.queries import posts_by_ids

    qs = policy.visible_posts(viewer, Post.objects.filter(community=community,
                                                          in_reply_to__isnull=True),
                              hide_muted=True)
    ids = paginate_ids(qs.values_list("id", flat=True), cursor)
    by_id = posts_by_ids(ids)
    return [by_id[i] for i in ids if i in by_id]


def pinned(viewer, community) -> list[Post]:
    from essaim.posts.queries import POST_RELATED

    ids = Pin.objects.filter(community=community).values("post_id")
    qs = policy.visible_posts(viewer, Post.objects.filter(id__in=ids))
    return list(qs.select_related(*POST_RELATED).order_by("-community_pin__created_at"))


def pinned_ids(community) -> set[int]:
    return set(Pin.objects.filter(community=community).values_list("post_id", flat=True))


# --- Artefacts (members only, through the one policy) ----------------------------------------

def _content(viewer, qs: QuerySet) -> QuerySet:
    return qs.filter(policy.community_content_filter(viewer))


def files(viewer, community, folder=None) -> QuerySet:
    return _content(viewer, SharedFile.objects.filter(community=community, folder=folder))


def recent_files(viewer, community) -> QuerySet:
    """All the community's files (every folder), most recently changed first."""
    return _content(viewer, SharedFile.objects.filter(community=community)).order_by(
        "-updated_at")


def attachments(viewer, post_ids) -> dict[int, list]:
    """Files attached to the given posts, by post, among those the viewer may read."""
    found: dict[int, list] = {}
    rows = _content(viewer, SharedFile.objects.filter(posts__in=list(post_ids)))
    for shared in rows.annotate(post_id=F("posts")).select_related("community"):
        found.setdefault(shared.post_id, []).append(shared)
    return found


def links(viewer, community) -> QuerySet:
    return _content(viewer, Link.objects.filter(community=community)).select_related(
        "created_by")


def ideas(viewer, community, *, sort: str = "votes", status: str = "") -> QuerySet:
    qs = _content(viewer, Idea.objects.filter(community=community)).select_related(
        "author", "submitted_by")
    if status:
        qs = qs.filter(status=status)
    if sort == "recent":
        return qs.order_by("-id")
    return qs.order_by("-votes_count", "-id")


def tasks(viewer, community) -> QuerySet:
    return _content(viewer, Task.objects.filter(community=community)).select_related(
        "assignee", "task_list")


def my_tasks(viewer, *, include_done: bool = False) -> QuerySet:
    """Tasks assigned to the viewer in the communities they still belong to."""
    qs = _content(viewer, Task.objects.filter(assignee_id=viewer.id)).select_related(
        "community", "task_list")
    if not include_done:
        qs = qs.exclude(status=Task.Status.DONE)
    return qs.order_by("due_date", "id")


def events(viewer, community, *, upcoming: bool | None = None) -> QuerySet:
    from django.utils import timezone

    qs = _content(viewer, Event.objects.filter(community=community))
    if upcoming is True:
        qs = qs.filter(starts_at__gte=timezone.now())
    elif upcoming is False:
        qs = qs.filter(starts_at__lt=timezone.now()).order_by("-starts_at")
    return qs.annotate(going=Count("rsvps", filter=Q(rsvps__answer="going")))


def questions(viewer, community, *, which: str = "unanswered") -> QuerySet:
    """Questions of a community: ``unanswered`` (no reply yet), ``open`` (no accepted answer)
    or ``all``; their posts go through the visibility policy."""
    visible = policy.visible_posts(viewer, Post.objects.filter(community=community))
    qs = Question.objects.filter(community=community, post__in=visible.values("id"))
    if which == "unanswered":
        qs = qs.filter(post__replies_count=0, accepted_answer__isnull=True)
    elif which == "open":
        qs = qs.filter(accepted_answer__isnull=True)
    return qs.select_related("post", "post__author", "accepted_answer").order_by("-post_id")


def counts(viewer, community) -> dict[str, int]:
    """How many of each artefact the viewer may see (members only; zeros otherwise)."""
    if not policy.in_community(viewer, community.pk):
        return {}
    return {
        "files": SharedFile.objects.filter(community=community).count(),
        "links": Link.objects.filter(community=community).count(),
        "ideas": Idea.objects.filter(community=community).count(),
        "tasks": Task.objects.filter(community=community).exclude(status="done").count(),
        "events": Event.objects.filter(community=community).count(),
        "questions": questions(viewer, community, which="unanswered").count(),
    }


def community_by_id(community_id) -> Community | None:
    return Community.objects.filter(pk=community_id).first()


# --- Administration (administrators only) -------------------------------------------------

MANAGE_STATES = ("active", "archived")


def _archived() -> Q:
    from django.utils import timezone

    return Q(archived_at__isnull=False) | Q(deadline__lte=timezone.now())


def manage_counts(actor) -> dict[str, int]:
    """How many communities there are, and how many are archived (for the overview)."""
    from essaim.accounts.actions.manage import check_admin

    check_admin(actor)
    return Community.objects.aggregate(
        communities=Count("pk"), archived_communities=Count("pk", filter=_archived()))


def manage_communities(actor, *, text: str = "", kind: str = "", state: str = "") -> QuerySet:
    """Every community, secret ones included, for the administration's list (names, kinds,
    owners and sizes; never their content)."""
    from essaim.accounts.actions.manage import check_admin

    check_admin(actor)
    found = Community.objects.all()
    text = (text or "").strip()[:100]
    if text:
        found = found.filter(Q(name__icontains=text) | Q(slug__icontains=text))
    if kind in Community.Kind.values:
        found = found.filter(kind=kind)
    if state == "archived":
        found = found.filter(_archived())
    elif state == "active":
        found = found.exclude(_archived())
    from django.db.models import Prefetch

    owners = Membership.objects.filter(role="owner").select_related("user")\
        .order_by("user__username")
    return found.prefetch_related(Prefetch("memberships", queryset=owners, to_attr="owners"))\
        .order_by("name")


def manage_leaders(actor, community) -> QuerySet:
    """The owners and animators of a community, owners first (administrators only)."""
    from essaim.accounts.actions.manage import check_admin

    check_admin(actor)
    return (Membership.objects.filter(community=community, role__in=["owner", "animator"])
            .select_related("user").order_by("-role", "user__username"))
