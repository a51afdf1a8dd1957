"""JSON shapes of the native API, built from domain objects (never on the models)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from ninja import Schema
from pydantic import BaseModel, Field

NonEmpty = Annotated[str, Field(min_length=1)]  # a name, title or text: never ""

# Output shapes are plain pydantic models: the serializers hand them dicts, so they need none
# of the attribute lookups a ninja Schema does (half the cost of checking a page of posts).


class AccountOut(BaseModel):
    id: str
    username: str
    display_name: str
    kind: str
    department: str | None
    job_title: str
    location: str
    bio: str
    avatar: str | None
    is_official: bool
    url: str


class LinkCardOut(BaseModel):
    """The preview of a post's first link (when link previews are on and the page had one)."""

    url: str
    title: str
    description: str
    site_name: str
    site_url: str
    author_name: str
    image_url: str | None  # https only


class PostOut(BaseModel):
    id: str
    url: str
    author: AccountOut
    posted_by: str | None
    text: str
    html: str
    visibility: str
    reply_policy: str
    language: str
    created_at: datetime
    edited_at: datetime | None
    in_reply_to_id: str | None
    relay_of: PostOut | None
    quote_of_id: str | None
    hashtags: list[str]
    replies_count: int
    relays_count: int
    likes_count: int
    liked: bool
    relayed: bool
    bookmarked: bool
    card: LinkCardOut | None = None


class PostIn(Schema):
    text: NonEmpty
    visibility: str | None = None
    reply_policy: str | None = None
    in_reply_to_id: int | None = None
    quote_of_id: int | None = None
    as_account: str | None = None
    language: str = ""


class PostEditIn(Schema):
    text: NonEmpty | None = None
    reply_policy: str | None = None


class PageOut(BaseModel):
    items: list[PostOut]
    next_max_id: str | None
    prev_min_id: str | None


class NotificationOut(BaseModel):
    id: str
    kind: str
    actor: AccountOut
    post_id: str | None
    created_at: datetime
    read: bool


class ErrorOut(BaseModel):
    error: str
