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


ENROLMENT_FREE = ("/settings/two-factor/", "/logout/", "/login/", "/static/", "/media/",
                  "/api/", "/oauth/", "/.well-known/", "/nodeinfo/", "/favicon.ico",
                  "/about/rules/", "/i18n/")


class RequireTwoFactorMiddleware:
    """When the company requires two-factor authentication, web pages send the people it
    concerns who have not turned it on to its settings page first (APIs are untouched: their
    tokens come from a sign-in that already asked for it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated and request.method == "GET"
                and not request.path.startswith(ENROLMENT_FREE) and _must_enrol(user)):
            from django.shortcuts import redirect

            return redirect("web:settings_two_factor")
        return self.get_response(request)


def _must_enrol(user) -> bool:
    from django.core.cache import cache

    from . import twofactor
    from .models import SecurityPolicy

    rule = cache.get("essaim:two-factor-rule")
    if rule is None:
        rule = SecurityPolicy.current().require_two_factor
        cache.set("essaim:two-factor-rule", rule, 30)
    if rule == SecurityPolicy.Require.NOBODY:
        return False
    return twofactor.is_required(user, rule) and not twofactor.is_enabled(user)
