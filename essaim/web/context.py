from django.conf import settings


def essaim(request):
    """Values every page needs: limits, and the signed-in person's unread count."""
    data = {"post_max_chars": settings.ESSAIM_POST_MAX_CHARS, "essaim_domain": settings.DOMAIN}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from essaim.notifications.queries import unread_count

        data["unread_notifications"] = unread_count(user)
    return data
