"""Notifications that follow from a new post: mentions, replies, quotes."""

from __future__ import annotations

from .actions import do_notify
from .models import Notification


def notify_about_new_post(post) -> None:
    if post.relay_of_id:
        return  # relay notifications are sent by the relay action itself
    notified: set[int] = set()
    if post.in_reply_to_id and post.in_reply_to is not None:
        target = post.in_reply_to.author
        if do_notify(target, post.author, Notification.Kind.REPLY, post):
            notified.add(target.id)
    if post.quote_of_id and post.quote_of is not None:
        target = post.quote_of.author
        if target.id not in notified and do_notify(target, post.author,
                                                   Notification.Kind.QUOTE, post):
            notified.add(target.id)
    for account in post.mentions.all():
        if account.id not in notified:
            do_notify(account, post.author, Notification.Kind.MENTION, post)
