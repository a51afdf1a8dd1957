"""Notifications about communities (invitations, requests, tasks, deadlines)."""

from __future__ import annotations


def notify(recipient, kind: str, community, *, actor=None, subject: str = ""):
    """Tell ``recipient`` about ``community``; ``actor`` None means a reminder from Essaim
    itself. The one notification action decides (silent for oneself, blocks and mutes)."""
    from essaim.notifications.actions import do_notify

    return do_notify(recipient, actor, kind, community=community, subject=subject)
