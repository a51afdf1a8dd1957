"""Community posts: announcements pinned by animators, questions and accepted answers."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import PermissionDenied, ValidationFailed

from ..access import require_member, require_moderator, require_writable
from ..models import Pin, Question
from ..models.community import MODERATING_ROLES

MAX_PINS = 5
MAX_ATTACHED_FILES = 4


def _community_post(viewer, post_id):
    post = policy.access_post(viewer, post_id)
    if post.community_id is None:
        raise ValidationFailed(_("This post is not in a community."))
    return post


def do_pin_announcement(user, post_id) -> Pin:
    post = _community_post(user, post_id)
    community = post.community
    require_moderator(user, community)
    if post.in_reply_to_id is not None:
        raise ValidationFailed(_("Pin a post, not a reply."))
    existing = Pin.objects.filter(post=post).first()
    if existing:
        return existing
    if Pin.objects.filter(community=community).count() >= MAX_PINS:
        raise ValidationFailed(_("A community pins at most %(n)d announcements.")
                               % {"n": MAX_PINS})
    return Pin.objects.create(community=community, post=post, pinned_by=user)


def do_unpin_announcement(user, post_id) -> None:
    post = _community_post(user, post_id)
    require_moderator(user, post.community)
    Pin.objects.filter(post=post).delete()


def do_mark_question(user, post_id) -> Question:
    """Mark a community post as a question (its author or an animator)."""
    post = _community_post(user, post_id)
    membership = require_member(user, post.community)
    require_writable(post.community)
    if post.author_id != user.id and membership.role not in MODERATING_ROLES:
        raise PermissionDenied(_("Only the author or an animator can mark a question."))
    if post.in_reply_to_id is not None:
        raise ValidationFailed(_("A reply cannot be a question; ask in a new post."))
    question, _created = Question.objects.get_or_create(
        post=post, defaults={"community": post.community, "created_at": post.created_at})
    return question


def do_accept_answer(user, question_post_id, answer_post_id) -> Question:
    """The asker or an animator accepts one reply as the answer (or None to clear it)."""
    post = _community_post(user, question_post_id)
    question = Question.objects.filter(post=post).first()
    if question is None:
        raise ValidationFailed(_("This post is not a question."))
    membership = require_member(user, post.community)
    require_writable(post.community)
    if post.author_id != user.id and membership.role not in MODERATING_ROLES:
        raise PermissionDenied(_("Only the asker or an animator can accept an answer."))
    answer = None
    if answer_post_id not in (None, ""):
        answer = policy.access_post(user, answer_post_id)
        root = answer.thread_root_id or answer.id
        if answer.id == post.id or root != post.id:
            raise ValidationFailed(_("The accepted answer must be a reply to the question."))
    with transaction.atomic():
        question.accepted_answer = answer
        question.accepted_by = user if answer else None
        question.accepted_at = timezone.now() if answer else None
        question.save(update_fields=["accepted_answer", "accepted_by", "accepted_at"])
    return question


def do_post_in_community(user, community, text: str, *, question: bool = False,
                         poll_options=None, poll_expires_in=None,
                         poll_multiple: bool = False, in_reply_to=None, file_ids=()):
    """Publish a community post (or a reply in it, ``in_reply_to`` a post ID) through the one
    compose action, optionally marked as a question, carrying a poll or attaching the
    community's files; all or nothing."""
    from essaim.posts.actions import do_create_post

    from ..access import access_file

    options = [o for o in (poll_options or []) if str(o).strip()]
    poll = {"options": options, "expires_in": poll_expires_in,
            "multiple": poll_multiple} if options else None
    ids = list(dict.fromkeys(str(i) for i in file_ids or () if str(i).strip()))
    if len(ids) > MAX_ATTACHED_FILES:
        raise ValidationFailed(_("A post attaches at most %(n)d files.")
                               % {"n": MAX_ATTACHED_FILES}, field="file_ids")
    files = [access_file(user, i, community) for i in ids]
    with transaction.atomic():
        post = do_create_post(user, text, community=community, in_reply_to=in_reply_to,
                              poll=poll)
        if question:
            do_mark_question(user, post.id)
        for shared in files:
            shared.posts.add(post)
    return post
