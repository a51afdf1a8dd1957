"""JSON shapes of the communities part of the native API, and the functions that build them
from domain objects (never on the models)."""

from __future__ import annotations

from datetime import date, datetime

from django.urls import reverse
from ninja import Schema

from ..schemas import AccountOut, NonEmpty
from ..serializers import account


class CommunityOut(Schema):
    id: str
    slug: str
    name: str
    description: str
    kind: str
    template: str
    tags: list[str]
    members_count: int
    deadline: datetime | None
    archived: bool
    decision: str
    decision_note: str
    url: str
    role: str | None
    follows: bool | None


class CommunityIn(Schema):
    name: NonEmpty
    kind: str | None = None
    template: str = ""
    description: str = ""
    tags: list[str] = []
    deadline: datetime | None = None


class CommunityPatch(Schema):
    name: NonEmpty | None = None
    kind: str | None = None
    description: str | None = None
    tags: list[str] | None = None
    deadline: datetime | None = None
    clear_deadline: bool = False


class DecisionIn(Schema):
    decision: str
    note: str = ""


class MembershipOut(Schema):
    account: AccountOut
    role: str
    follows: bool
    joined_at: datetime


class JoinOut(Schema):
    status: str  # "member" or "requested"
    membership: MembershipOut | None


class FollowIn(Schema):
    follows: bool


class RoleIn(Schema):
    role: str


class JoinRequestOut(Schema):
    account: AccountOut
    message: str
    created_at: datetime


class InvitationIn(Schema):
    username: str | None = None
    email: str | None = None
    organisation: str = ""


class InvitationOut(Schema):
    id: str
    community: str
    account: AccountOut | None
    email: str
    organisation: str | None
    link: str | None
    created_at: datetime


class CommunityPostIn(Schema):
    text: NonEmpty
    in_reply_to_id: int | None = None
    question: bool = False
    poll_options: list[str] = []
    poll_expires_in: int | None = None
    poll_multiple: bool = False
    file_ids: list[int] = []


class AnswerIn(Schema):
    answer_id: int | None = None


class FolderIn(Schema):
    name: NonEmpty
    parent_id: int | None = None


class FolderOut(Schema):
    id: str
    name: str
    parent_id: str | None


class FileVersionOut(Schema):
    number: int
    size: int
    content_type: str
    sha256: str
    uploaded_by: str | None
    created_at: datetime
    download_url: str


class FileOut(Schema):
    id: str
    name: str
    folder_id: str | None
    content_type: str
    size: int
    versions_count: int
    download_count: int
    download_url: str
    thumbnail_url: str | None
    created_at: datetime
    updated_at: datetime


class FileDetailOut(FileOut):
    versions: list[FileVersionOut]


class FilesOut(Schema):
    folders: list[FolderOut]
    files: list[FileOut]


class LinkIn(Schema):
    url: str
    title: str = ""
    description: str = ""
    tags: list[str] = []


class LinkPatch(Schema):
    url: str | None = None
    title: str | None = None
    description: str | None = None
    tags: list[str] | None = None


class LinkOut(Schema):
    id: str
    url: str
    title: str
    description: str
    tags: list[str]
    created_by: str | None
    created_at: datetime


class IdeaIn(Schema):
    title: NonEmpty
    description: str = ""
    author: str | None = None
    origin: str = ""


class IdeaPatch(Schema):
    status: str


class CommentIn(Schema):
    text: NonEmpty


class CreditIn(Schema):
    username: str
    note: str = ""


class CommentOut(Schema):
    id: str
    author: AccountOut
    text: str
    created_at: datetime


class CreditOut(Schema):
    account: str
    kind: str
    note: str


class IdeaOut(Schema):
    id: str
    title: str
    description: str
    status: str
    author: str | None
    submitted_by: str | None
    origin: str
    votes_count: int
    comments_count: int
    voted: bool
    created_at: datetime


class IdeaDetailOut(IdeaOut):
    comments: list[CommentOut]
    credits: list[CreditOut]


class TaskListIn(Schema):
    name: NonEmpty


class TaskIn(Schema):
    task_list_id: int
    title: NonEmpty
    description: str = ""
    assignee: str | None = None
    due_date: date | None = None


class TaskPatch(Schema):
    title: NonEmpty | None = None
    description: str | None = None
    assignee: str | None = None
    unassign: bool = False
    due_date: date | None = None
    status: str | None = None


class TaskOut(Schema):
    id: str
    community: str
    task_list_id: str
    title: str
    description: str
    assignee: str | None
    due_date: date | None
    status: str
    done_at: datetime | None
    created_at: datetime


class TaskListOut(Schema):
    id: str
    name: str
    tasks: list[TaskOut]


class EventIn(Schema):
    title: NonEmpty
    starts_at: datetime
    ends_at: datetime | None = None
    timezone: str = "UTC"
    place: str = ""
    online_url: str = ""
    description: str = ""
    agenda: str = ""


class EventPatch(Schema):
    title: NonEmpty | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    timezone: str | None = None
    place: str | None = None
    online_url: str | None = None
    description: str | None = None
    agenda: str | None = None


class RsvpIn(Schema):
    answer: str


class RsvpOut(Schema):
    account: str
    answer: str


class EventOut(Schema):
    id: str
    title: str
    description: str
    agenda: str
    starts_at: datetime
    ends_at: datetime | None
    timezone: str
    place: str
    online_url: str
    going: int
    my_answer: str | None
    ics_url: str


class EventDetailOut(EventOut):
    rsvps: list[RsvpOut]


class QuestionOut(Schema):
    post_id: str
    text: str
    author: str
    answers_count: int
    accepted_answer_id: str | None
    created_at: datetime


# --- Builders ----------------------------------------------------------------------------

def _abs(request, path: str) -> str:
    return request.build_absolute_uri(path)


def community(c, request, membership=None) -> dict:
    return {
        "id": str(c.id), "slug": c.slug, "name": c.name, "description": c.description,
        "kind": c.kind, "template": c.template, "tags": c.tag_list(),
        "members_count": c.members_count, "deadline": c.deadline, "archived": c.is_archived,
        "decision": c.decision, "decision_note": c.decision_note,
        "url": _abs(request, reverse("web:community", args=[c.slug])),
        "role": membership.role if membership else None,
        "follows": membership.follows if membership else None,
    }


def membership(m, request) -> dict:
    return {"account": account(m.user, request), "role": m.role, "follows": m.follows,
            "joined_at": m.joined_at}


def invitation(i, request) -> dict:
    link = None
    if i.account_id is None:
        link = _abs(request, reverse("web:community_invitation", args=[i.token]))
    return {"id": str(i.id), "community": i.community.slug,
            "account": account(i.account, request) if i.account_id else None,
            "email": i.email, "organisation": i.organisation.name if i.organisation_id else None,
            "link": link, "created_at": i.created_at}


def folder(f) -> dict:
    return {"id": str(f.id), "name": f.name,
            "parent_id": str(f.parent_id) if f.parent_id else None}


def shared_file(f, request) -> dict:
    slug = f.community.slug
    return {
        "id": str(f.id), "name": f.name, "folder_id": str(f.folder_id) if f.folder_id else None,
        "content_type": f.content_type, "size": f.size, "versions_count": f.versions_count,
        "download_count": f.download_count,
        "download_url": _abs(request, reverse("essaim-api:download_file", args=[slug, f.id])),
        "thumbnail_url": _abs(request, reverse("web:community_thumbnail", args=[slug, f.id]))
        if f.is_image else None,
        "created_at": f.created_at, "updated_at": f.updated_at,
    }


def file_detail(f, request) -> dict:
    base = reverse("essaim-api:download_file", args=[f.community.slug, f.id])
    versions = [{
        "number": v.number, "size": v.size, "content_type": v.content_type,
        "sha256": v.sha256, "uploaded_by": v.uploaded_by.username if v.uploaded_by_id else None,
        "created_at": v.created_at, "download_url": _abs(request, f"{base}?version={v.number}"),
    } for v in f.versions.select_related("uploaded_by")]
    return {**shared_file(f, request), "versions": versions}


def link(li) -> dict:
    return {"id": str(li.id), "url": li.url, "title": li.title, "description": li.description,
            "tags": li.tag_list(),
            "created_by": li.created_by.username if li.created_by_id else None,
            "created_at": li.created_at}


def idea(i, voted: bool) -> dict:
    return {"id": str(i.id), "title": i.title, "description": i.description,
            "status": i.status, "author": i.author.username if i.author_id else None,
            "submitted_by": i.submitted_by.username if i.submitted_by_id else None,
            "origin": i.origin, "votes_count": i.votes_count,
            "comments_count": i.comments_count, "voted": voted, "created_at": i.created_at}


def idea_detail(i, voted: bool, request) -> dict:
    return {**idea(i, voted),
            "comments": [{"id": str(c.id), "author": account(c.author, request),
                          "text": c.text, "created_at": c.created_at}
                         for c in i.comments.select_related("author")],
            "credits": [{"account": c.user.username, "kind": c.kind, "note": c.note}
                        for c in i.credits.select_related("user")]}


def task(t) -> dict:
    return {"id": str(t.id), "community": t.community.slug, "task_list_id": str(t.task_list_id),
            "title": t.title, "description": t.description,
            "assignee": t.assignee.username if t.assignee_id else None,
            "due_date": t.due_date, "status": t.status, "done_at": t.done_at,
            "created_at": t.created_at}


def event(e, request, mine: str | None, going: int) -> dict:
    return {"id": str(e.id), "title": e.title, "description": e.description,
            "agenda": e.agenda, "starts_at": e.starts_at, "ends_at": e.ends_at,
            "timezone": e.timezone, "place": e.place, "online_url": e.online_url,
            "going": going, "my_answer": mine,
            "ics_url": _abs(request, reverse("essaim-api:event_ics",
                                             args=[e.community.slug, e.id]))}


def question(q) -> dict:
    return {"post_id": str(q.post_id), "text": q.post.text, "author": q.post.author.username,
            "answers_count": q.post.replies_count,
            "accepted_answer_id": str(q.accepted_answer_id) if q.accepted_answer_id else None,
            "created_at": q.post.created_at}
