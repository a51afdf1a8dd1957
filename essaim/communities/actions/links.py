"""Shared links: bookmarks with the title, description and tags members give them.

No preview is fetched: nothing here makes a request to the address given (no SSRF).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from essaim.core.errors import PermissionDenied, ValidationFailed

from ..access import member_for_writing
from ..models import Link
from ..models.community import MODERATING_ROLES
from .communities import check_tags, check_text


def check_url(url: str) -> str:
    url = (url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as exc:
        raise ValidationFailed(_("Enter a web address starting with http:// or https://."),
                               field="url") from exc
    if len(url) > 2000:
        raise ValidationFailed(_("This address is too long."), field="url")
    return url


def do_add_link(user, community, url: str, *, title: str = "", description: str = "",
                tags="") -> Link:
    member_for_writing(user, community)
    url = check_url(url)
    title = check_text(title, 200, "title") or urlsplit(url).netloc
    return Link.objects.create(community=community, url=url, title=title,
                               description=check_text(description, 1000, "description"),
                               tags=check_tags(tags), created_by=user)


def do_update_link(user, link: Link, *, url=None, title=None, description=None,
                   tags=None) -> Link:
    _check_owner(user, link)
    if url is not None:
        link.url = check_url(url)
    if title is not None:
        link.title = check_text(title, 200, "title") or urlsplit(link.url).netloc
    if description is not None:
        link.description = check_text(description, 1000, "description")
    if tags is not None:
        link.tags = check_tags(tags)
    link.save()
    return link


def do_delete_link(user, link: Link) -> None:
    _check_owner(user, link)
    link.delete()


def _check_owner(user, link: Link) -> None:
    membership = member_for_writing(user, link.community)
    if membership.role not in MODERATING_ROLES and link.created_by_id != user.id:
        raise PermissionDenied(_("Only the person who shared this link or an animator can "
                                 "change it."))
