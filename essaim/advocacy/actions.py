"""Writes of the advocacy app: share links and shares, visits, campaigns, profiles."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core.errors import NotFound, PermissionDenied, ValidationFailed

from . import policy
from .models import AdvocacyProfile, Campaign, Network, Share, ShareLink, Visit

CAMPAIGN_TEXT_MAX = 1000


def absolute(path: str) -> str:
    scheme = "https" if getattr(settings, "ESSAIM_SECURE_COOKIES", False) else "http"
    return f"{scheme}://{settings.DOMAIN}{path}"


def link_url(link: ShareLink, network: str = "") -> str:
    path = reverse("web:share_link", args=[link.code])
    return absolute(f"{path}?{urlencode({'via': network})}" if network else path)


def do_get_share_link(viewer, post_id) -> ShareLink:
    """The caller's personal tracked link to a public post, made on first share."""
    post = policy.access_shareable(viewer, post_id)
    found = ShareLink.objects.filter(post_id=post.id, sharer_id=viewer.id).first()
    if found:
        return found
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return ShareLink.objects.create(post=post, sharer=viewer,
                                                code=secrets.token_urlsafe(6))
        except IntegrityError:  # a code collision, or the same person's link made meanwhile
            found = ShareLink.objects.filter(post_id=post.id, sharer_id=viewer.id).first()
            if found:
                return found
    raise ValidationFailed(_("Could not make a share link, please try again."))


def check_network(network: str) -> str:
    if network not in Network.values:
        raise ValidationFailed(_("Unknown network %(network)s: use one of %(known)s.")
                               % {"network": network, "known": ", ".join(Network.values)},
                               field="network")
    return network


def do_share(viewer, post_id, network: str) -> tuple[ShareLink, str]:
    """Record a share and return the link with the network's share URL (or the link)."""
    check_network(network)
    link = do_get_share_link(viewer, post_id)
    Share.objects.create(link=link, network=network, created_at=timezone.now())
    return link, share_target(link, network, suggested_text(link.post, network))


def suggested_text(post, network: str) -> str:
    campaign = Campaign.objects.filter(post_id=post.id).first()
    if campaign is None:
        return ""
    return (campaign.texts or {}).get(network) or (campaign.texts or {}).get("default", "")


def share_target(link: ShareLink, network: str, text: str = "") -> str:
    """Plain share URLs of the networks (no third-party script anywhere)."""
    url = link_url(link, network)
    if network == Network.LINKEDIN:
        return "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})
    if network == Network.X:
        return "https://twitter.com/intent/tweet?" + urlencode({"url": url, "text": text})
    if network == Network.FACEBOOK:
        return "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})
    if network == Network.EMAIL:
        body = f"{text}\n\n{url}" if text else url
        return f"mailto:?subject={quote(_('Worth a read'))}&body={quote(body)}"
    return url


# --- external visits ------------------------------------------------------------------

def visitor_hash(ip: str, agent: str, day) -> str:
    """A salted hash of IP and User-Agent whose salt changes every day (never stored raw)."""
    salt = hmac.new(settings.SECRET_KEY.encode(), f"advocacy-visitor:{day}".encode(),
                    hashlib.sha256).digest()
    return hmac.new(salt, f"{ip}|{agent}".encode(), hashlib.sha256).hexdigest()[:40]


def access_link(code: str) -> ShareLink:
    link = ShareLink.objects.select_related("post", "post__author").filter(code=code).first()
    if link is None or not link.post.author.is_active:
        raise NotFound(_("This link does not exist or no longer works."))
    return link


def _flooding(ip: str) -> bool:
    """More than ESSAIM_RATE_VISIT openings from one address in the window.

    Kept in the cache: an evicted counter only means a few more rows deduplicated anyway.
    """
    from django.core.cache import cache

    from essaim.core.ratelimit import parse_rate

    limit, window = parse_rate(getattr(settings, "ESSAIM_RATE_VISIT", "30/60"))
    key = f"advocacy-visit:{ip}:{int(timezone.now().timestamp() // window)}"
    if cache.add(key, 1, timeout=window + 1):
        return False
    try:
        return cache.incr(key) > limit
    except ValueError:
        return False


def do_record_visit(link: ShareLink, *, kind: str | None, visitor: str, network: str,
                    ip: str) -> bool:
    """Count one visit (or preview) per visitor and day; a flood from one address counts once.

    Returns whether a new row was written.
    """
    if kind is None:
        return False
    network = network if network in Network.values else ""
    if _flooding(ip):
        return False  # a flood from one address: it was counted already
    _row, created = Visit.objects.get_or_create(
        link=link, visitor=visitor[:64], day=timezone.localdate(), kind=kind,
        defaults={"network": network})
    return created


# --- campaigns and profiles -------------------------------------------------------------

def do_start_campaign(viewer, post_id, *, name: str, texts: dict[str, str],
                      starts_at: datetime | None = None, days: int = 14) -> Campaign:
    post = policy.access_shareable(viewer, post_id)
    if not policy.may_run_campaign(viewer, post):
        raise PermissionDenied(_("Only the communication team and the official account's "
                                 "delegates can ask to amplify a post."))
    if not 1 <= days <= 365:
        raise ValidationFailed(_("A campaign lasts from 1 to 365 days."), field="days")
    clean = {}
    for network, text in (texts or {}).items():
        if network != "default":
            check_network(network)
        text = (text or "").strip()
        if len(text) > CAMPAIGN_TEXT_MAX:
            raise ValidationFailed(_("A suggested text has at most %(n)s characters.")
                                   % {"n": CAMPAIGN_TEXT_MAX}, field="texts")
        if any(ord(c) < 32 and c not in "\n\r\t" for c in text):
            raise ValidationFailed(_("Remove the control characters from the text."),
                                   field="texts")
        if text:
            clean[network] = text
    from django.utils.text import slugify

    slug = slugify(name)[:60] or f"post-{post.id}"
    start = starts_at or timezone.now()
    campaign, _created = Campaign.objects.update_or_create(
        post=post, defaults={"name": slug, "created_by": viewer, "starts_at": start,
                             "ends_at": start + timedelta(days=days), "texts": clean})
    return campaign


def do_end_campaign(viewer, post_id) -> None:
    post = policy.access_shareable(viewer, post_id)
    if not policy.may_run_campaign(viewer, post):
        raise PermissionDenied(_("Only the communication team and the official account's "
                                 "delegates can end a campaign."))
    Campaign.objects.filter(post=post).update(ends_at=timezone.now())


def do_set_badge(viewer, show: bool) -> AdvocacyProfile:
    profile, _created = AdvocacyProfile.objects.get_or_create(user=viewer)
    profile.show_badge = bool(show)
    profile.save(update_fields=["show_badge"])
    return profile


def do_set_communication(admin, user, on: bool) -> AdvocacyProfile:
    if not policy.is_admin(admin):
        raise PermissionDenied(_("Only admins can change the communication team."))
    if on and not user.is_employee:
        raise ValidationFailed(_("Only employees can join the communication team."))
    profile, _created = AdvocacyProfile.objects.get_or_create(user=user)
    profile.communication = bool(on)
    profile.save(update_fields=["communication"])
    return profile
