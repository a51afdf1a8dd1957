"""Status entities (and what they embed: media, mentions, tags, polls, quotes), batch-loaded.

Essaim's own notions ride along in shapes clients already know: relays are reblogs,
quote-relays are Mastodon 4.5 quotes (``quote`` + ``quote_approval``), and the reply policy
is given in GoToSocial's ``interaction_policy`` shape and, verbatim, under ``essaim``.
"""

from __future__ import annotations

from django.db.models import prefetch_related_objects
from django.utils.html import escape

from essaim import visibility as policy
from essaim.advocacy.impressions import note_shown
from essaim.filters.queries import results_for
from essaim.media.access import signed_url
from essaim.media.queries import media_by_post
from essaim.polls.queries import polls_by_post
from essaim.posts.models import ReplyPolicy, Visibility
from essaim.posts.queries import hydrate

from .accounts import accounts as account_entities
from .common import TO_MASTODON, absolute, absolute_html, iso, post_url, profile_url, tag_url
from .filters import result_entity

REPLY_AUDIENCE = {  # GoToSocial's interaction_policy vocabulary
    ReplyPolicy.EVERYONE: ["public"],
    ReplyPolicy.FOLLOWING: ["author", "following"],
    ReplyPolicy.MENTIONED: ["author", "mentioned"],
    ReplyPolicy.NOBODY: ["author"],
}
SHAREABLE = (Visibility.PUBLIC, Visibility.COMPANY)



def media_entity(item, request) -> dict:
    if item.is_file:  # a document: Mastodon apps show "unknown" attachments as a link
        return {
            "id": str(item.id), "type": "unknown",
            "url": absolute(request, signed_url(item.id, "original")), "preview_url": None,
            "remote_url": None, "preview_remote_url": None, "text_url": None,
            "meta": {"essaim": {"filename": item.filename, "size": item.size,
                                "content_type": item.content_type}},
            "description": item.description or item.filename, "blurhash": None,
        }
    w, h, pw, ph = item.width, item.height, item.preview_width, item.preview_height
    return {
        "id": str(item.id), "type": "image",
        "url": absolute(request, signed_url(item.id, "original")),
        "preview_url": absolute(request, signed_url(item.id, "preview")), "remote_url": None,
        "preview_remote_url": None, "text_url": None,
        "meta": {
            "original": {"width": w, "height": h, "size": f"{w}x{h}",
                         "aspect": round(w / h, 6) if h else 1},
            "small": {"width": pw, "height": ph, "size": f"{pw}x{ph}",
                      "aspect": round(pw / ph, 6) if ph else 1},
            "focus": {"x": item.focus_x, "y": item.focus_y},
        },
        "description": item.description or None, "blurhash": None,
    }


def poll_entity(poll, request=None) -> dict:
    options = list(poll.options.all())
    own = getattr(poll, "own_votes", None)
    hidden = poll.hide_totals and not poll.expired
    return {
        "id": str(poll.id), "expires_at": iso(poll.expires_at), "expired": poll.expired,
        "multiple": poll.multiple, "votes_count": poll.votes_count,
        "voters_count": poll.voters_count if poll.multiple else poll.votes_count,
        "options": [{"title": o.title, "votes_count": None if hidden else o.votes_count}
                    for o in options],
        "emojis": [], "voted": bool(own) if own is not None else False,
        "own_votes": own or [],
    }


class _Batch:
    """Everything a list of cards needs, loaded once."""

    def __init__(self, viewer, cards, request):
        self.viewer, self.request = viewer, request
        posts = [c.post for c in cards] + [c.quote for c in cards if c.quote]
        loading = [p for p in posts if not hasattr(p, "cached_hashtags")]  # not from the cache
        prefetch_related_objects(loading, "hashtags", "mentions")
        self.tags = {p.id: p.cached_hashtags if hasattr(p, "cached_hashtags")
                     else list(p.hashtags.all()) for p in posts}
        self.mentioned = {p.id: p.cached_mentions if hasattr(p, "cached_mentions")
                          else list(p.mentions.all()) for p in posts}
        self.media = {c.post.id: c.media for c in cards}  # loaded by hydrate
        quoted = {c.quote.id for c in cards if c.quote} - set(self.media)
        if quoted:
            self.media.update(media_by_post(quoted))
        polled = {p.id for p in posts if getattr(p, "cached_has_poll", True)}
        self.polls = polls_by_post(viewer, polled) if polled else {}
        people = {p.author_id: p.author for p in posts}
        people.update({c.entry.author_id: c.entry.author for c in cards})
        self.accounts = {int(a["id"]): a for a in account_entities(viewer, people.values(),
                                                                   request)}
        caught = results_for(viewer, [(c.entry.id, c.post) for c in cards],
                             getattr(request, "filter_context", None))
        self.filtered = {i: [result_entity(r) for r in found] for i, found in caught.items()}

    def _quote_policy(self, post) -> dict:
        member = self.viewer is not None and self.viewer.is_authenticated
        if post.visibility in SHAREABLE:
            return {"automatic": ["public"], "manual": [],
                    "current_user": "automatic" if member else "unknown"}
        return {"automatic": [], "manual": [], "current_user": "denied"}

    def _can_reply(self, post) -> bool:
        if self.viewer is None or not self.viewer.is_authenticated:
            return False
        if post.reply_policy == ReplyPolicy.EVERYONE and post.relay_of_id is None:
            return True
        return policy.reply_refusal(self.viewer, post) is None

    def _content(self, card, post) -> str:
        html = absolute_html(self.request, post.html)
        if card is not None and card.quote is not None:
            url = post_url(self.request, card.quote.id)
            html += (f'<p class="quote-inline">RE: <a href="{escape(url)}">{escape(url)}</a>'
                     f"</p>")
        if card is not None and card.article is not None:
            from django.urls import reverse

            url = absolute(self.request, reverse("web:article", args=[post.id]))
            html += f'<p><a href="{escape(url)}">{escape(url)}</a></p>'
        return html

    def _link_card(self, article, post) -> dict | None:
        """An article is shown as its announcement with a link card to the article's page."""
        if article is None:
            return None
        from django.urls import reverse

        cover = next((m for m in self.media.get(post.id, []) if m.id == article.cover_id), None)
        return {
            "url": absolute(self.request, reverse("web:article", args=[post.id])),
            "title": article.title, "description": article.summary, "type": "link",
            "author_name": post.author.name,
            "author_url": profile_url(self.request, post.author.username),
            "provider_name": "Essaim", "provider_url": absolute(self.request, "/"),
            "html": "", "width": cover.width if cover else 0,
            "height": cover.height if cover else 0,
            "image": absolute(self.request, signed_url(cover.id, "original")) if cover else None,
            "image_description": cover.description if cover else "",
            "embed_url": "", "blurhash": None, "published_at": iso(post.created_at),
        }

    def _preview_card(self, card) -> dict | None:
        """Mastodon's PreviewCard for the post's first link (no remote image but https)."""
        link = card.link if card is not None else None
        if link is None:
            return None
        image = link.image_url if link.image_url.startswith("https://") else None
        return {
            "url": link.url, "title": link.title, "description": link.description,
            "type": "link", "author_name": link.author_name, "author_url": link.author_url,
            "provider_name": link.site_name, "provider_url": link.site_url,
            "html": "", "width": 0, "height": 0, "image": image, "image_description": "",
            "embed_url": "", "blurhash": None, "published_at": None, "language": None,
            "authors": [{"name": link.author_name, "url": link.author_url, "account": None}]
            if link.author_name or link.author_url else [],
        }

    def status(self, card, post, *, nested: bool = False) -> dict:
        url = post_url(self.request, post.id)
        own = self.viewer is not None and self.viewer.is_authenticated and \
            post.author_id == self.viewer.id
        poll = self.polls.get(post.id)
        data = {
            "id": str(post.id), "uri": url, "url": url, "created_at": iso(post.created_at),
            "edited_at": iso(post.edited_at), "account": self.accounts[post.author_id],
            "content": self._content(None if nested else card, post), "text": None,
            "visibility": TO_MASTODON[post.visibility], "sensitive": post.sensitive,
            "spoiler_text": post.spoiler_text,
            "media_attachments": [media_entity(m, self.request)
                                  for m in self.media.get(post.id, [])],
            "application": None,
            "mentions": [{"id": str(u.id), "username": u.username, "acct": u.username,
                          "url": profile_url(self.request, u.username)}
                         for u in self.mentioned[post.id]],
            "tags": [{"name": t.name, "url": tag_url(self.request, t.name)}
                     for t in self.tags[post.id]],
            "emojis": [], "reblogs_count": post.relays_count,
            "favourites_count": post.likes_count, "replies_count": post.replies_count,
            "quotes_count": post.quotes_count,
            "in_reply_to_id": str(post.in_reply_to_id) if post.in_reply_to_id else None,
            "in_reply_to_account_id": str(post.in_reply_to_account_id)
            if post.in_reply_to_account_id else None,
            "reblog": None, "poll": poll_entity(poll) if poll else None,
            "card": None if nested else (self._link_card(card.article if card else None, post)
                                         or self._preview_card(card)),
            "language": post.language or None,
            "favourited": bool(card and card.liked), "reblogged": bool(card and card.relayed),
            "muted": False, "bookmarked": bool(card and card.bookmarked),
            "pinned": own and post.pinned_at is not None, "filtered": [],
            "quote": None, "quote_approval": self._quote_policy(post),
            "interaction_policy": {
                "can_favourite": {"always": ["public"], "with_approval": []},
                "can_reblog": {"always": ["public"] if post.visibility in SHAREABLE
                               else ["author"], "with_approval": []},
                "can_reply": {"always": REPLY_AUDIENCE[ReplyPolicy(post.reply_policy)],
                              "with_approval": []},
            },
            "essaim": {"visibility": post.visibility, "reply_policy": post.reply_policy,
                       "can_reply": self._can_reply(post),
                       "posted_by": post.posted_by.username if post.posted_by_id else None},
        }
        if post.quote_of_id and not nested:
            quoted = card.quote if card else None
            data["quote"] = {"state": "accepted" if quoted else "unauthorized",
                             "quoted_status": self.status(None, quoted, nested=True)
                             if quoted else None}
        return data

    def entry(self, card) -> dict:
        original = self.status(card, card.post)
        original["filtered"] = self.filtered.get(card.entry.id, [])
        if card.relayed_by is None:
            return original
        relay = card.entry
        url = post_url(self.request, card.post.id)
        wrapper = dict(original)
        wrapper.update({
            "id": str(relay.id), "uri": f"{url}#relay-{relay.id}", "url": url,
            "created_at": iso(relay.created_at), "edited_at": None,
            "account": self.accounts[relay.author_id], "content": "", "spoiler_text": "",
            "sensitive": False, "media_attachments": [], "mentions": [], "tags": [],
            "poll": None, "quote": None, "in_reply_to_id": None,
            "in_reply_to_account_id": None, "reblog": original, "pinned": False,
            "visibility": TO_MASTODON[relay.visibility],
        })
        return wrapper


def statuses(viewer, posts, request) -> list[dict]:
    """Status entities for posts already read through the visibility policy."""
    posts = list(posts)
    if not posts:
        return []
    cards = hydrate(viewer, posts)
    note_shown(viewer, posts)
    batch = _Batch(viewer, cards, request)
    return [batch.entry(card) for card in cards]


def status(viewer, post, request) -> dict:
    return statuses(viewer, [post], request)[0]
