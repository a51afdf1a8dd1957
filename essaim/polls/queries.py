from __future__ import annotations

from django.db.models import Prefetch

from .models import Poll, PollOption, PollVote


def polls_by_post(viewer, post_ids) -> dict[int, Poll]:
    """Polls of the given (already visible) posts, with options and the viewer's own votes."""
    polls = Poll.objects.filter(post_id__in=list(post_ids)).prefetch_related(
        Prefetch("options", queryset=PollOption.objects.order_by("position")))
    out = {p.post_id: p for p in polls}
    votes: dict[int, list[int]] = {}
    if out and viewer is not None and viewer.is_authenticated:
        rows = PollVote.objects.filter(poll_id__in=[p.id for p in out.values()],
                                       account_id=viewer.id).values_list("poll_id",
                                                                         "option__position")
        for poll_id, position in rows:
            votes.setdefault(poll_id, []).append(position)
    for poll in out.values():
        poll.own_votes = sorted(votes.get(poll.id, []))
    return out
