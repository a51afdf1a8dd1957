from __future__ import annotations

from django.db.models import QuerySet

from essaim import visibility as policy
from essaim.core.pagination import Cursor, paginate_ids

from .models import Notification


def notifications_for(user, kinds: list[str] | None = None,
                      exclude: list[str] | None = None) -> QuerySet:
    qs = policy.visible_notifications(user, Notification.objects.all())
    if kinds:
        qs = qs.filter(kind__in=kinds)
    if exclude:
        qs = qs.exclude(kind__in=exclude)
    return qs.select_related("actor", "actor__department", "post", "post__author", "community")


def page(user, cursor: Cursor, **filters) -> list[Notification]:
    return paginate_ids(notifications_for(user, **filters), cursor)


def unread_count(user) -> int:
    return notifications_for(user).filter(read_at__isnull=True).count()
