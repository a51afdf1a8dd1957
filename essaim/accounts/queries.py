"""Read helpers for accounts: people suggestions for pickers and @mention completion."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import NotFound

SUGGEST_LIMIT = 8


def suggest_people(viewer, text: str, *, community=None, limit: int = SUGGEST_LIMIT) -> list:
    """People whose username or name starts with ``text`` (or whose name has a word starting
    with it), among those ``viewer`` may see, best matches first.

    With ``community`` (a slug), only its members, and only for a viewer who may read that
    community's content (its member list is members-only).
    """
    text = (text or "").strip().lstrip("@")[:60]
    if not text:
        return []
    people = policy.visible_accounts(viewer, get_user_model().objects.filter(is_active=True))
    if community is not None:
        found = policy.access_community(viewer, community)
        if not policy.in_community(viewer, found.pk):
            raise NotFound(_("This community does not exist or is not visible to you."))
        people = people.filter(community_memberships__community_id=found.pk)
    words = Q(username__istartswith=text) | Q(display_name__istartswith=text) | Q(
        first_name__istartswith=text) | Q(last_name__istartswith=text) | Q(
        display_name__icontains=f" {text}")
    rank = Case(When(username__iexact=text, then=Value(0)),
                When(username__istartswith=text, then=Value(1)),
                default=Value(2), output_field=IntegerField())
    return list(people.filter(words).select_related("department", "organisation")
                .annotate(rank=rank).order_by("rank", "username")[:max(1, min(limit, 20))])

