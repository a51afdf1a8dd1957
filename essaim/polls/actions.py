"""Writes to polls: create one with a post, vote (one ballot per account)."""

from __future__ import annotations

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import NotFound, PermissionDenied, ValidationFailed

from .models import Poll, PollOption, PollVote

MAX_OPTIONS = 4
MAX_OPTION_CHARS = 50
MIN_EXPIRATION = 300  # seconds
MAX_EXPIRATION = 30 * 24 * 3600


def check_poll(options, expires_in) -> tuple[list[str], int]:
    titles = [str(o).strip() for o in options or []]
    if len(titles) < 2:
        raise ValidationFailed(_("A poll needs at least two options."), field="poll")
    if len(titles) > MAX_OPTIONS:
        raise ValidationFailed(_("A poll has at most %(n)d options.") % {"n": MAX_OPTIONS},
                               field="poll")
    if any(not t or len(t) > MAX_OPTION_CHARS for t in titles):
        raise ValidationFailed(_("Each poll option has 1 to %(n)d characters.")
                               % {"n": MAX_OPTION_CHARS}, field="poll")
    if len({t.lower() for t in titles}) != len(titles):
        raise ValidationFailed(_("Poll options must differ."), field="poll")
    try:
        seconds = int(expires_in)
    except (TypeError, ValueError) as exc:
        raise ValidationFailed(_("Say when the poll closes (expires_in, in seconds)."),
                               field="poll") from exc
    if not MIN_EXPIRATION <= seconds <= MAX_EXPIRATION:
        raise ValidationFailed(_("A poll lasts between 5 minutes and 30 days."), field="poll")
    return titles, seconds


def do_create_poll(user, post, options, expires_in, *, multiple: bool = False,
                   hide_totals: bool = False) -> Poll:
    """Attach a poll to the caller's own new post."""
    if post.author_id != user.id and post.posted_by_id != user.id:
        raise PermissionDenied(_("Only the author can add a poll to a post."))
    titles, seconds = check_poll(options, expires_in)
    with transaction.atomic():
        poll = Poll.objects.create(post=post, multiple=multiple, hide_totals=hide_totals,
                                   expires_at=timezone.now() + timedelta(seconds=seconds))
        PollOption.objects.bulk_create(
            [PollOption(poll=poll, position=i, title=t) for i, t in enumerate(titles)])
    return poll


def access_poll(viewer, poll_id) -> Poll:
    """A poll whose post the viewer may see, or NotFound."""
    try:
        poll = Poll.objects.select_related("post").get(pk=int(poll_id))
    except (Poll.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFound(_("This poll does not exist or is not visible to you.")) from exc
    policy.access_post(viewer, poll.post_id)
    return poll


def do_vote(user, poll_id, choices) -> Poll:
    poll = access_poll(user, poll_id)
    if poll.expired:
        raise ValidationFailed(_("This poll is closed."), field="choices")
    try:
        positions = sorted({int(c) for c in choices})
    except (TypeError, ValueError) as exc:
        raise ValidationFailed(_("Choices are option numbers."), field="choices") from exc
    if not positions:
        raise ValidationFailed(_("Choose at least one option."), field="choices")
    if len(positions) > 1 and not poll.multiple:
        raise ValidationFailed(_("This poll takes a single choice."), field="choices")
    options = list(poll.options.filter(position__in=positions))
    if len(options) != len(positions):
        raise ValidationFailed(_("Unknown poll option."), field="choices")
    try:
        with transaction.atomic():
            Poll.objects.select_for_update().filter(pk=poll.pk).first()
            if PollVote.objects.filter(poll=poll, account=user).exists():
                raise ValidationFailed(_("You have already voted on this poll."),
                                       field="choices")
            PollVote.objects.bulk_create(
                [PollVote(poll=poll, option=o, account=user) for o in options])
            PollOption.objects.filter(pk__in=[o.pk for o in options]).update(
                votes_count=F("votes_count") + 1)
            Poll.objects.filter(pk=poll.pk).update(votes_count=F("votes_count") + len(options),
                                                   voters_count=F("voters_count") + 1)
    except IntegrityError as exc:
        raise ValidationFailed(_("You have already voted on this poll."),
                               field="choices") from exc
    poll.refresh_from_db()
    return poll
