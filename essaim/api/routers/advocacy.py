"""Sharing and reach of public posts, and the advocacy maturity dashboard."""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status

from essaim.advocacy import actions, queries
from essaim.advocacy import policy as advocacy_policy
from essaim.core.errors import ValidationFailed

from ..schemas import ErrorOut

router = Router(tags=["advocacy"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class ShareOut(Schema):
    url: str
    code: str
    share_url: str | None = None


class ReachOut(Schema):
    relays: int
    relayers: int
    sharers: int
    shares_by_network: dict[str, int]
    internal_views: int
    external_visits: int
    previews: int


class AdvocacyOut(Schema):
    days: int
    since: str
    employees: int
    ambassadors: int
    participation_rate: float
    impressions: dict[str, int]
    previews: int
    by_department: list[dict]
    by_week: list[dict]
    top_posts: list[dict]
    earned_media_value: float
    earned_media_value_basis: dict
    listed_ambassadors: list[dict]


def _body_network(request) -> str | None:
    if not request.body or "json" not in request.content_type:
        return request.POST.get("network") if request.method == "POST" else None
    import json

    try:
        data = json.loads(request.body)
    except (ValueError, RecursionError) as exc:
        raise ValidationFailed(_("The body is not valid JSON.")) from exc
    network = data.get("network") if isinstance(data, dict) else None
    if network is not None and not isinstance(network, str):
        raise ValidationFailed(_("network must be a string."), field="network")
    return network


@router.post("/posts/{post_id}/share", response={201: ShareOut, **ERRORS},
             summary="The caller's personal tracked link to a public post")
def share_post(request, post_id: int, network: str | None = None):
    """``network`` (query, or ``{"network": …}`` as a JSON body) records a share on it."""
    network = network or _body_network(request)
    if network:
        link, target = actions.do_share(request.auth, post_id, network)
    else:
        link, target = actions.do_get_share_link(request.auth, post_id), None
    return Status(201, {"url": actions.link_url(link), "code": link.code, "share_url": target})


@router.get("/posts/{post_id}/reach", response={200: ReachOut, **ERRORS},
            summary="Reach of a post (its author, the official account's delegates, admins)")
def post_reach(request, post_id: int):
    return queries.reach(advocacy_policy.access_reach(request.auth, post_id))


@router.get("/analytics/advocacy", response={200: AdvocacyOut, **ERRORS},
            summary="Advocacy maturity: ambassadors and impressions (admins, communication)")
def advocacy(request, days: int = 30):
    advocacy_policy.check_dashboard(request.auth)
    if not 1 <= days <= 365:
        raise ValidationFailed(_("days must be a whole number from 1 to 365."), field="days")
    return queries.advocacy(days)
