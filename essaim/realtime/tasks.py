"""Real-time work that needs every recipient of a post: run as a task, never in the request."""

from __future__ import annotations

from django_tasks import task


@task()
def publish_post_edited(post_id: int) -> int:
    """Tell every stream that shows the post that it changed; returns how many channels."""
    from essaim.posts.models import Post
    from essaim.timelines.recipients import recipients

    from .events import _post_channels, _post_message, publish_on_commit

    post = (Post.objects.select_related("author", "relay_of", "relay_of__author")
            .filter(pk=post_id).first())
    if post is None:  # deleted meanwhile: its delete event says enough
        return 0
    targets = _post_channels(post, recipients(post))
    publish_on_commit(targets, _post_message("status.update", post))
    return len(targets)
