"""Communities: list and discovery, creation, the community home and its posts, members,
invitations and settings. Artefact tabs are in ``community_artefacts``."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.communities import actions
from essaim.communities import queries as cq
from essaim.communities.access import require_moderator
from essaim.communities.models import Community, Role
from essaim.communities.tasks import sweep_soon
from essaim.core.errors import EssaimError, NotFound, ValidationFailed
from essaim.core.files import file_response
from essaim.graph.actions import find_account
from essaim.polls.queries import polls_by_post
from essaim.posts.queries import hydrate

from ..community_forms import (
    KIND_HELP,
    TEMPLATE_HELP,
    CommunityForm,
    CommunityPostForm,
    GuestSignupForm,
    InviteForm,
    first_error,
)
from .common import cursor_from, done, web_view, with_params

TABS = ("posts", "files", "links", "ideas", "tasks", "events", "questions", "members")


def community_context(request, slug: str, tab: str) -> dict:
    """What every community page shows: the header, the viewer's membership, the tabs."""
    community = policy.access_community(request.user, slug)
    membership = cq.membership(request.user, community)
    return {
        "community": community, "membership": membership, "tab": tab,
        "is_member": membership is not None,
        "moderates": membership is not None and membership.moderates,
        "counts": cq.counts(request.user, community) if membership else {},
        "requested": membership is None and cq.has_requested(request.user, community),
        "invitation": cq.pending_invitations(request.user).filter(
            community=community).first() if membership is None else None,
    }


def members_only(request, context: dict, template: str, extra: dict | None = None):
    """A tab's page for members; non-members get the community's card and how to join."""
    if not context["is_member"]:
        return render(request, "web/communities/join.html", context, status=403)
    return render(request, template, {**context, **(extra or {})})


def _form_error(form) -> EssaimError:
    return ValidationFailed(first_error(form))


# --- List, discovery, creation -------------------------------------------------------------

@web_view()
def index(request):
    sweep_soon()
    viewer = request.user
    text = (request.GET.get("q") or "").strip()[:100]
    template = request.GET.get("template")
    template = template if template in Community.Template.values and template else None
    context = {
        "mine": cq.my_communities(viewer),
        "invitations": cq.pending_invitations(viewer),
        "q": text, "template": template or "", "templates": Community.Template.choices[1:],
    }
    if viewer.is_employee:
        context["discover"] = cq.discover(viewer, text=text, template=template)[:50]
    return render(request, "web/communities/index.html", context)


@web_view(methods=("GET", "POST"))
def create(request):
    actions.check_create_community(request.user)
    form = CommunityForm(request.POST or None, initial={
        "template": request.GET.get("template", ""), "kind": ""})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                community = actions.do_create_community(
                    request.user, data["name"], kind=data["kind"] or None,
                    description=data["description"], tags=data["tags"],
                    template=data["template"], deadline=data["deadline"])
            except EssaimError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
                status = exc.status
            else:
                messages.success(request, _("Community “%(name)s” created. Invite people "
                                            "from the Members tab.") % {"name": community.name})
                return redirect("web:community", community.slug)
        else:
            status = 422
    return render(request, "web/communities/create.html",
                  {"form": form, "kind_help": KIND_HELP, "template_help": TEMPLATE_HELP},
                  status=status)


# --- Home: posts ---------------------------------------------------------------------------

@web_view()
def home(request, slug):
    context = community_context(request, slug, "posts")
    if not context["is_member"]:
        return render(request, "web/communities/join.html", context,
                      status=200 if request.method == "GET" else 403)
    community, viewer = context["community"], request.user
    cursor = cursor_from(request)
    posts = cq.timeline(viewer, community, cursor)
    pinned = cq.pinned(viewer, community) if cursor.max_id is None else []
    pinned_ids = {p.id for p in pinned}
    posts = [p for p in posts if p.id not in pinned_ids]
    shown = [*pinned, *posts]
    more = with_params(request, max_id=posts[-1].id) if len(posts) >= cursor.limit else None
    return render(request, "web/communities/home.html", {
        **context, "pinned_cards": hydrate(viewer, pinned), "cards": hydrate(viewer, posts),
        "polls": polls_by_post(viewer, [p.id for p in shown]),
        "questions": set(community.questions.filter(post_id__in=[p.id for p in shown])
                         .values_list("post_id", flat=True)),
        "pinned_ids": pinned_ids, "next_url": more, "post_form": CommunityPostForm(),
        "attachments": cq.attachments(viewer, [p.id for p in shown]),
        "attachable": cq.recent_files(viewer, community)[:30],
    })


@web_view(methods=("POST",))
def compose(request, slug):
    community = policy.access_community(request.user, slug)
    form = CommunityPostForm(request.POST)
    if not form.is_valid():
        raise _form_error(form)
    data = form.cleaned_data
    options = [line.strip() for line in data["poll_options"].splitlines() if line.strip()]
    post = actions.do_post_in_community(request.user, community, data["text"],
                                        question=data["question"], poll_options=options,
                                        poll_expires_in=data["poll_expires_in"],
                                        poll_multiple=data["poll_multiple"],
                                        in_reply_to=data["in_reply_to"],
                                        file_ids=request.POST.getlist("files"))
    if post.in_reply_to_id is not None:
        return done(request, _("Your answer is published."))
    messages.success(request, _("Your post is published in %(name)s.") % {
        "name": community.name})
    return redirect("web:community", community.slug)


@web_view(methods=("POST",))
def post_action(request, slug, post_id, action):
    """Pin or unpin an announcement, mark a question, accept an answer."""
    community = policy.access_community(request.user, slug)
    post = policy.access_post(request.user, post_id)
    if post.community_id != community.pk:
        raise NotFound(_("This post does not exist or is not visible to you."))
    if action == "pin":
        if request.POST.get("on") == "0":
            actions.do_unpin_announcement(request.user, post.id)
            return done(request, _("Announcement unpinned."))
        actions.do_pin_announcement(request.user, post.id)
        return done(request, _("Pinned as an announcement."))
    if action == "question":
        actions.do_mark_question(request.user, post.id)
        return done(request, _("Marked as a question."))
    question_id = post.thread_root_id or post.id
    actions.do_accept_answer(request.user, question_id, post.id)
    return done(request, _("Answer accepted."))


@web_view(methods=("POST",))
def poll_vote(request, slug, poll_id):
    from essaim.polls.actions import do_vote

    policy.access_community(request.user, slug)
    do_vote(request.user, poll_id, request.POST.getlist("choice"))
    return done(request, _("Your vote is counted."))


# --- Joining and following ------------------------------------------------------------------

@web_view(methods=("POST",))
def join(request, slug):
    community = policy.access_community(request.user, slug)
    result = actions.do_join(request.user, community, request.POST.get("message", ""))
    if getattr(result, "role", None):
        messages.success(request, _("Welcome to %(name)s.") % {"name": community.name})
        return redirect("web:community", community.slug)
    return done(request, _("Your request is sent to the animators."))


@web_view(methods=("POST",))
def leave(request, slug):
    community = policy.access_community(request.user, slug)
    if request.POST.get("cancel") == "1":
        actions.do_cancel_request(request.user, community)
        return done(request, _("Request withdrawn."))
    actions.do_leave(request.user, community)
    messages.success(request, _("You left %(name)s.") % {"name": community.name})
    return redirect("web:communities")


@web_view(methods=("POST",))
def follow(request, slug):
    community = policy.access_community(request.user, slug)
    on = request.POST.get("on") != "0"
    actions.do_set_following(request.user, community, on)
    return done(request, _("Its posts now reach your home timeline.") if on
                else _("Its posts no longer reach your home timeline."))


# --- Members and invitations -----------------------------------------------------------------

@web_view()
def members(request, slug):
    context = community_context(request, slug, "members")
    community = context["community"]
    extra = {"members": cq.members(request.user, community), "invite_form": InviteForm(),
             "roles": [(Role.OWNER, Role.OWNER.label), (Role.ANIMATOR, Role.ANIMATOR.label),
                       (Role.MEMBER, Role.MEMBER.label)]}
    if context["moderates"]:
        extra["requests"] = cq.join_requests(community)
        extra["open_invitations"] = cq.open_invitations(community)
    return members_only(request, context, "web/communities/members.html", extra)


def _person(username: str):
    account = find_account(username)
    if account is None:
        raise NotFound(_("Nobody has the username @%(name)s.")
                       % {"name": (username or "").strip().lstrip("@")})
    return account


@web_view(methods=("POST",))
def invite(request, slug):
    community = policy.access_community(request.user, slug)
    form = InviteForm(request.POST)
    if not form.is_valid():
        raise _form_error(form)
    who = form.cleaned_data["who"].strip()
    if "@" in who.lstrip("@"):
        invitation = actions.do_invite_email(request.user, community, who,
                                             form.cleaned_data["organisation"])
    else:
        invitation = actions.do_invite_account(request.user, community, _person(who))
    if invitation.account_id:
        return done(request, _("%(name)s is invited.") % {"name": invitation.account.name})
    link = request.build_absolute_uri(reverse("web:community_invitation",
                                              args=[invitation.token]))
    messages.success(request, _("Invitation ready. Send this link to %(email)s: %(link)s")
                     % {"email": invitation.email, "link": link})
    return redirect("web:community_members", community.slug)


@web_view(methods=("POST",))
def member_action(request, slug, username, action):
    community = policy.access_community(request.user, slug)
    account = _person(username)
    if action == "approve":
        actions.do_approve_request(request.user, community, account)
        return done(request, _("%(name)s is now a member.") % {"name": account.name})
    if action == "reject":
        actions.do_reject_request(request.user, community, account)
        return done(request, _("Request declined."))
    if action == "remove":
        actions.do_remove_member(request.user, community, account)
        return done(request, _("%(name)s is no longer a member.") % {"name": account.name})
    actions.do_set_role(request.user, community, account, request.POST.get("role", ""))
    return done(request, _("Role changed."))


@web_view(methods=("POST",))
def invitation_action(request, slug, invitation_id, action):
    community = policy.access_community(request.user, slug)
    if action == "revoke":
        actions.do_revoke_invitation(request.user, community, invitation_id)
        return done(request, _("Invitation withdrawn."))
    if action == "decline":
        actions.do_decline_invitation(request.user, invitation_id)
        messages.success(request, _("Invitation declined."))
        return redirect("web:communities")
    actions.do_accept_invitation(request.user, invitation_id)
    messages.success(request, _("Welcome to %(name)s.") % {"name": community.name})
    return redirect("web:community", community.slug)


@web_view(login=False, methods=("GET", "POST"))
def invitation(request, token):
    """An e-mail invitation link: create one's guest account and enter the community."""
    found = actions.access_invitation_token(token)
    if request.user.is_authenticated:
        if found.account_id == request.user.id:
            return redirect("web:community", found.community.slug)
        raise NotFound(_("This invitation is for someone else."))
    if found.account_id is not None:
        return redirect(f"{reverse('web:login')}?next={reverse('web:communities')}")
    form = GuestSignupForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                user, _membership = actions.do_register_guest(token, data["username"],
                                                              data["password"], data["name"])
            except EssaimError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
                status = exc.status
            else:
                login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
                messages.success(request, _("Welcome to %(name)s.") % {
                    "name": found.community.name})
                return redirect("web:community", found.community.slug)
        else:
            status = 422
    return render(request, "web/communities/invitation.html",
                  {"invitation": found, "form": form}, status=status)


# --- Settings -------------------------------------------------------------------------------

@web_view(methods=("GET", "POST"))
def settings_page(request, slug):
    context = community_context(request, slug, "settings")
    community = context["community"]
    require_moderator(request.user, community)
    form = CommunityForm(request.POST or None, initial={
        "name": community.name, "kind": community.kind, "description": community.description,
        "tags": community.tags, "template": community.template,
        "deadline": community.deadline})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.do_update_community(
                    request.user, community, name=data["name"], kind=data["kind"] or None,
                    description=data["description"], tags=data["tags"],
                    deadline=data["deadline"])
            except EssaimError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
                status = exc.status
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect("web:community_settings", community.slug)
        else:
            status = 422
    return render(request, "web/communities/settings.html",
                  {**context, "form": form, "decisions": Community.Decision.choices,
                   "kind_help": KIND_HELP}, status=status)


@web_view(methods=("POST",))
def lifecycle(request, slug, action):
    community = policy.access_community(request.user, slug)
    if action == "archive":
        actions.do_archive(request.user, community)
        return done(request, _("The community is archived: it is now read-only."))
    if action == "unarchive":
        actions.do_unarchive(request.user, community)
        return done(request, _("The community is open again."))
    if action == "decision":
        actions.do_set_decision(request.user, community, request.POST.get("decision", ""),
                                request.POST.get("note", ""))
        return done(request, _("Decision recorded."))
    if action == "image":
        which = request.POST.get("which", "avatar")
        actions.do_set_image(request.user, community, which, request.FILES.get("image"))
        return done(request, _("Image updated."))
    name = community.name
    actions.do_delete_community(request.user, community)
    messages.success(request, _("“%(name)s” is deleted.") % {"name": name})
    return redirect("web:communities")


@web_view()
def image(request, slug, which):
    """A community's avatar or cover, for those who may see the community."""
    community = policy.access_community(request.user, slug)
    field = community.avatar if which == "avatar" else community.cover
    if not field.name:
        raise Http404
    return file_response(field, _image_type(field.name), cache_control="private, max-age=3600")


def _image_type(name: str) -> str:
    return "image/png" if name.endswith(".png") else "image/jpeg"


# --- My tasks across communities -----------------------------------------------------------------

@web_view()
def my_tasks(request):
    from essaim.communities.models import Task

    return render(request, "web/communities/my_tasks.html", {
        "tasks": cq.my_tasks(request.user), "statuses": Task.Status.choices,
    })

