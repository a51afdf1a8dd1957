"""Helpers shared by the endpoint modules: fetching by ID through the policy, list pages."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import NotFound
from essaim.core.pagination import MAX_ID, Cursor, paginate_ids

from ..http import json_response
from ..pagination import ACCOUNTS_LIMIT, link_header
from ..serializers.accounts import accounts as account_entities


def as_id(value) -> int:
    try:
        number = int(str(value))
    except (TypeError, ValueError) as exc:
        raise NotFound(_("Record not found")) from exc
    if not 0 <= number <= MAX_ID:  # no record has an ID the database cannot hold
        raise NotFound(_("Record not found"))
    return number


def visible_account(viewer, account_id):
    """An account the viewer may see, or 404 (guests and anonymous see only themselves)."""
    User = get_user_model()
    account = policy.visible_accounts(viewer, User.objects.filter(pk=as_id(account_id))).first()
    if account is None:
        raise NotFound(_("Record not found"))
    return account


def any_account(account_id):
    """The account with this ID, for actions that check access themselves (block, follow)."""
    account = get_user_model().objects.filter(pk=as_id(account_id)).first()
    if account is None:
        raise NotFound(_("Record not found"))
    return account


def id_list(values) -> list[int]:
    out = []
    for value in values:
        try:
            number = int(str(value))
        except (TypeError, ValueError):
            continue
        if 0 <= number <= MAX_ID:  # larger IDs match nothing (and would overflow the query)
            out.append(number)
    return out


def accounts_page(request, rows_qs, field: str, *, maximum: int = ACCOUNTS_LIMIT):
    """Accounts from relation rows (follows, blocks, likes…), paginated by the rows' IDs."""
    viewer = request.viewer
    cursor = Cursor.parse(request.params, default=40, maximum=maximum)
    rows = paginate_ids(rows_qs, cursor)
    people = [getattr(r, field) for r in rows]
    User = get_user_model()
    allowed = set(policy.visible_accounts(viewer, User.objects.filter(
        id__in=[p.id for p in people])).values_list("id", flat=True))
    data = account_entities(viewer, [p for p in people if p.id in allowed], request)
    response = json_response(data)
    header = link_header(request, rows[-1].id if len(rows) >= cursor.limit else None,
                         rows[0].id if rows else None)
    if header:
        response["Link"] = header
    return response
