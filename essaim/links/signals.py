"""A card no post points to any more is deleted with its last link, however the post went
(deleted by its author, with its community or its author's account)."""

from __future__ import annotations

from django.db.models.signals import post_delete

from .models import PostLink


def _on_link_deleted(sender, instance, **kwargs):
    from .actions import drop_if_orphan

    drop_if_orphan(instance.card_id)


def connect() -> None:
    post_delete.connect(_on_link_deleted, sender=PostLink, dispatch_uid="links-orphan-cards")
