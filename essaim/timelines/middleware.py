"""Record that a signed-in browser session is here (bearer tokens record it when they
authenticate: ``api.auth`` and ``mastodon_api.http``)."""

from __future__ import annotations

from .activity import note_activity


class ActivityMiddleware:
    """Drives fan-out to active followers; someone back after a long absence gets their home
    timeline rebuilt (``note_activity``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            note_activity(user)
        return self.get_response(request)
