from __future__ import annotations

from django.utils import translation


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
