"""The search page (``/search/``) and the suggestions of the search box (``/search/suggest/``).

The search itself is :func:`essaim.search.queries.search`: the engine's matches narrowed by
the visibility policy, counts included. These views only translate.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _lazy

from essaim import visibility as policy
from essaim.accounts.queries import suggest_people
from essaim.core.errors import ValidationFailed
from essaim.posts.models import Hashtag
from essaim.search import queries
from essaim.search.results import items

from .common import web_view

PER_PAGE = 20
TABS = [("posts", _lazy("Posts")), ("people", _lazy("People")),
        ("communities", _lazy("Communities")), ("files", _lazy("Files")),
        ("ideas", _lazy("Ideas")), ("questions", _lazy("Questions")), ("links", _lazy("Links"))]
SUGGESTIONS = 5
ADDABLE = ["has:file", "has:image", "has:link", "is:question", "lang:fr", "lang:en"]


def _chips(q: str, type_: str, order: str) -> tuple[list[dict], list[dict]]:
    """The filters in the query as removable chips, and common ones to add in one click."""
    from essaim.search.query import filter_tokens

    tokens, filters = filter_tokens(q)
    active = []
    for index in sorted(filters):
        rest = " ".join(t for i, t in enumerate(tokens) if i != index)
        active.append({"label": tokens[index], "url": _url(rest, type_, order) if rest else
                       "?" + urlencode({"type": type_})})
    present = {t.lower() for t in tokens}
    has_lang = any(t.startswith("lang:") for t in present)  # one language at a time
    addable = [{"label": f, "url": _url(f"{q} {f}", type_, order)} for f in ADDABLE
               if f not in present and not (has_lang and f.startswith("lang:"))]
    return active, addable


def _offset(raw: str | None) -> int:
    try:
        return max(0, int(raw or 0))
    except ValueError:
        return 0


def _url(q: str, type_: str, order: str, offset: int = 0) -> str:
    params = {"q": q, "type": type_}
    if order != "relevant":
        params["order"] = order
    if offset:
        params["offset"] = offset
    return "?" + urlencode(params)


@web_view()
def search(request):
    q = request.GET.get("q", "").strip()
    type_ = request.GET.get("type") or "posts"
    order = request.GET.get("order") or "relevant"
    context = {"q": q, "search_q": q, "type": type_, "order": order, "tabs": [], "results": [],
               "page": None}
    status = 200
    if q:
        try:
            page = queries.search(request.user, q, type_, order=order,
                                  offset=_offset(request.GET.get("offset")), limit=PER_PAGE)
        except ValidationFailed as exc:
            context["error"] = exc.message
            status = 400
        else:
            context.update({
                "page": page, "results": items(page),
                "more_url": _url(q, type_, order, page.next_offset)
                if page.next_offset is not None else None,
                "newest_url": _url(q, type_, "newest"),
                "relevant_url": _url(q, type_, "relevant"),
            })
    if q and context["page"] is not None:
        context["chips"], context["addable"] = _chips(q, type_, order)
    if type_ in dict(TABS):
        context["tabs"] = [{"type": t, "label": label, "url": _url(q, t, order),
                            "current": t == type_} for t, label in TABS]
    return render(request, "web/search.html", context, status=status)


@web_view()
def suggest(request):
    """What the search box proposes while typing: people, communities, hashtags, then a
    search of posts. Only what the policy lets the viewer see."""
    q = request.GET.get("q", "").strip()[:100]
    context = {"q": q, "people": [], "communities": [], "hashtags": [],
               "posts_url": "?" + urlencode({"q": q}) if q else None}
    word = q.lstrip("@#")
    if word:
        viewer = request.user
        context["people"] = suggest_people(viewer, word, limit=SUGGESTIONS)
        context["communities"] = list(policy.visible_communities(viewer)
                                      .filter(name__icontains=word)
                                      .order_by("name")[:SUGGESTIONS])
        if policy.may_read_hashtag_timeline(viewer):
            context["hashtags"] = list(policy.known_hashtags(viewer, Hashtag.objects.filter(
                name__startswith=word.lower())).order_by("name")[:SUGGESTIONS])
    response = render(request, "web/partials/search_suggestions.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
