from __future__ import annotations

from django.conf import settings
from django.db import models


class TimelineEntry(models.Model):
    """One post in one person's home timeline: the database store, and the source of truth."""

    # No index of its own: the unique (owner, post) index starts with it.
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                              db_index=False)
    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="+")
    # Who the entry is "from" (the relayer for relays): lets unfollows remove entries cheaply.
    source = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "post"], name="uniq_timeline_entry")
        ]
        # The unique (owner, post) index serves everything: pages, newest first, read it
        # backwards; removing a source scans one owner's few hundred entries. Each index more
        # would be one more scattered write per entry of every fan-out.


class TimelineFloor(models.Model):
    """Where a trimmed home timeline stops being exact: older pages come from the database.

    No row means the stored timeline is complete.
    """

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 primary_key=True, related_name="+")
    exact_above = models.BigIntegerField()  # entries are exact for post IDs above this one


class Broadcaster(models.Model):
    """An account with so many followers that its posts are merged into homes when read.

    Set by the fan-out when the account reaches ``ESSAIM_BROADCAST_FOLLOWERS``; it stays set
    (home timelines rebuilt while it is set leave its posts out, since reads bring them in).
    """

    account = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                   primary_key=True, related_name="broadcaster")
    since = models.DateTimeField(auto_now_add=True)
