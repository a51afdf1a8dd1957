"""Saving, changing and deleting watches, and reading them (which clears their unread count)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core.errors import NotAuthenticated, NotFound, ValidationFailed
from essaim.core.ids import parse_pk
from essaim.core.text import check_clean_text
from essaim.search.query import parse

from .matching import anchor_of, resolved_filters
from .models import Delivery, Watch

MAX_WATCHES = 100
MAX_NAME = 100


def _owner(user):
    if user is None or not user.is_authenticated or not user.is_active:
        raise NotAuthenticated(_("Sign in to watch a subject."))
    return user


def access_watch(user, watch_id) -> Watch:
    """One of ``user``'s own watches; anyone else's is not found (nobody reads another's)."""
    _owner(user)
    pk = parse_pk(watch_id)
    watch = Watch.objects.filter(pk=pk, owner_id=user.id).first() if pk else None
    if watch is None:
        raise NotFound(_("This watch does not exist."))
    return watch


def check_delivery(value: str | None) -> str:
    value = (value or Delivery.INSTANT).strip().lower()
    if value not in Delivery.values:
        raise ValidationFailed(_("delivery is one of %(choices)s (got “%(value)s”).")
                               % {"choices": ", ".join(Delivery.values), "value": value},
                               field="delivery")
    return value


def _checked_query(user, query: str | None) -> tuple[str, dict]:
    """The query, parsed as a search is (same messages), with every filter resolved for its
    owner, and its anchor. A community filter must name a community the owner belongs to."""
    from essaim import visibility as policy

    parsed = parse(query, prefix_last=False)
    filters = resolved_filters(user, parsed)  # unknown people, lists, communities… raise
    names = parsed.filters.communities
    joined = {row["community_id"] for row in policy.member_community_ids(user)} if names else set()
    for name, community_id in zip(names, filters.get("communities", []), strict=True):
        if community_id not in joined:
            raise ValidationFailed(
                _("in: you can only watch a community you belong to (“%(name)s”).")
                % {"name": name}, field="query")
    return parsed.raw, anchor_of(user, parsed, filters)


def _checked_name(name: str | None, query: str) -> str:
    name = (name or "").strip()
    if not name:  # named after its query
        return query if len(query) <= MAX_NAME else query[:MAX_NAME - 1] + "…"
    check_clean_text(name, _("The name"), "name")
    if len(name) > MAX_NAME:
        raise ValidationFailed(_("A watch's name has at most %(limit)d characters.")
                               % {"limit": MAX_NAME}, field="name")
    return name


def do_create_watch(user, query: str | None, *, name: str | None = None,
                    delivery: str | None = None) -> Watch:
    """Save a search as a watch; it gathers the posts that appear from now on."""
    _owner(user)
    text, anchor = _checked_query(user, query)
    delivery = check_delivery(delivery)
    name = _checked_name(name, text)
    with transaction.atomic():
        if Watch.objects.select_for_update().filter(owner_id=user.id).count() >= MAX_WATCHES:
            raise ValidationFailed(_("You already have %(limit)d watches: delete one first.")
                                   % {"limit": MAX_WATCHES})
        now = timezone.now()
        return Watch.objects.create(owner=user, name=name, query=text, delivery=delivery,
                                    anchor=anchor, created_at=now, seen_at=now,
                                    digest_sent_at=now)


def do_update_watch(user, watch_id, *, query: str | None = None, name: str | None = None,
                    delivery: str | None = None) -> Watch:
    watch = access_watch(user, watch_id)
    if query is not None:
        watch.query, watch.anchor = _checked_query(user, query)
    if name is not None:
        watch.name = _checked_name(name, watch.query)
    if delivery is not None:
        watch.delivery = check_delivery(delivery)
    watch.save()
    return watch


def do_delete_watch(user, watch_id) -> None:
    access_watch(user, watch_id).delete()


def signal_query(kind: str, term: str, related: list[str] | None = None) -> str:
    """The watch query for a trend or weak signal: its hashtag, or its phrasings (the term
    and the other ways it was written) joined by OR."""
    def clause(text: str) -> str:
        text = " ".join(text.replace('"', " ").split())
        return f'"{text}"' if " " in text else text

    if kind == "tag":
        return "#" + term.lstrip("#")
    seen: list[str] = []
    for text in [term, *(related or [])]:
        if text.strip() and clause(text) not in seen:
            seen.append(clause(text))
    return " OR ".join(seen[:5])


def do_mark_seen(user, watch: Watch) -> None:
    """The owner opened the watch: what it gathered so far is read."""
    if watch.owner_id == user.id:
        Watch.objects.filter(pk=watch.pk).update(seen_at=timezone.now())
