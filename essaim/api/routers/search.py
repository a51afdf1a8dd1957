"""Search (``GET /search``): posts, people, communities, files, ideas, questions and links,
each result one the caller may see."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import BaseModel, Field

from essaim.core.errors import ValidationFailed
from essaim.search import queries
from essaim.search.results import items

from ..schemas import ErrorOut

router = Router(tags=["search"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class CommunityRef(BaseModel):
    slug: str
    name: str


class SearchItemOut(BaseModel):
    id: str
    type: str
    title: str
    text: str
    url: str
    created_at: datetime
    highlight: str = Field(description="The text, HTML-escaped, matching words in <mark>.")
    community: CommunityRef | None
    username: str | None = None


class SearchOut(BaseModel):
    items: list[SearchItemOut]
    next: str | None = Field(description="Pass as `cursor` for the next page (null: none).")
    total: int = Field(description="How many results the caller may see in all, counted "
                       "up to 1,000 (see total_capped).")
    total_capped: bool = Field(False, description="True when there are more than `total`.")


class SearchParams(Schema):
    q: str = Field(min_length=1, max_length=2000,
                   description="The query: words, \"phrases\", -word, OR, filters "
                   "(from:@user in:community list:\"my list\" #tag dept:… "
                   "has:file|image|link|poll is:question|unanswered lang:fr|en "
                   "before:/after:YYYY-MM-DD).")
    type: str = Field("posts", description="posts, people, communities, files, ideas, "
                      "questions or links")
    order: str = Field("relevant", description="relevant or newest")
    limit: int = Field(20, ge=1, le=queries.MAX_LIMIT)
    cursor: str | None = Field(None, max_length=40)


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _sep, value = raw.partition(":")
        offset = int(value)
        if kind != "o" or not 0 <= offset <= queries.MAX_OFFSET:
            raise ValueError(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise ValidationFailed(_("This cursor is not valid: use the “next” of a previous "
                                 "page."), field="cursor") from exc
    return offset


@router.get("/search", response={200: SearchOut, **ERRORS},
            summary="Search posts, people, communities, files, ideas, questions or links")
def search(request, params: Query[SearchParams]):
    page = queries.search(request.auth, params.q, params.type, order=params.order,
                          offset=decode_cursor(params.cursor), limit=params.limit)
    return {"items": items(page),
            "next": encode_cursor(page.next_offset) if page.next_offset is not None else None,
            "total": page.total, "total_capped": page.total_capped}
