"""The idea box: submit, vote (once per member), comment, credit connectors, set status."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core.errors import NotFound, PermissionDenied, ValidationFailed

from ..access import member_for_writing
from ..models import Idea, IdeaComment, IdeaCredit, IdeaVote, Membership
from ..models.community import MODERATING_ROLES
from .communities import check_text

Status = Idea.Status
TRANSITIONS = {
    Status.NEW: {Status.REVIEW, Status.DECLINED},
    Status.REVIEW: {Status.ACCEPTED, Status.DECLINED, Status.NEW},
    Status.ACCEPTED: {Status.DONE, Status.DECLINED},
    Status.DONE: {Status.ACCEPTED},
    Status.DECLINED: {Status.REVIEW},
}


def _member_of(community, account) -> None:
    if not Membership.objects.filter(community=community, user=account).exists():
        raise ValidationFailed(_("%(name)s is not a member of this community.")
                               % {"name": account.name}, field="author")


def do_submit_idea(user, community, title: str, *, description: str = "", author=None,
                   origin: str = "") -> Idea:
    """Submit an idea; when it is someone else's (``author``), the submitter is credited
    for relaying it."""
    member_for_writing(user, community)
    title = check_text(title, 200, "title")
    if not title:
        raise ValidationFailed(_("An idea needs a title."), field="title")
    author = author or user
    if author.id != user.id:
        _member_of(community, author)
    with transaction.atomic():
        idea = Idea.objects.create(community=community, title=title,
                                   description=check_text(description, 4000, "description"),
                                   author=author, submitted_by=user,
                                   origin=check_text(origin, 200, "origin"))
        if author.id != user.id:
            IdeaCredit.objects.create(idea=idea, user=user, kind=IdeaCredit.Kind.RELAYED)
    return idea


def do_vote_idea(user, idea: Idea) -> Idea:
    member_for_writing(user, idea.community)
    if idea.status in (Status.DONE, Status.DECLINED):
        raise ValidationFailed(_("Voting is closed for this idea."))
    try:
        with transaction.atomic():
            IdeaVote.objects.create(idea=idea, user=user)
            Idea.objects.filter(pk=idea.pk).update(votes_count=F("votes_count") + 1)
    except IntegrityError as exc:
        raise ValidationFailed(_("You have already voted for this idea.")) from exc
    idea.refresh_from_db()
    return idea


def do_unvote_idea(user, idea: Idea) -> Idea:
    member_for_writing(user, idea.community)
    with transaction.atomic():
        deleted, _rows = IdeaVote.objects.filter(idea=idea, user=user).delete()
        if deleted:
            Idea.objects.filter(pk=idea.pk, votes_count__gt=0).update(
                votes_count=F("votes_count") - 1)
    idea.refresh_from_db()
    return idea


def do_comment_idea(user, idea: Idea, text: str) -> IdeaComment:
    member_for_writing(user, idea.community)
    text = check_text(text, 2000, "text")
    if not text:
        raise ValidationFailed(_("A comment cannot be empty."), field="text")
    with transaction.atomic():
        comment = IdeaComment.objects.create(idea=idea, author=user, text=text)
        Idea.objects.filter(pk=idea.pk).update(comments_count=F("comments_count") + 1)
    return comment


def do_credit_idea(user, idea: Idea, account, note: str = "") -> IdeaCredit:
    """Record that ``account`` connected the idea to the people who can make it happen."""
    member_for_writing(user, idea.community)
    _member_of(idea.community, account)
    credit, _created = IdeaCredit.objects.get_or_create(
        idea=idea, user=account, kind=IdeaCredit.Kind.CONNECTED,
        defaults={"note": check_text(note, 300, "note")})
    return credit


def do_set_idea_status(user, idea: Idea, status: str) -> Idea:
    """Move an idea through new → under review → accepted → done (or declined): animators."""
    membership = member_for_writing(user, idea.community)
    if membership.role not in MODERATING_ROLES:
        raise PermissionDenied(_("Only the community's owners and animators can change an "
                                 "idea's status."))
    if status not in Status.values:
        raise ValidationFailed(_("Unknown status."), field="status")
    if status != idea.status and status not in TRANSITIONS[Status(idea.status)]:
        raise ValidationFailed(_("An idea cannot go from “%(old)s” to “%(new)s”.") % {
            "old": Status(idea.status).label, "new": Status(status).label}, field="status")
    idea.status = status
    idea.status_changed_at = timezone.now()
    idea.status_changed_by = user
    idea.save(update_fields=["status", "status_changed_at", "status_changed_by"])
    return idea


def do_delete_idea(user, idea: Idea) -> None:
    membership = member_for_writing(user, idea.community)
    if membership.role not in MODERATING_ROLES and idea.submitted_by_id != user.id:
        raise PermissionDenied(_("Only the person who submitted this idea or an animator can "
                                 "delete it."))
    idea.delete()


def access_comment(idea: Idea, comment_id) -> IdeaComment:
    found = IdeaComment.objects.filter(idea=idea, pk=comment_id).first()
    if found is None:
        raise NotFound(_("This comment does not exist."))
    return found
