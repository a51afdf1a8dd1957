"""The names of the real-time channels: the only place they are spelled out.

A channel carries small JSON messages (an event name and IDs, never rendered content): each
subscriber loads what a message points to through the visibility policy, for its own viewer.
"""

from __future__ import annotations


def user(user_id: int) -> str:
    """Someone's home timeline and notifications (``update``, ``notification``, ``delete``…)."""
    return f"user:{int(user_id)}"


def public() -> str:
    """The company-wide flow: original posts that are public or company-visible."""
    return "public"


def hashtag(name: str) -> str:
    return f"hashtag:{name.lower()}"


def account_list(list_id: int) -> str:
    return f"list:{int(list_id)}"


def direct(user_id: int) -> str:
    """Direct (mentioned-only) posts that concern someone."""
    return f"direct:{int(user_id)}"
