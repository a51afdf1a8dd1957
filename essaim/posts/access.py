"""Permission-checked fetches of posts for changing them: the answer every surface translates.

Reading goes through the visibility policy (``essaim.visibility.access_post``); these add who
may change or remove a post on top of it.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import NotFound, PermissionDenied

from .models import Post


def access_own_post(user, post_id) -> Post:
    """A post ``user`` may edit: their own, or one of an official account they post for."""
    post = policy.access_post(user, post_id)
    if post.author_id != user.id and not (
        post.author.is_official and post.author.delegates.filter(id=user.id).exists()
    ):
        raise PermissionDenied(_("Only the author can change this post."))
    return post


def access_deletable_post(user, post_id) -> Post:
    """A post ``user`` may delete: as for editing, plus any post for an administrator and a
    community's posts for its owners and animators."""
    post = Post.objects.select_related("author").filter(pk=_as_int(post_id)).first()
    if post is None:
        raise NotFound(_("This post does not exist or is not visible to you."))
    if user.is_staff or _moderates(user, post):
        return post
    return access_own_post(user, post.pk)


def _moderates(user, post: Post) -> bool:
    """Owners and animators of a community may remove its posts."""
    if post.community_id is None:
        return False
    from essaim.communities.queries import role_of

    return role_of(user, post.community_id) in ("owner", "animator")


def _as_int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise NotFound(_("This post does not exist or is not visible to you.")) from exc
