"""People suggestions for the people picker and @mention completion (JSON for static JS)."""

from __future__ import annotations

from django.http import JsonResponse
from django.utils.translation import gettext as _

from essaim.accounts.queries import suggest_people
from essaim.core.errors import EssaimError
from essaim.web.templatetags.essaim_tags import initials_of

from .common import web_view


def _person(account) -> dict:
    place = account.department or account.organisation
    return {"username": account.username, "name": account.name,
            "detail": place.name if place else "", "guest": account.is_guest,
            "initials": initials_of(account)}


@web_view(login=False)
def people(request):
    """``GET /suggest/people?q=<start>[&community=<slug>]``: up to 8 people the policy lets
    the viewer see, as ``{"people": [{"username", "name", "detail", "guest", "initials"}]}``."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Sign in to look people up.")}, status=401)
    try:
        found = suggest_people(request.user, request.GET.get("q", ""),
                               community=request.GET.get("community") or None)
    except EssaimError as exc:
        return JsonResponse({"error": exc.message}, status=exc.status)
    return JsonResponse({"people": [_person(a) for a in found]},
                        headers={"Cache-Control": "private, no-store"})
