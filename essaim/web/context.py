from django.conf import settings
from django.utils.functional import SimpleLazyObject


def _rail(user) -> dict:
    """The side column: hashtags one follows and one's lists (loaded only when shown)."""
    from essaim.graph import queries as graph_queries
    from essaim.posts.models import Hashtag

    tags = Hashtag.objects.filter(id__in=graph_queries.followed_hashtag_ids(user))
    return {"tags": list(tags.order_by("name")[:12]),
            "lists": list(graph_queries.lists_of(user)[:12])}


def _may_read_advocacy(user) -> bool:
    from essaim.advocacy.policy import may_read_dashboard

    return may_read_dashboard(user)


def _may_moderate(user) -> bool:
    from essaim.moderation.reports import may_moderate, moderated_reports

    return may_moderate(user) or moderated_reports(user).exists()


def _unread_watches(user) -> int:
    from essaim.watches.queries import unread_total

    return unread_total(user)


def essaim(request):
    """Values every page needs: limits, and the signed-in person's unread count."""
    from essaim.media.documents import ACCEPT

    data = {"post_max_chars": settings.ESSAIM_POST_MAX_CHARS, "essaim_domain": settings.DOMAIN,
            "document_accept": ACCEPT}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from essaim.notifications.queries import unread_count

        data["unread_notifications"] = unread_count(user)
        data["rail"] = SimpleLazyObject(lambda: _rail(user))
        data["may_read_advocacy"] = SimpleLazyObject(lambda: _may_read_advocacy(user))
        from essaim.visibility import may_administer, may_read_analytics

        data["may_administer"] = may_administer(user)
        data["may_read_analytics"] = SimpleLazyObject(lambda: may_read_analytics(user))
        data["may_moderate"] = SimpleLazyObject(lambda: _may_moderate(user))
        data["unread_watches"] = SimpleLazyObject(lambda: _unread_watches(user))
    return data
