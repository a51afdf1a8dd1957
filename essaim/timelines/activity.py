"""People coming back: fan-out skips those away for a while, so their home is rebuilt."""

from __future__ import annotations

from .fanout import is_recently_active
from .store import timeline_store


def note_activity(user) -> bool:
    """Record that ``user`` is here; rebuild their home timeline if they were away.

    Activity is recorded first: a post delivered from then on reaches them, and the rebuild
    reads everything committed before, so nothing falls between the two. Returns whether the
    timeline was rebuilt.
    """
    from essaim.accounts.actions.profile import do_touch_activity

    returning = not is_recently_active(user)
    do_touch_activity(user)
    if returning:
        timeline_store().rebuild(user.id)
    return returning
