"""The artefact tabs of a community: files, links, ideas, tasks, events, questions.

Downloads go through :func:`download`, which checks membership every time: community files
never have a public address.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from essaim import visibility as policy
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
from essaim.communities.models import Event, Idea, Rsvp, Task
from essaim.core.errors import NotFound
from essaim.core.files import file_response

from ..community_forms import (
    EventForm,
    IdeaForm,
    IdeaStatusForm,
    LinkForm,
    RsvpForm,
    TaskForm,
    TaskUpdateForm,
)
from .common import done, web_view
from .communities import _form_error, _person, community_context, members_only
from .posts import toast


def _community(request, slug):
    return policy.access_community(request.user, slug)


# --- Files ----------------------------------------------------------------------------------

@web_view()
def files(request, slug):
    context = community_context(request, slug, "files")
    if not context["is_member"]:
        return members_only(request, context, "")
    community = context["community"]
    folder = None
    if request.GET.get("folder"):
        folder = access_folder(request.user, request.GET["folder"], community)
    trail, node = [], folder
    while node is not None:
        trail.insert(0, node)
        node = node.parent
    return members_only(request, context, "web/communities/files.html", {
        "folder": folder, "trail": trail,
        "folders": community.folders.filter(parent=folder),
        "files": cq.files(request.user, community, folder).select_related("created_by"),
    })


@web_view(methods=("POST",))
def upload(request, slug):
    community = _community(request, slug)
    folder = None
    if request.POST.get("folder"):
        folder = access_folder(request.user, request.POST["folder"], community)
    shared = actions.do_upload_file(request.user, community, request.FILES.get("file"),
                                    folder=folder,
                                    description=request.POST.get("description", ""))
    return done(request, _("“%(name)s” is shared (version %(n)d).")
                % {"name": shared.name, "n": shared.versions_count})


@web_view(methods=("POST",))
def new_folder(request, slug):
    community = _community(request, slug)
    parent = None
    if request.POST.get("parent"):
        parent = access_folder(request.user, request.POST["parent"], community)
    folder = actions.do_create_folder(request.user, community, request.POST.get("name", ""),
                                      parent)
    return done(request, _("Folder “%(name)s” created.") % {"name": folder.name})


@web_view()
def file_detail(request, slug, file_id):
    context = community_context(request, slug, "files")
    shared = access_file(request.user, file_id, context["community"])
    return members_only(request, context, "web/communities/file.html", {
        "file": shared, "versions": shared.versions.select_related("uploaded_by")})


def _version(shared, number):
    versions = shared.versions.all()
    if number:
        try:
            return versions.get(number=int(number))
        except (ValueError, TypeError, shared.versions.model.DoesNotExist) as exc:
            raise NotFound(_("This version does not exist.")) from exc
    version = versions.first()
    if version is None:
        raise NotFound(_("This file has no content yet."))
    return version


@web_view()
def download(request, slug, file_id):
    """Hand out a file to a member (counted); never a public URL."""
    community = _community(request, slug)
    shared = access_file(request.user, file_id, community)
    version = _version(shared, request.GET.get("version"))
    actions.do_record_download(request.user, shared, version)
    return file_response(version.blob, version.content_type, cache_control="private, no-store",
                         as_attachment=True, filename=shared.name)


@web_view()
def thumbnail(request, slug, file_id):
    community = _community(request, slug)
    shared = access_file(request.user, file_id, community)
    version = _version(shared, None)
    if not version.thumbnail.name:
        raise Http404
    return file_response(version.thumbnail, "image/png", cache_control="private, max-age=600")


@web_view(methods=("POST",))
def file_action(request, slug, file_id, action):
    community = _community(request, slug)
    shared = access_file(request.user, file_id, community)
    if action == "version":
        actions.do_upload_version(request.user, shared, request.FILES.get("file"))
        return done(request, _("New version uploaded."))
    actions.do_delete_file(request.user, shared)
    messages.success(request, _("File deleted."))
    return redirect("web:community_files", community.slug)


@web_view(methods=("POST",))
def folder_delete(request, slug, folder_id):
    community = _community(request, slug)
    actions.do_delete_folder(request.user, access_folder(request.user, folder_id, community))
    messages.success(request, _("Folder deleted."))
    return redirect("web:community_files", community.slug)


# --- Links ----------------------------------------------------------------------------------

@web_view(methods=("GET", "POST"))
def links(request, slug):
    context = community_context(request, slug, "links")
    if request.method == "POST":
        form = LinkForm(request.POST)
        if not form.is_valid():
            raise _form_error(form)
        actions.do_add_link(request.user, context["community"], **form.cleaned_data)
        return done(request, _("Link shared."))
    return members_only(request, context, "web/communities/links.html", {
        "links": cq.links(request.user, context["community"]), "form": LinkForm()})


@web_view(methods=("POST",))
def link_delete(request, slug, link_id):
    community = _community(request, slug)
    actions.do_delete_link(request.user, access_link(request.user, link_id, community))
    return done(request, _("Link removed."))


# --- Ideas ----------------------------------------------------------------------------------

@web_view(methods=("GET", "POST"))
def ideas(request, slug):
    context = community_context(request, slug, "ideas")
    community = context["community"]
    if request.method == "POST":
        form = IdeaForm(request.POST)
        if not form.is_valid():
            raise _form_error(form)
        data = form.cleaned_data
        author = _person(data["author"]) if data["author"].strip() else None
        actions.do_submit_idea(request.user, community, data["title"],
                               description=data["description"], author=author,
                               origin=data["origin"])
        return done(request, _("Your idea is in the box."))
    sort = "recent" if request.GET.get("sort") == "recent" else "votes"
    status = request.GET.get("status") if request.GET.get("status") in Idea.Status.values \
        else ""
    rows = cq.ideas(request.user, community, sort=sort, status=status)
    voted = set(community.ideas.filter(votes__user=request.user).values_list("id", flat=True))
    return members_only(request, context, "web/communities/ideas.html", {
        "ideas": rows, "sort": sort, "status": status, "statuses": Idea.Status.choices,
        "voted": voted, "form": _idea_form(community)})


def _idea_form(community) -> IdeaForm:
    form = IdeaForm()
    form.fields["author"].widget.attrs["data-community"] = community.slug
    return form


@web_view()
def idea_detail(request, slug, idea_id):
    context = community_context(request, slug, "ideas")
    idea = access_idea(request.user, idea_id, context["community"])
    return members_only(request, context, "web/communities/idea.html", {
        "idea": idea, "comments": idea.comments.select_related("author"),
        "credits": idea.credits.select_related("user"),
        "voted": idea.votes.filter(user=request.user).exists(),
        "status_form": IdeaStatusForm(initial={"status": idea.status}),
        "statuses": Idea.Status.choices})


@web_view(methods=("POST",))
def idea_action(request, slug, idea_id, action):
    community = _community(request, slug)
    idea = access_idea(request.user, idea_id, community)
    if action == "vote":
        if request.POST.get("on") == "0":
            actions.do_unvote_idea(request.user, idea)
            return done(request, _("Vote withdrawn."))
        actions.do_vote_idea(request.user, idea)
        return done(request, _("Your vote is counted."))
    if action == "comment":
        actions.do_comment_idea(request.user, idea, request.POST.get("text", ""))
        return done(request, _("Comment added."))
    if action == "credit":
        account = _person(request.POST.get("username", ""))
        actions.do_credit_idea(request.user, idea, account, request.POST.get("note", ""))
        return done(request, _("Credit recorded for %(name)s.") % {"name": account.name})
    if action == "delete":
        actions.do_delete_idea(request.user, idea)
        messages.success(request, _("Idea deleted."))
        return redirect("web:community_ideas", community.slug)
    actions.do_set_idea_status(request.user, idea, request.POST.get("status", ""))
    return done(request, _("Status changed."))


# --- Tasks ----------------------------------------------------------------------------------

@web_view(methods=("GET", "POST"))
def tasks(request, slug):
    context = community_context(request, slug, "tasks")
    community = context["community"]
    if request.method == "POST":
        form = TaskForm(request.POST)
        if not form.is_valid():
            raise _form_error(form)
        data = form.cleaned_data
        task_list = access_task_list(request.user, data["task_list"], community)
        assignee = _person(data["assignee"]) if data["assignee"].strip() else None
        actions.do_create_task(request.user, task_list, data["title"], assignee=assignee,
                               due_date=data["due_date"])
        return done(request, _("Task added."))
    rows = list(cq.tasks(request.user, community))
    lists = [(task_list, [t for t in rows if t.task_list_id == task_list.id])
             for task_list in community.task_lists.all()]
    return members_only(request, context, "web/communities/tasks.html", {
        "lists": lists, "statuses": Task.Status.choices})


@web_view(methods=("POST",))
def task_list_create(request, slug):
    community = _community(request, slug)
    actions.do_create_task_list(request.user, community, request.POST.get("name", ""))
    return done(request, _("Task list created."))


@web_view(methods=("POST",))
def task_action(request, slug, task_id, action):
    community = _community(request, slug)
    task = access_task(request.user, task_id, community)
    if action == "delete":
        actions.do_delete_task(request.user, task)
        return done(request, _("Task deleted."))
    form = TaskUpdateForm(request.POST)
    if not form.is_valid():
        raise _form_error(form)
    data = form.cleaned_data
    fields = {}
    if data["status"]:
        fields["status"] = data["status"]
    if "assignee" in request.POST:
        fields["assignee"] = _person(data["assignee"]) if data["assignee"].strip() else None
    task = actions.do_update_task(request.user, task, **fields)
    if request.htmx:  # the status buttons: swap the task's row in place
        row = render_to_string("web/communities/partials/task_row.html", {
            "task": task, "community": community, "statuses": Task.Status.choices}, request)
        return HttpResponse(row + toast(request, _("Task updated.")))
    return done(request, _("Task updated."))


# --- Events ---------------------------------------------------------------------------------

@web_view(methods=("GET", "POST"))
def events(request, slug):
    context = community_context(request, slug, "events")
    community = context["community"]
    if request.method == "POST":
        form = EventForm(request.POST)
        if not form.is_valid():
            raise _form_error(form)
        data = form.cleaned_data
        event = actions.do_create_event(
            request.user, community, data["title"], _local(data["starts_at"]),
            tz=data["timezone"], ends_at=_local(data["ends_at"]), place=data["place"],
            online_url=data["online_url"], description=data["description"],
            agenda=data["agenda"])
        messages.success(request, _("Event created."))
        return redirect("web:community_event", community.slug, event.id)
    return members_only(request, context, "web/communities/events.html", {
        "upcoming": cq.events(request.user, community, upcoming=True),
        "past": cq.events(request.user, community, upcoming=False)[:20],
        "form": EventForm(initial={"timezone": "Europe/Paris"})})


def _local(moment):
    """Forms read times in the server's zone; the event's own timezone applies instead."""
    return moment.replace(tzinfo=None) if moment is not None else None


@web_view()
def event_detail(request, slug, event_id):
    context = community_context(request, slug, "events")
    event = access_event(request.user, event_id, context["community"])
    rsvps = event.rsvps.select_related("user").order_by("answer", "user__username")
    mine = next((r.answer for r in rsvps if r.user_id == request.user.id), "")
    return members_only(request, context, "web/communities/event.html", {
        "event": event, "rsvps": rsvps, "mine": mine, "answers": Rsvp.Answer.choices,
        "going": [r for r in rsvps if r.answer == "going"],
        "maybe": [r for r in rsvps if r.answer == "maybe"]})


@web_view(methods=("POST",))
def event_action(request, slug, event_id, action):
    community = _community(request, slug)
    event = access_event(request.user, event_id, community)
    if action == "delete":
        actions.do_delete_event(request.user, event)
        messages.success(request, _("Event deleted."))
        return redirect("web:community_events", community.slug)
    form = RsvpForm(request.POST)
    if not form.is_valid():
        raise _form_error(form)
    actions.do_rsvp(request.user, event, form.cleaned_data["answer"])
    return done(request, _("Your answer is saved."))


@web_view()
def event_ics(request, slug, event_id):
    community = _community(request, slug)
    event: Event = access_event(request.user, event_id, community)
    response = HttpResponse(ical.event_ics(event, request), content_type="text/calendar; "
                            "charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.id}.ics"'
    return response


# --- Questions ------------------------------------------------------------------------------

@web_view()
def questions(request, slug):
    context = community_context(request, slug, "questions")
    which = request.GET.get("show")
    which = which if which in ("unanswered", "open", "all") else "unanswered"
    return members_only(request, context, "web/communities/questions.html", {
        "questions": cq.questions(request.user, context["community"], which=which),
        "show": which})


@web_view()
def question_detail(request, slug, post_id):
    """A question with its answers; the asker or an animator accepts one."""
    from essaim.posts.queries import hydrate
    from essaim.timelines import queries as timelines

    context = community_context(request, slug, "questions")
    if not context["is_member"]:
        return members_only(request, context, "")
    post = policy.access_post(request.user, post_id)
    question = context["community"].questions.filter(post=post).first()
    if question is None:
        raise NotFound(_("This question does not exist or is not visible to you."))
    _ancestors, answers = timelines.thread(request.user, post)
    cards = hydrate(request.user, [post, *answers])
    return members_only(request, context, "web/communities/question.html", {
        "question": question, "question_card": cards[0], "answer_cards": cards[1:],
        "may_accept": post.author_id == request.user.id or context["moderates"]})
