from __future__ import annotations

from datetime import timedelta

from django.utils import translation

ACTIVITY_RESOLUTION = timedelta(minutes=5)


class UserLanguageMiddleware:
    """Use the signed-in person's chosen language; LocaleMiddleware covers the browser default."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.locale:
            translation.activate(user.locale)
            request.LANGUAGE_CODE = user.locale
        response = self.get_response(request)
        if user is not None and user.is_authenticated and user.locale:
            response.headers.setdefault("Content-Language", user.locale)
        return response


class ActivityMiddleware:
    """Record when a person was last active (drives fan-out to active followers).

    Someone back after a long absence gets their home timeline rebuilt (``note_activity``).
    Bearer-token requests authenticate inside the view, so they are recorded after it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from essaim.timelines.activity import note_activity

        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            note_activity(user)
        response = self.get_response(request)
        after = getattr(request, "user", None)
        if after is not user and after is not None and after.is_authenticated:
            note_activity(after)
        return response
