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
    """Record when a person was last active (drives fan-out to active followers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            from .actions.profile import do_touch_activity

            do_touch_activity(user)
        return self.get_response(request)
