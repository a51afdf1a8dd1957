"""Shared plumbing for the web views: access decorator, error answers, redirects, feeds."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from essaim.advocacy.impressions import note_shown
from essaim.core.errors import EssaimError
from essaim.core.pagination import Cursor
from essaim.posts.queries import hydrate

PAGE_SIZE = 20


def web_view(*, login: bool = True, methods: tuple = ("GET",)):
    """Wrap a view: method check, sign-in and clean error answers (who may read what is the
    policy's to say: the view asks it and this translates its refusal)."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in methods:
                return HttpResponse(_("Method not allowed."), status=405,
                                    headers={"Allow": ", ".join(methods)})
            if login and not request.user.is_authenticated:
                return _to_login(request)
            try:
                return view(request, *args, **kwargs)
            except EssaimError as exc:
                return error_response(request, exc)

        return wrapper

    return decorate


def _to_login(request):
    if request.htmx:
        return HttpResponse(status=401, headers={"HX-Redirect": reverse("web:login")})
    return redirect_to_login(request.get_full_path(), reverse("web:login"))


def error_response(request, exc: EssaimError):
    """An action refused: a toast for htmx, a message and redirect for forms, else a page."""
    if request.htmx:
        response = render(request, "web/partials/toast.html",
                          {"message": exc.message, "level": "error"}, status=exc.status)
        response["HX-Retarget"] = "#toasts"
        response["HX-Reswap"] = "beforeend"
        return response
    if request.method == "POST":
        messages.error(request, exc.message)
        return redirect(back_url(request))
    return render(request, "web/error.html", {"message": exc.message, "status": exc.status},
                  status=exc.status)


def is_safe(request, url: str | None) -> bool:
    return bool(url) and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure())


def back_url(request, fallback: str = "web:home") -> str:
    """Where to go after a form: ``next``, else the page the form was on, else ``fallback``."""
    for candidate in (request.POST.get("next"), request.GET.get("next"),
                      request.headers.get("Referer")):
        if is_safe(request, candidate):
            return candidate
    return reverse(fallback)


def done(request, message: str | None = None, fallback: str = "web:home"):
    """Answer a successful form post without htmx: flash a message and go back."""
    if message:
        messages.success(request, message)
    return redirect(back_url(request, fallback))


def cursor_from(request) -> Cursor:
    return Cursor.parse(request.GET, default=PAGE_SIZE, maximum=40)


def with_params(request, **params) -> str:
    query = request.GET.copy()
    for key in ("partial", "since_id", "min_id"):
        query.pop(key, None)
    for key, value in params.items():
        query[key] = value
    return f"{request.path}?{query.urlencode()}"


def filtered_cards(viewer, posts: list, context: str | None) -> list:
    """Cards of posts as the reader's keyword filters want them in ``context``: those a
    ``hide`` filter caught left out, the others marked with the filters that caught them."""
    from essaim.filters.models import Action
    from essaim.filters.queries import apply

    posts, caught = apply(viewer, posts, context)
    cards = hydrate(viewer, posts)
    for card in cards:
        found = caught.get(card.entry.id)
        if found:
            card.filtered = [r.filter.title for r in found]
            card.filter_action = Action.WARN if any(
                r.filter.action == Action.WARN for r in found) else Action.BLUR
    return cards


def feed_context(request, page, filter_context: str | None = None) -> dict:
    """Cards of one timeline page and the link to the next (older) page."""
    cards = filtered_cards(request.user, page.posts, filter_context)
    note_shown(request.user, [c.entry for c in cards])
    more = with_params(request, max_id=page.next_max_id) if page.next_max_id else None
    return {"cards": cards, "next_url": more, "page": page,
            "next_partial_url": partial_url(more) if more else None}


def render_feed(request, template: str, page, context: dict | None = None, *,
                filter_context: str | None = None):
    """A full page, or only its cards and "load more" when htmx asks for the next page
    (``filter_context``: where the reader's keyword filters apply, e.g. "home")."""
    data = {**(context or {}), **feed_context(request, page, filter_context)}
    if request.htmx and request.GET.get("partial") == "feed":
        return render(request, "web/partials/feed_page.html", data)
    return render(request, template, data)


def partial_url(url: str) -> str:
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}{urlencode({'partial': 'feed'})}"
