"""Articles: long-form posts announced in the flow (the announcement is an ordinary post)."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status
from pydantic import BaseModel

from essaim import visibility as policy
from essaim.articles import actions
from essaim.articles.access import access_article
from essaim.core.errors import NotFound
from essaim.graph.actions import find_account

from .. import serializers as ser
from ..schemas import ErrorOut, NonEmpty, PostOut

router = Router(tags=["articles"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}


class ArticleIn(Schema):
    title: NonEmpty
    body: NonEmpty
    visibility: str | None = None
    reply_policy: str | None = None
    community: str | None = None
    as_account: str | None = None
    language: str = ""


class ArticleEditIn(Schema):
    title: NonEmpty
    body: NonEmpty


class ArticleOut(BaseModel):
    id: str
    url: str
    title: str
    body: str
    html: str
    summary: str
    cover: str | None
    updated_at: datetime | None
    post: PostOut


def _out(request, article) -> dict:
    post = ser.posts(request.auth, [article.post], request)[0]
    cover = article.cover
    return {"id": str(article.post_id),
            "url": request.build_absolute_uri(reverse("web:article", args=[article.post_id])),
            "title": article.title, "body": article.body, "html": article.html,
            "summary": article.summary,
            "cover": request.build_absolute_uri(cover.original_url) if cover else None,
            "updated_at": article.updated_at, "post": post}


@router.post("", response={201: ArticleOut, **ERRORS}, summary="Publish an article")
def create_article(request, payload: ArticleIn):
    viewer = request.auth
    author = None
    if payload.as_account:
        author = find_account(payload.as_account)
        if author is None:
            raise NotFound(_("Unknown account."))
    community = policy.access_community(viewer, payload.community) if payload.community \
        else None
    article = actions.do_create_article(
        viewer, payload.title, payload.body, visibility=payload.visibility,
        reply_policy=payload.reply_policy, community=community, author=author,
        language=payload.language)
    return Status(201, _out(request, access_article(viewer, article.post_id)))


@router.get("/{post_id}", response={200: ArticleOut, **ERRORS},
            summary="An article (the id is its announcement post's)")
def get_article(request, post_id: int):
    return _out(request, access_article(request.auth, post_id))


@router.put("/{post_id}", response={200: ArticleOut, **ERRORS}, summary="Edit an article")
def edit_article(request, post_id: int, payload: ArticleEditIn):
    actions.do_edit_article(request.auth, post_id, title=payload.title, body=payload.body)
    return _out(request, access_article(request.auth, post_id))
