from __future__ import annotations

import random
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core import ratelimit
from essaim.core.errors import PermissionDenied, ValidationFailed
from essaim.core.ids import snowflake, snowflake_for
from essaim.core.jobs import enqueue_on_commit
from essaim.core.text import check_clean_text
from essaim.realtime import events as realtime

from .. import text as post_text
from ..access import access_deletable_post, access_own_post
from ..models import Hashtag, Post, PostEdit, ReplyPolicy, Visibility

VISIBILITY_RANK = {Visibility.PUBLIC: 0, Visibility.COMPANY: 1, Visibility.FOLLOWERS: 2,
                   Visibility.DIRECT: 3, Visibility.COMMUNITY: 4}


def check_post_text(text: str, *, allow_empty: bool = False, limit: int | None = None) -> str:
    """A post's text, cleaned; ``limit`` (default ``ESSAIM_POST_MAX_CHARS``) is for imports of
    history written elsewhere."""
    text = (text or "").replace("\r\n", "\n").strip()
    check_clean_text(text, _("The post"), "text")
    if not text and not allow_empty:
        raise ValidationFailed(_("A post cannot be empty."), field="text")
    limit = limit or settings.ESSAIM_POST_MAX_CHARS
    if len(text) > limit:
        raise ValidationFailed(
            _("A post can have at most %(limit)d characters (this one has %(count)d).")
            % {"limit": limit, "count": len(text)}, field="text")
    return text


def check_author(user, author):
    """The account a post is published as: oneself, or an official account one is delegate of."""
    if author is None or author.id == user.id:
        return user
    if author.is_official and author.is_active and author.delegates.filter(id=user.id).exists():
        return author
    raise PermissionDenied(_("You cannot post as this account."))


def check_choice(value, choices, default, field: str):
    if value in (None, ""):
        return default
    if value not in choices.values:
        raise ValidationFailed(_("Unknown value for %(field)s: %(value)s.")
                               % {"field": field, "value": value}, field=field)
    return value


def check_community(author, community, visibility: str, in_reply_to):
    """The community a post goes to (a reply stays in its parent's), checked for the author.

    Returns the community or None; a community post always has the ``community`` visibility.
    """
    if in_reply_to is not None and in_reply_to.community_id is not None:
        if community is not None and community.pk != in_reply_to.community_id:
            raise ValidationFailed(_("A reply stays in the community of the post it answers."),
                                   field="community")
        community = in_reply_to.community
    if community is None:
        if visibility == Visibility.COMMUNITY:
            raise ValidationFailed(_("Choose the community this post is for."),
                                   field="community")
        return None
    from essaim.communities.access import check_can_post

    check_can_post(author, community)
    return community


def _members_only(mentioned: list, community) -> list:
    """Mentions of non-members stay plain text: no mention row, no notification."""
    if community is None or not mentioned:
        return mentioned
    from essaim.communities.queries import member_ids

    members = set(member_ids(community, [u.id for u in mentioned]))
    return [u for u in mentioned if u.id in members]


def _hashtags_for(names: list[str]) -> list[Hashtag]:
    tags = []
    for name in names:
        tag, _created = Hashtag.objects.get_or_create(name=name.lower(), defaults={"display": name})
        tags.append(tag)
    return tags


def _mentioned_accounts(author, names: list[str]):
    """The accounts a post's ``@names`` resolve to: only people its author may see, so a
    mention neither reaches nor reveals anyone else (it stays plain text)."""
    User = get_user_model()
    if not names:
        return []
    # Usernames are stored lower-case (see accounts.actions.check_username).
    found = User.objects.filter(is_active=True, username__in={n.lower() for n in names})
    return [u for u in policy.visible_accounts(author, found) if u.id != author.id]


def _render(text: str, mentioned) -> str:
    return post_text.render(text, {u.username.lower() for u in mentioned})


def _addressed(mentioned: list, author, replied_to, visibility: str) -> list:
    """Who a post is addressed to: its mentions, plus the person a private reply answers
    (otherwise a followers-only or direct reply could be hidden from the very person it answers)
    when the author may see them.
    """
    private = visibility in (Visibility.FOLLOWERS, Visibility.DIRECT)
    if (not private or replied_to is None or replied_to.id == author.id
            or not replied_to.is_active or replied_to in mentioned
            or not policy.can_see_account(author, replied_to)):
        return mentioned
    return [*mentioned, replied_to]


def do_create_post(
    user, text: str, *, visibility: str | None = None, reply_policy: str | None = None,
    in_reply_to=None, quote_of=None, author=None, language: str = "", sensitive: bool = False,
    spoiler_text: str = "", created_at=None, rate_limit: bool = True, community=None,
    media_ids=(), poll: dict | None = None,
) -> Post:
    """The one compose action: publish a post, reply or quote with its images or poll, all or
    nothing, and schedule its delivery. Every surface (web, native API, Mastodon API,
    communities) calls it with IDs; it does its own access checks (the code of conduct
    accepted included).

    ``in_reply_to`` and ``quote_of`` are post IDs (or posts), looked up with what ``user`` may
    see; ``media_ids`` are the caller's own unattached uploads; ``poll`` is
    ``{"options": [...], "expires_in": seconds, "multiple": bool, "hide_totals": bool}``.
    With ``community``, the post is for that community's members only (the author must be a
    member and the community not archived); a reply to a community post stays in it.
    """
    c = check_compose(user, text, visibility=visibility, reply_policy=reply_policy,
                      in_reply_to=in_reply_to, quote_of=quote_of, author=author,
                      spoiler_text=spoiler_text, community=community, media_ids=media_ids,
                      poll=poll, rate_limit=rate_limit)
    with transaction.atomic():
        post = _write_post(user, c.author, c.text, visibility=c.visibility,
                           reply_policy=c.reply_policy, in_reply_to=c.in_reply_to,
                           quote_of=c.quote_of, community=c.community, created_at=created_at,
                           language=language, sensitive=sensitive, spoiler_text=spoiler_text)
        _attach_extras(user, post, c.media, poll)
        _schedule_delivery(post)
    return post


@dataclass(frozen=True)
class Checked:
    """A post the compose action may write: every argument checked and looked up."""

    author: object
    text: str
    visibility: str
    reply_policy: str
    in_reply_to: Post | None
    quote_of: Post | None
    community: object | None
    media: list


def check_compose(user, text: str, *, visibility: str | None = None,
                  reply_policy: str | None = None, in_reply_to=None, quote_of=None,
                  author=None, spoiler_text: str = "", community=None, media_ids=(),
                  poll: dict | None = None, rate_limit: bool = False) -> Checked:
    """Every check of the compose action, before anything is written (also what scheduling
    a post checks at once)."""
    from essaim.moderation.conduct import check_accepted

    check_accepted(user)
    author = check_author(user, author)
    in_reply_to, quote_of = _target(user, in_reply_to), _target(user, quote_of)
    media = _check_extras(user, text, media_ids, poll)
    if rate_limit:
        ratelimit.hit("post", str(user.id), "ESSAIM_RATE_POST")
    # A quote, or a post with images, may stand alone.
    text = check_post_text(text, allow_empty=quote_of is not None or bool(media))
    visibility = check_choice(visibility, Visibility, policy.default_visibility_for(author, text),
                              "visibility")
    reply_policy = check_choice(reply_policy, ReplyPolicy, ReplyPolicy.EVERYONE, "reply_policy")
    community = check_community(author, community, visibility, in_reply_to)
    if community is not None:
        visibility = Visibility.COMMUNITY
    refusal = policy.visibility_refusal(author, visibility)
    if refusal:
        raise PermissionDenied(refusal, field="visibility")
    check_clean_text(spoiler_text, _("The content warning"), "spoiler_text")
    if len(spoiler_text) > 200:
        raise ValidationFailed(_("The content warning is too long."), field="spoiler_text")
    return Checked(author, text, visibility, reply_policy, in_reply_to, quote_of, community,
                   media)


def _target(user, ref) -> Post | None:
    """A post answered or quoted, as ``user`` may see it (NotFound otherwise)."""
    if ref in (None, ""):
        return None
    return policy.access_post(user, ref)


def _check_extras(user, text: str, media_ids, poll: dict | None) -> list:
    """The images and poll of a new post, checked before anything is written."""
    from essaim.media.actions import check_attachable
    from essaim.polls.actions import check_poll

    media = check_attachable(user, media_ids or [])
    if poll is not None:
        if media:
            raise ValidationFailed(_("A post cannot have both images and a poll."),
                                   field="poll")
        check_poll(poll.get("options"), poll.get("expires_in"))
        if not (text or "").strip():
            raise ValidationFailed(_("Add a question to go with your poll."), field="text")
    return media


def _attach_extras(user, post: Post, media: list, poll: dict | None) -> None:
    from essaim.media.actions import do_attach_media
    from essaim.polls.actions import do_create_poll

    if media:
        do_attach_media(user, post, media)
    if poll is not None:
        do_create_poll(user, post, poll.get("options"), poll.get("expires_in"),
                       multiple=bool(poll.get("multiple")),
                       hide_totals=bool(poll.get("hide_totals")))


def _write_post(user, author, text: str, *, visibility: str, in_reply_to, quote_of, community,
                created_at, language: str, **fields) -> Post:
    """Write the checked post with its hashtags, mentions and counters (inside a transaction)."""
    if in_reply_to is not None:
        in_reply_to = Post.objects.select_for_update().select_related("author").get(
            pk=in_reply_to.pk)
        refusal = policy.reply_refusal(author, in_reply_to)
        if refusal:
            raise PermissionDenied(refusal)
        # A reply is never more visible than what it answers.
        if VISIBILITY_RANK[Visibility(in_reply_to.visibility)] > VISIBILITY_RANK[visibility]:
            visibility = in_reply_to.visibility
    if quote_of is not None:
        refusal = policy.relay_refusal(author, quote_of)
        if refusal:
            raise PermissionDenied(refusal)
    parsed = post_text.parse(text)
    mentioned = _members_only(_mentioned_accounts(author, parsed.mentions), community)
    post = Post.objects.create(
        id=snowflake() if created_at is None else _id_for(created_at),
        author=author, posted_by=user if author.id != user.id else None,
        text=text, html=_render(text, mentioned), language=language[:8],
        visibility=visibility, in_reply_to=in_reply_to,
        in_reply_to_account=in_reply_to.author if in_reply_to else None,
        thread_root=(in_reply_to.thread_root or in_reply_to) if in_reply_to else None,
        quote_of=quote_of, created_at=created_at or timezone.now(), community=community,
        **fields,
    )
    if parsed.hashtags:
        post.hashtags.set(_hashtags_for(parsed.hashtags))
    addressed = _addressed(mentioned, author, post.in_reply_to_account, visibility)
    if addressed:
        post.mentions.set(addressed)
    if in_reply_to is not None:
        Post.objects.filter(pk=in_reply_to.pk).update(replies_count=F("replies_count") + 1)
    if quote_of is not None:
        Post.objects.filter(pk=quote_of.pk).update(quotes_count=F("quotes_count") + 1)
    return post


def _id_for(when) -> int:
    return snowflake_for(when, random.getrandbits(16))


def _schedule_delivery(post: Post) -> None:
    from essaim.timelines.tasks import deliver_post

    enqueue_on_commit(deliver_post, post.id)
    from essaim.trends.tasks import index_soon

    index_soon(post.id)
    from essaim.links.tasks import card_soon

    card_soon(post)


_access_own = access_own_post


def do_edit_post(user, post_id, text: str, *, spoiler_text: str | None = None,
                 sensitive: bool | None = None) -> Post:
    """Change a post's text, keeping the previous version in its history."""
    post = _access_own(user, post_id)
    if post.is_relay:
        raise ValidationFailed(_("A relay cannot be edited."))
    if post.community_id is not None:
        from essaim.communities.access import check_can_post

        check_can_post(post.author, post.community)
    text = check_post_text(text, allow_empty=post.quote_of_id is not None)
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        if not post.edits.exists():
            PostEdit.objects.create(post=post, text=post.text, html=post.html,
                                    spoiler_text=post.spoiler_text, sensitive=post.sensitive,
                                    created_at=post.created_at)
        parsed = post_text.parse(text)
        mentioned = _mentioned_accounts(post.author, parsed.mentions)
        mentioned = _members_only(mentioned, post.community)
        post.text = text
        post.html = _render(text, mentioned)
        if spoiler_text is not None:
            check_clean_text(spoiler_text, _("The content warning"), "spoiler_text")
            post.spoiler_text = spoiler_text[:200]
        if sensitive is not None:
            post.sensitive = sensitive
        post.edited_at = timezone.now()
        post.save(update_fields=["text", "html", "spoiler_text", "sensitive", "edited_at"])
        PostEdit.objects.create(post=post, text=post.text, html=post.html,
                                spoiler_text=post.spoiler_text, sensitive=post.sensitive,
                                created_at=post.edited_at)
        post.hashtags.set(_hashtags_for(parsed.hashtags))
        post.mentions.set(_addressed(mentioned, post.author, post.in_reply_to_account,
                                     post.visibility))
        realtime.post_edited(post)
        from essaim.trends.tasks import index_soon

        index_soon(post.id, edited=True)
        from essaim.links.tasks import card_soon

        card_soon(post, edited=True)
    return post


def do_delete_post(user, post_id) -> Post:
    """Delete a post (its author, a delegate of its official account, or an administrator)."""
    return remove_post(access_deletable_post(user, post_id))


def remove_post(post: Post) -> Post:
    """Delete ``post`` for good (its counters, timelines and streams follow); the caller has
    checked who may (its author, an administrator, a moderator deciding on a report)."""
    from essaim.timelines.store import timeline_store

    with transaction.atomic():
        if post.in_reply_to_id:
            Post.objects.filter(pk=post.in_reply_to_id, replies_count__gt=0).update(
                replies_count=F("replies_count") - 1)
        if post.relay_of_id:
            Post.objects.filter(pk=post.relay_of_id, relays_count__gt=0).update(
                relays_count=F("relays_count") - 1)
        if post.quote_of_id:
            Post.objects.filter(pk=post.quote_of_id, quotes_count__gt=0).update(
                quotes_count=F("quotes_count") - 1)
        removed = [post.pk, *post.relays.values_list("id", flat=True)]  # pk is None once deleted
        store = timeline_store()
        transaction.on_commit(lambda: store.remove_posts(removed))
        snapshot = Post(pk=post.pk, author=post.author, text=post.text)
        realtime.post_deleted(post)
        post.delete()
    return snapshot
