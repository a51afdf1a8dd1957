"""Reports from apps' report screens, and the instance rules (the code of conduct)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from essaim.core.errors import NotFound, ValidationFailed
from essaim.moderation import conduct
from essaim.moderation.reports import do_report

from ..http import api, json_response
from ..serializers.accounts import accounts as account_entities
from ..serializers.common import iso

# Mastodon's categories in Essaim's words.
CATEGORIES = {"spam": "spam", "legal": "illegal", "violation": "other", "other": "other"}


@api(auth="optional")
def rules(request):
    return json_response(conduct.rules(conduct.current(), get_language() or "en"))


@api("write:reports")
def create(request):
    p = request.params
    category = CATEGORIES.get((p.str("category") or "other").lower())
    if category is None:
        raise ValidationFailed(_("Unknown category: spam, legal, violation or other."),
                               field="category")
    status_ids = [s for s in p.getlist("status_ids") if str(s).strip()]
    account = None
    if p.str("account_id"):
        try:
            account = get_user_model().objects.filter(pk=int(p.str("account_id"))).first()
        except ValueError:
            account = None
        if account is None:
            raise NotFound(_("Record not found"))
    if not status_ids and account is None:
        raise ValidationFailed(_("Give account_id or status_ids."), field="account_id")
    comment, rule_ids = p.str("comment", "") or "", p.getlist("rule_ids")
    reports = [do_report(request.viewer, post_id=s, category=category, comment=comment,
                         rule_ids=rule_ids) for s in status_ids[:20]]
    if not reports:
        reports = [do_report(request.viewer, username=account.username, category=category,
                             comment=comment, rule_ids=rule_ids)]
    first = reports[0]
    return json_response({
        "id": str(first.pk), "action_taken": False, "action_taken_at": None,
        "category": p.str("category") or "other", "comment": first.comment,
        "forwarded": False, "created_at": iso(first.created_at),
        "status_ids": [str(r.post_id) for r in reports if r.post_id],
        "rule_ids": [str(r) for r in first.rule_ids],
        "target_account": account_entities(request.viewer, [first.account], request)[0]})
