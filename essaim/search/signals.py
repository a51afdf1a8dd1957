"""Every change to a searchable object schedules its indexing after commit, whoever made it
(actions, the administration, imports): create, edit, visibility change and delete alike."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save

from essaim.communities.models import Community, Idea, Link, SharedFile
from essaim.posts.models import Post

from .models import Kind
from .tasks import extract_soon, index_soon

# Saves that only touch these fields change nothing that is indexed.
_IGNORED = {
    Kind.POST: {"replies_count", "relays_count", "likes_count", "quotes_count", "pinned_at"},
    Kind.ACCOUNT: {"last_login", "last_active_at", "password", "avatar"},
    Kind.COMMUNITY: {"members_count", "reminder_sent_at", "avatar", "cover"},
    Kind.FILE: {"download_count", "versions_count", "size"},
    Kind.IDEA: set(),
    Kind.LINK: set(),
}


def _on_save(kind: str):
    def handler(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
        if raw:
            return
        if update_fields is not None and set(update_fields) <= _IGNORED[kind]:
            return
        index_soon(kind, instance.pk)
    return handler


def _on_delete(kind: str):
    def handler(sender, instance, **kwargs):
        index_soon(kind, instance.pk)
    return handler


def _on_skills(sender, instance, action, pk_set=None, reverse=False, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # skill.users changed
        if pk_set:
            index_soon(Kind.ACCOUNT, *pk_set)
        return
    index_soon(Kind.ACCOUNT, instance.pk)


_HANDLERS: list = []


def connect() -> None:
    models = {Kind.POST: Post, Kind.ACCOUNT: get_user_model(), Kind.COMMUNITY: Community,
              Kind.FILE: SharedFile, Kind.IDEA: Idea, Kind.LINK: Link}
    for kind, model in models.items():
        saved, deleted = _on_save(kind), _on_delete(kind)
        _HANDLERS.extend([saved, deleted])  # signals hold weak references
        post_save.connect(saved, sender=model, dispatch_uid=f"search-save-{kind}")
        post_delete.connect(deleted, sender=model, dispatch_uid=f"search-delete-{kind}")
    connect_parts()
    m2m_changed.connect(_on_skills, sender=get_user_model().skills.through,
                        dispatch_uid="search-skills")
    from essaim.communities.models import FileVersion

    post_save.connect(_on_version, sender=FileVersion, dispatch_uid="search-file-version")


def _on_version(sender, instance, created=False, raw=False, **kwargs):
    """A new version of a community file: read its text for search (in the background)."""
    if created and not raw:
        extract_soon(instance.file_id)


def _on_post_part(sender, instance, raw=False, **kwargs):
    """A poll or an image description belongs to its post's text."""
    if not raw and getattr(instance, "post_id", None):
        index_soon(Kind.POST, instance.post_id)


def connect_parts() -> None:
    from essaim.media.models import MediaAttachment
    from essaim.polls.models import Poll, PollOption

    for model in (Poll, MediaAttachment):
        post_save.connect(_on_post_part, sender=model, dispatch_uid=f"search-part-{model}")
    post_save.connect(_on_option, sender=PollOption, dispatch_uid="search-poll-option")


def _on_option(sender, instance, raw=False, created=False, **kwargs):
    if not raw and created:
        index_soon(Kind.POST, instance.poll.post_id)
