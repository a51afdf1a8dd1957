"""The one activity path: a person is here. People away for a while are skipped by fan-out, so
their home timeline is rebuilt (by a task) when they come back.

Every way in records activity through :func:`note_activity`: the browser session
(``timelines.middleware.ActivityMiddleware``), bearer tokens of the native API
(``api.auth``) and of the Mastodon API (``mastodon_api.http.authenticate``). Reads never do.
"""

from __future__ import annotations

from essaim.core.jobs import enqueue_on_commit

from .rules import is_recently_active
from .store import timeline_store


def note_activity(user) -> bool:
    """Record that ``user`` is here; have their home timeline rebuilt if they were away.

    Activity is recorded first: a post delivered from then on reaches them. Their stored
    timeline is marked stale at once, so reads come from the database until the rebuild task
    (which reads everything committed before it) has run. Returns whether they were away.
    """
    from essaim.accounts.actions.profile import do_touch_activity

    from .tasks import rebuild_timeline

    returning = not is_recently_active(user)
    do_touch_activity(user)
    if returning:
        timeline_store().mark_stale(user.id)
        enqueue_on_commit(rebuild_timeline, user.id)
    return returning
