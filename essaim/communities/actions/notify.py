"""Notifications about communities (invitations, requests, tasks, deadlines)."""

from __future__ import annotations

from essaim.graph.models import Block, Mute
from essaim.notifications.models import Notification
from essaim.realtime import events as realtime


def notify(recipient, kind: str, community, *, actor=None, subject: str = ""):
    """Tell ``recipient`` about ``community``; ``actor`` None means a reminder from Essaim
    itself. Silent for oneself, inactive accounts, blocks and mutes."""
    if not recipient.is_active:
        return None
    if actor is not None:
        if actor.id == recipient.id:
            return None
        if Block.objects.filter(blocker_id__in=[recipient.id, actor.id],
                                blocked_id__in=[recipient.id, actor.id]).exists():
            return None
        if Mute.objects.filter(muter_id=recipient.id, muted_id=actor.id).exists():
            return None
    notification = Notification.objects.create(
        recipient=recipient, actor=actor or recipient, kind=kind, community=community,
        subject=subject[:200])
    realtime.notification_created(notification)
    return notification
