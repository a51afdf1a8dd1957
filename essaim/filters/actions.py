"""Creating, changing and deleting filters, their keywords and their posts (one's own only)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core.errors import NotAuthenticated, NotFound, ValidationFailed
from essaim.core.ids import parse_pk
from essaim.core.text import check_clean_text

from .models import Action, Context, Filter, FilterKeyword, FilterStatus

MAX_FILTERS = 100
MAX_KEYWORDS = 100
MAX_EXPIRY = 10 * 365 * 24 * 3600  # seconds


def _owner(user):
    if user is None or not user.is_authenticated or not user.is_active:
        raise NotAuthenticated(_("Sign in to filter posts."))
    return user


def _own(qs, user, pk):
    _owner(user)
    found = qs.filter(pk=parse_pk(pk) or 0).first()
    if found is None:
        raise NotFound(_("Record not found"))
    return found


def access_filter(user, filter_id) -> Filter:
    """One of ``user``'s own filters; anyone else's is not found."""
    return _own(Filter.objects.filter(owner_id=getattr(user, "id", None)), user, filter_id)


def access_keyword(user, keyword_id) -> FilterKeyword:
    return _own(FilterKeyword.objects.select_related("filter").filter(
        filter__owner_id=getattr(user, "id", None)), user, keyword_id)


def access_filter_status(user, status_id) -> FilterStatus:
    return _own(FilterStatus.objects.select_related("filter").filter(
        filter__owner_id=getattr(user, "id", None)), user, status_id)


def check_title(title: str | None) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationFailed(_("A filter needs a title."), field="title")
    check_clean_text(title, _("The title"), "title")
    if len(title) > 100:
        raise ValidationFailed(_("A filter's title has at most 100 characters."),
                               field="title")
    return title


def check_context(values) -> list[str]:
    values = [str(v).strip().lower() for v in (values or []) if str(v).strip()]
    unknown = [v for v in values if v not in Context.values]
    if unknown or not values:
        raise ValidationFailed(_("context is one or more of %(choices)s.")
                               % {"choices": ", ".join(Context.values)}, field="context")
    return sorted(set(values), key=Context.values.index)


def check_action(value: str | None) -> str:
    value = (value or Action.WARN).strip().lower()
    if value not in Action.values:
        raise ValidationFailed(_("filter_action is one of %(choices)s.")
                               % {"choices": ", ".join(Action.values)}, field="filter_action")
    return value


def expiry(expires_in) -> datetime | None:
    """``expires_in`` seconds from now; empty means never."""
    if expires_in in (None, ""):
        return None
    try:
        seconds = int(expires_in)
    except (TypeError, ValueError):
        seconds = -1
    if not 0 < seconds <= MAX_EXPIRY:
        raise ValidationFailed(_("expires_in is a number of seconds, at most ten years."),
                               field="expires_in")
    return timezone.now() + timedelta(seconds=seconds)


def check_keyword(value: str | None) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationFailed(_("A keyword cannot be empty."), field="keyword")
    check_clean_text(value, _("The keyword"), "keyword")
    if len(value) > 200:
        raise ValidationFailed(_("A keyword has at most 200 characters."), field="keyword")
    return value


def _room_for_keywords(f: Filter, adding: int) -> None:
    if f.keywords.count() + adding > MAX_KEYWORDS:
        raise ValidationFailed(_("A filter holds at most %(limit)d keywords.")
                               % {"limit": MAX_KEYWORDS}, field="keywords_attributes")


def do_create_filter(user, *, title, context, action=None, expires_in=None,
                     keywords: Sequence[tuple[str, bool]] = ()) -> Filter:
    _owner(user)
    fields = {"title": check_title(title), "context": check_context(context),
              "action": check_action(action), "expires_at": expiry(expires_in)}
    words = [(check_keyword(k), bool(w)) for k, w in keywords]
    if len(words) > MAX_KEYWORDS:
        raise ValidationFailed(_("A filter holds at most %(limit)d keywords.")
                               % {"limit": MAX_KEYWORDS}, field="keywords_attributes")
    with transaction.atomic():
        if Filter.objects.select_for_update().filter(owner_id=user.id).count() >= MAX_FILTERS:
            raise ValidationFailed(_("You already have %(limit)d filters: delete one first.")
                                   % {"limit": MAX_FILTERS})
        created = Filter.objects.create(owner=user, **fields)
        FilterKeyword.objects.bulk_create([FilterKeyword(filter=created, keyword=k,
                                                         whole_word=w) for k, w in words])
    return created


def do_update_filter(user, filter_id, *, title=None, context=None, action=None,
                     expires_in=..., keywords: Sequence[dict] = ()) -> Filter:
    """Change a filter; ``keywords`` are Mastodon's ``keywords_attributes``: ``{"keyword",
    "whole_word"}`` adds one, with an ``id`` changes it, with ``_destroy`` removes it."""
    f = access_filter(user, filter_id)
    if title is not None:
        f.title = check_title(title)
    if context is not None:
        f.context = check_context(context)
    if action is not None:
        f.action = check_action(action)
    if expires_in is not ...:
        f.expires_at = expiry(expires_in)
    changes: list[tuple[FilterKeyword | None, dict]] = []
    for item in keywords:
        if item.get("id") not in (None, ""):
            keyword = FilterKeyword.objects.filter(pk=parse_pk(item["id"]) or 0, filter=f).first()
            if keyword is None:
                raise NotFound(_("Record not found"))
            changes.append((keyword, item))
        else:
            changes.append((None, item))
    with transaction.atomic():
        f.save()
        for keyword, item in changes:
            if keyword is not None and _truthy(item.get("_destroy")):
                keyword.delete()
            elif keyword is not None:
                if item.get("keyword") is not None:
                    keyword.keyword = check_keyword(item["keyword"])
                if item.get("whole_word") is not None:
                    keyword.whole_word = _truthy(item["whole_word"])
                keyword.save()
            elif not _truthy(item.get("_destroy")):
                FilterKeyword.objects.create(filter=f, keyword=check_keyword(item.get("keyword")),
                                             whole_word=_truthy(item.get("whole_word", True)))
        _room_for_keywords(f, 0)
    return f


def _truthy(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "on", "yes")


def do_delete_filter(user, filter_id) -> None:
    access_filter(user, filter_id).delete()


def do_add_keyword(user, filter_id, keyword, whole_word=True) -> FilterKeyword:
    f = access_filter(user, filter_id)
    _room_for_keywords(f, 1)
    return FilterKeyword.objects.create(filter=f, keyword=check_keyword(keyword),
                                        whole_word=_truthy(whole_word))


def do_update_keyword(user, keyword_id, keyword=None, whole_word=None) -> FilterKeyword:
    found = access_keyword(user, keyword_id)
    if keyword is not None:
        found.keyword = check_keyword(keyword)
    if whole_word is not None:
        found.whole_word = _truthy(whole_word)
    found.save()
    return found


def do_delete_keyword(user, keyword_id) -> None:
    access_keyword(user, keyword_id).delete()


def do_add_filter_status(user, filter_id, status_id) -> FilterStatus:
    """Filter one post (one the person may see: others are not found)."""
    from essaim.visibility import access_post

    f = access_filter(user, filter_id)
    post = access_post(user, status_id)
    found, _created = FilterStatus.objects.get_or_create(filter=f, post=post)
    return found


def do_delete_filter_status(user, status_id) -> None:
    access_filter_status(user, status_id).delete()
