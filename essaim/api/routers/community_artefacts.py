"""Artefacts of a community in the native API: files, links, ideas, tasks, events, questions.

Mounted on the same ``/communities`` prefix as ``communities``; downloads are checked and
counted like in the web UI.
"""

from __future__ import annotations

from django.http import FileResponse, HttpResponse
from django.utils.translation import gettext as _
from ninja import File, Router, UploadedFile
from ninja.responses import Status

from essaim.communities import actions, ical
from essaim.communities import queries as cq
from essaim.communities.access import (
    access_event,
    access_file,
    access_folder,
    access_idea,
    access_link,
    access_task,
    access_task_list,
)
from essaim.communities.models import Rsvp
from essaim.core.errors import NotFound

from . import community_schemas as cs
from .community_access import ERRORS, _community, _member_community, _person

router = Router(tags=["community artefacts"])


# --- Files ----------------------------------------------------------------------------------

@router.get("/{slug}/files", response={200: cs.FilesOut, **ERRORS})
def files(request, slug: str, folder_id: int | None = None):
    community = _member_community(request, slug)
    folder = access_folder(request.auth, folder_id, community) if folder_id else None
    return {"folders": [cs.folder(f) for f in community.folders.filter(parent=folder)],
            "files": [cs.shared_file(f, request)
                      for f in cq.files(request.auth, community, folder)
                      .select_related("community")]}


@router.post("/{slug}/files", response={201: cs.FileOut, **ERRORS},
             summary="Upload a file (multipart); the same name in the same folder adds a "
                     "version")
def upload(request, slug: str, file: File[UploadedFile], folder_id: int | None = None):
    community = _community(request, slug)
    folder = access_folder(request.auth, folder_id, community) if folder_id else None
    shared = actions.do_upload_file(request.auth, community, file, folder=folder)
    return Status(201, cs.shared_file(shared, request))


@router.get("/{slug}/files/{file_id}", response={200: cs.FileDetailOut, **ERRORS})
def file_detail(request, slug: str, file_id: int):
    return cs.file_detail(access_file(request.auth, file_id, _community(request, slug)),
                          request)


@router.get("/{slug}/files/{file_id}/download", url_name="download_file",
            response={200: None, **ERRORS}, summary="Download a file (counted)")
def download(request, slug: str, file_id: int, version: int | None = None):
    shared = access_file(request.auth, file_id, _community(request, slug))
    versions = shared.versions.all()
    found = versions.filter(number=version).first() if version else versions.first()
    if found is None:
        raise NotFound(_("This version does not exist."))
    actions.do_record_download(request.auth, shared, found)
    response = FileResponse(found.blob.storage.open(found.blob.name),
                            content_type=found.content_type, as_attachment=True,
                            filename=shared.name)
    response["Cache-Control"] = "private, no-store"
    return response


@router.post("/{slug}/files/{file_id}/versions", response={201: cs.FileOut, **ERRORS})
def upload_version(request, slug: str, file_id: int, file: File[UploadedFile]):
    shared = access_file(request.auth, file_id, _community(request, slug))
    return Status(201, cs.shared_file(actions.do_upload_version(request.auth, shared, file),
                                      request))


@router.delete("/{slug}/files/{file_id}", response={204: None, **ERRORS})
def delete_file(request, slug: str, file_id: int):
    actions.do_delete_file(request.auth, access_file(request.auth, file_id,
                                                     _community(request, slug)))
    return Status(204, None)


@router.post("/{slug}/folders", response={201: cs.FolderOut, **ERRORS})
def create_folder(request, slug: str, payload: cs.FolderIn):
    community = _community(request, slug)
    parent = access_folder(request.auth, payload.parent_id, community) \
        if payload.parent_id else None
    return Status(201, cs.folder(actions.do_create_folder(request.auth, community,
                                                          payload.name, parent)))


@router.delete("/{slug}/folders/{folder_id}", response={204: None, **ERRORS})
def delete_folder(request, slug: str, folder_id: int):
    actions.do_delete_folder(request.auth, access_folder(request.auth, folder_id,
                                                         _community(request, slug)))
    return Status(204, None)


# --- Links ----------------------------------------------------------------------------------

@router.get("/{slug}/links", response={200: list[cs.LinkOut], **ERRORS})
def links(request, slug: str):
    return [cs.link(li) for li in cq.links(request.auth, _member_community(request, slug))]


@router.post("/{slug}/links", response={201: cs.LinkOut, **ERRORS})
def add_link(request, slug: str, payload: cs.LinkIn):
    link = actions.do_add_link(request.auth, _community(request, slug), payload.url,
                               title=payload.title, description=payload.description,
                               tags=payload.tags)
    return Status(201, cs.link(link))


@router.patch("/{slug}/links/{link_id}", response={200: cs.LinkOut, **ERRORS})
def update_link(request, slug: str, link_id: int, payload: cs.LinkPatch):
    link = access_link(request.auth, link_id, _community(request, slug))
    return cs.link(actions.do_update_link(request.auth, link,
                                          **payload.dict(exclude_unset=True)))


@router.delete("/{slug}/links/{link_id}", response={204: None, **ERRORS})
def delete_link(request, slug: str, link_id: int):
    actions.do_delete_link(request.auth, access_link(request.auth, link_id,
                                                     _community(request, slug)))
    return Status(204, None)


# --- Ideas ----------------------------------------------------------------------------------

def _voted(viewer, community) -> set[int]:
    return set(community.ideas.filter(votes__user=viewer).values_list("id", flat=True))


@router.get("/{slug}/ideas", response={200: list[cs.IdeaOut], **ERRORS},
            summary="Ideas, sorted by votes (default) or recency")
def ideas(request, slug: str, sort: str = "votes", status: str = ""):
    community = _member_community(request, slug)
    voted = _voted(request.auth, community)
    return [cs.idea(i, i.id in voted)
            for i in cq.ideas(request.auth, community, sort=sort, status=status)[:200]]


@router.post("/{slug}/ideas", response={201: cs.IdeaOut, **ERRORS})
def submit_idea(request, slug: str, payload: cs.IdeaIn):
    author = _person(payload.author) if payload.author else None
    idea = actions.do_submit_idea(request.auth, _community(request, slug), payload.title,
                                  description=payload.description, author=author,
                                  origin=payload.origin)
    return Status(201, cs.idea(idea, False))


def _idea(request, slug, idea_id):
    return access_idea(request.auth, idea_id, _community(request, slug))


@router.get("/{slug}/ideas/{idea_id}", response={200: cs.IdeaDetailOut, **ERRORS})
def idea_detail(request, slug: str, idea_id: int):
    idea = _idea(request, slug, idea_id)
    return cs.idea_detail(idea, idea.votes.filter(user=request.auth).exists(), request)


@router.patch("/{slug}/ideas/{idea_id}", response={200: cs.IdeaOut, **ERRORS},
              summary="Change an idea's status (animators)")
def set_idea_status(request, slug: str, idea_id: int, payload: cs.IdeaPatch):
    idea = actions.do_set_idea_status(request.auth, _idea(request, slug, idea_id),
                                      payload.status)
    return cs.idea(idea, idea.votes.filter(user=request.auth).exists())


@router.delete("/{slug}/ideas/{idea_id}", response={204: None, **ERRORS})
def delete_idea(request, slug: str, idea_id: int):
    actions.do_delete_idea(request.auth, _idea(request, slug, idea_id))
    return Status(204, None)


@router.post("/{slug}/ideas/{idea_id}/vote", response={200: cs.IdeaOut, **ERRORS})
def vote(request, slug: str, idea_id: int):
    return cs.idea(actions.do_vote_idea(request.auth, _idea(request, slug, idea_id)), True)


@router.delete("/{slug}/ideas/{idea_id}/vote", response={200: cs.IdeaOut, **ERRORS})
def unvote(request, slug: str, idea_id: int):
    return cs.idea(actions.do_unvote_idea(request.auth, _idea(request, slug, idea_id)), False)


@router.post("/{slug}/ideas/{idea_id}/comments", response={201: cs.CommentOut, **ERRORS})
def comment(request, slug: str, idea_id: int, payload: cs.CommentIn):
    from ..serializers import account

    found = actions.do_comment_idea(request.auth, _idea(request, slug, idea_id), payload.text)
    return Status(201, {"id": str(found.id), "author": account(found.author, request),
                        "text": found.text, "created_at": found.created_at})


@router.post("/{slug}/ideas/{idea_id}/credits", response={201: cs.CreditOut, **ERRORS},
             summary="Credit someone for connecting an idea")
def credit(request, slug: str, idea_id: int, payload: cs.CreditIn):
    found = actions.do_credit_idea(request.auth, _idea(request, slug, idea_id),
                                   _person(payload.username), payload.note)
    return Status(201, {"account": found.user.username, "kind": found.kind,
                        "note": found.note})


# --- Tasks ----------------------------------------------------------------------------------

@router.get("/{slug}/tasks", response={200: list[cs.TaskListOut], **ERRORS},
            summary="Task lists with their tasks")
def tasks(request, slug: str):
    community = _member_community(request, slug)
    rows = list(cq.tasks(request.auth, community).select_related("community"))
    return [{"id": str(tl.id), "name": tl.name,
             "tasks": [cs.task(t) for t in rows if t.task_list_id == tl.id]}
            for tl in community.task_lists.all()]


@router.post("/{slug}/task-lists", response={201: cs.TaskListOut, **ERRORS})
def create_task_list(request, slug: str, payload: cs.TaskListIn):
    found = actions.do_create_task_list(request.auth, _community(request, slug), payload.name)
    return Status(201, {"id": str(found.id), "name": found.name, "tasks": []})


@router.post("/{slug}/tasks", response={201: cs.TaskOut, **ERRORS})
def create_task(request, slug: str, payload: cs.TaskIn):
    community = _community(request, slug)
    task_list = access_task_list(request.auth, payload.task_list_id, community)
    assignee = _person(payload.assignee) if payload.assignee else None
    found = actions.do_create_task(request.auth, task_list, payload.title,
                                   description=payload.description, assignee=assignee,
                                   due_date=payload.due_date)
    return Status(201, cs.task(found))


@router.patch("/{slug}/tasks/{task_id}", response={200: cs.TaskOut, **ERRORS})
def update_task(request, slug: str, task_id: int, payload: cs.TaskPatch):
    task = access_task(request.auth, task_id, _community(request, slug))
    fields = payload.dict(exclude_unset=True, exclude={"assignee", "unassign"})
    if payload.unassign:
        fields["assignee"] = None
    elif payload.assignee:
        fields["assignee"] = _person(payload.assignee)
    return cs.task(actions.do_update_task(request.auth, task, **fields))


@router.delete("/{slug}/tasks/{task_id}", response={204: None, **ERRORS})
def delete_task(request, slug: str, task_id: int):
    actions.do_delete_task(request.auth, access_task(request.auth, task_id,
                                                     _community(request, slug)))
    return Status(204, None)


# --- Events ---------------------------------------------------------------------------------

def _event_out(request, event) -> dict:
    mine = event.rsvps.filter(user=request.auth).values_list("answer", flat=True).first()
    going = event.rsvps.filter(answer=Rsvp.Answer.GOING).count()
    return cs.event(event, request, mine, going)


@router.get("/{slug}/events", response={200: list[cs.EventOut], **ERRORS})
def events(request, slug: str, upcoming: bool | None = None):
    community = _member_community(request, slug)
    return [_event_out(request, e) for e in cq.events(request.auth, community,
                                                      upcoming=upcoming)[:200]]


@router.post("/{slug}/events", response={201: cs.EventOut, **ERRORS},
             summary="Create an event (a time without offset is read in its timezone)")
def create_event(request, slug: str, payload: cs.EventIn):
    found = actions.do_create_event(
        request.auth, _community(request, slug), payload.title, payload.starts_at,
        tz=payload.timezone, ends_at=payload.ends_at, place=payload.place,
        online_url=payload.online_url, description=payload.description,
        agenda=payload.agenda)
    return Status(201, _event_out(request, found))


@router.get("/{slug}/events/{event_id}", response={200: cs.EventDetailOut, **ERRORS})
def event_detail(request, slug: str, event_id: int):
    event = access_event(request.auth, event_id, _community(request, slug))
    rsvps = [{"account": r.user.username, "answer": r.answer}
             for r in event.rsvps.select_related("user")]
    return {**_event_out(request, event), "rsvps": rsvps}


@router.patch("/{slug}/events/{event_id}", response={200: cs.EventOut, **ERRORS})
def update_event(request, slug: str, event_id: int, payload: cs.EventPatch):
    event = access_event(request.auth, event_id, _community(request, slug))
    fields = payload.dict(exclude_unset=True)
    if "timezone" in fields:
        fields["tz"] = fields.pop("timezone")
    return _event_out(request, actions.do_update_event(request.auth, event, **fields))


@router.delete("/{slug}/events/{event_id}", response={204: None, **ERRORS})
def delete_event(request, slug: str, event_id: int):
    actions.do_delete_event(request.auth, access_event(request.auth, event_id,
                                                       _community(request, slug)))
    return Status(204, None)


@router.post("/{slug}/events/{event_id}/rsvp", response={200: cs.RsvpOut, **ERRORS},
             summary="Answer going, maybe or no (refused once the event is over)")
def rsvp(request, slug: str, event_id: int, payload: cs.RsvpIn):
    event = access_event(request.auth, event_id, _community(request, slug))
    found = actions.do_rsvp(request.auth, event, payload.answer)
    return {"account": request.auth.username, "answer": found.answer}


@router.get("/{slug}/events/{event_id}/ics", url_name="event_ics",
            response={200: None, **ERRORS}, summary="The event as an iCalendar file")
def event_ics(request, slug: str, event_id: int):
    event = access_event(request.auth, event_id, _community(request, slug))
    response = HttpResponse(ical.event_ics(event, request),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.id}.ics"'
    return response


# --- Questions ------------------------------------------------------------------------------

@router.get("/{slug}/questions", response={200: list[cs.QuestionOut], **ERRORS},
            summary="Questions: unanswered (default), open (no accepted answer) or all")
def questions(request, slug: str, show: str = "unanswered"):
    community = _member_community(request, slug)
    return [cs.question(q) for q in cq.questions(request.auth, community, which=show)[:200]]


@router.post("/{slug}/questions/{post_id}", response={204: None, **ERRORS},
             summary="Mark a community post as a question")
def mark_question(request, slug: str, post_id: int):
    _community(request, slug)
    actions.do_mark_question(request.auth, post_id)
    return Status(204, None)


@router.post("/{slug}/questions/{post_id}/accept", response={200: cs.QuestionOut, **ERRORS},
             summary="Accept an answer (the asker or an animator); null clears it")
def accept_answer(request, slug: str, post_id: int, payload: cs.AnswerIn):
    _community(request, slug)
    return cs.question(actions.do_accept_answer(request.auth, post_id, payload.answer_id))
