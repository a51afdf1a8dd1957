"""Background work for posts: publishing scheduled posts when their time comes.

Looked for every half minute by the clock of each web process (``essaim serve``), by busy
pages, and by ``essaim posts publish-scheduled`` (for cron); each due post is claimed once.
"""

from __future__ import annotations

import logging
import threading

from django_tasks import task

from essaim.core.jobs import enqueue_at_most_every

log = logging.getLogger(__name__)
EVERY = 30  # seconds


@task()
def publish_scheduled() -> dict:
    from .actions.scheduled import do_publish_due

    return do_publish_due()


def publish_soon() -> None:
    """Enqueue a look for due scheduled posts at most every half minute."""
    enqueue_at_most_every("posts:scheduled", EVERY, publish_scheduled)


def start_clock() -> threading.Thread:
    """A daemon thread of the web process enqueuing the look every half minute, so scheduled
    posts go out on time even when nobody is browsing."""
    from django.db import close_old_connections

    def tick() -> None:
        stop = threading.Event()
        while not stop.wait(EVERY):
            try:
                publish_soon()
            except Exception:  # a database down for a moment: try again at the next tick
                log.exception("scheduled posts: look failed")
            finally:
                close_old_connections()

    thread = threading.Thread(target=tick, name="essaim-clock", daemon=True)
    thread.start()
    return thread
