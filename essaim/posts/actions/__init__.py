"""Every write to posts goes through these functions (web UI, APIs and CLI alike)."""

from .compose import check_post_text, do_create_post, do_delete_post, do_edit_post
from .interact import (
    do_bookmark,
    do_like,
    do_pin,
    do_relay,
    do_set_reply_policy,
    do_unbookmark,
    do_unlike,
    do_unpin,
    do_unrelay,
)

__all__ = [
    "check_post_text", "do_create_post", "do_delete_post", "do_edit_post", "do_bookmark",
    "do_like", "do_pin", "do_relay", "do_set_reply_policy", "do_unbookmark", "do_unlike",
    "do_unpin", "do_unrelay",
]
