"""What the communities' endpoints share: their error responses and how a slug or a username
becomes a community or a person the caller may reach (through the one visibility policy)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.communities.access import require_member
from essaim.core.errors import NotFound
from essaim.graph.actions import find_account

from ..schemas import ErrorOut

ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut,
          429: ErrorOut}


def _community(request, slug):
    return policy.access_community(request.auth, slug)


def _member_community(request, slug):
    community = _community(request, slug)
    require_member(request.auth, community)
    return community


def _person(username: str | None):
    account = find_account(username or "")
    if account is None:
        raise NotFound(_("Nobody has the username @%(name)s.")
                       % {"name": (username or "").strip().lstrip("@")})
    return account
