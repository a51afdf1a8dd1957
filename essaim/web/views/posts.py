"""Posts: threads, composing, editing, history, and the buttons on every post card."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from essaim import visibility as policy
from essaim.advocacy.impressions import note_shown
from essaim.core.errors import EssaimError, NotFound, ValidationFailed
from essaim.media.actions import MAX_PER_POST, do_upload_media
from essaim.posts import actions
from essaim.posts.access import access_deletable_post, access_own_post
from essaim.posts.models import ReplyPolicy
from essaim.posts.queries import hydrate
from essaim.timelines import queries as timelines

from ..forms import ComposeForm, EditPostForm, ReplyPolicyForm
from .common import back_url, done, filtered_cards, is_safe, web_view


def _card(viewer, post_id):
    return hydrate(viewer, [policy.access_post(viewer, post_id)])[0]


def toast(request, message: str, level: str = "success") -> str:
    """An out-of-band toast for htmx answers."""
    return render_to_string("web/partials/toast.html",
                            {"message": message, "level": level, "oob": True}, request)


@web_view(login=False)
def thread(request, post_id):
    viewer = request.user
    try:
        post = policy.access_post(viewer, post_id)
    except NotFound:
        if not viewer.is_authenticated:
            return redirect(f"{reverse('web:login')}?next={request.path}")
        raise
    if post.relay_of_id:
        return redirect("web:thread", post.relay_of_id)
    ancestors, descendants = timelines.thread(viewer, post)
    focus = hydrate(viewer, [post])[0]  # opened on purpose: shown whatever the filters
    note_shown(viewer, [post])
    context = {"ancestors": filtered_cards(viewer, ancestors, "thread"), "focus_card": focus,
               "descendants": filtered_cards(viewer, descendants, "thread")}
    if viewer.is_authenticated:
        context["reply_refusal"] = policy.reply_refusal(viewer, post)
        mention = f"@{post.author.username} " if post.author_id != viewer.id else ""
        context["compose_form"] = ComposeForm(
            user=viewer, initial={"in_reply_to": post.id, "text": mention,
                                  "visibility": post.visibility})
        if focus.own:
            context["reply_policy_form"] = ReplyPolicyForm(
                initial={"reply_policy": post.reply_policy})
    return render(request, "web/thread.html", context)


def _compose_targets(user, data):
    """The posts a new post answers or quotes, checked against what the person may see."""
    reply_to = policy.access_post(user, data["in_reply_to"]) if data.get("in_reply_to") else None
    quote = policy.access_post(user, data["quote_of"]) if data.get("quote_of") else None
    return reply_to, quote


def _render_compose(request, form, status=200):
    reply_to, quote = None, None
    try:
        reply_to, quote = _compose_targets(request.user, {
            "in_reply_to": form["in_reply_to"].value(), "quote_of": form["quote_of"].value()})
    except EssaimError:
        pass
    context = {"compose_form": form,
               "reply_card": hydrate(request.user, [reply_to])[0] if reply_to else None,
               "quote_card": hydrate(request.user, [quote])[0] if quote else None,
               "next": request.POST.get("next") or request.GET.get("next") or ""}
    return render(request, "web/compose.html", context, status=status)


@web_view(methods=("GET", "POST"))
def compose(request):
    user = request.user
    if request.method == "GET":
        initial = {key: request.GET.get(key) for key in ("quote_of", "in_reply_to")
                   if (request.GET.get(key) or "").isdigit()}
        if "quote_of" in initial:
            initial["visibility"] = policy.default_visibility_for(user)
        return _render_compose(request, ComposeForm(user=user, initial=initial))
    form = ComposeForm(request.POST, user=user)
    if not form.is_valid():
        return _render_compose(request, form, status=422)
    data = form.cleaned_data
    if form.scheduled_time() is not None:
        return _schedule(request, form)
    try:
        author = next((a for a in form.official_accounts if a.id == data["author"]), None)
        post = actions.do_create_post(
            user, data["text"], visibility=data["visibility"],
            reply_policy=data["reply_policy"], in_reply_to=data.get("in_reply_to"),
            quote_of=data.get("quote_of"), author=author, spoiler_text=data["spoiler_text"],
            media_ids=_uploaded_images(request, data), poll=form.poll())
    except EssaimError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return _render_compose(request, form, status=exc.status)
    messages.success(request, _("Your reply is published.") if post.in_reply_to_id
                     else _("Your post is published."))
    if post.in_reply_to_id is not None:
        return redirect(f"{reverse('web:thread', args=[post.in_reply_to_id])}#post-{post.id}")
    nxt = request.POST.get("next")
    return redirect(nxt if is_safe(request, nxt) else reverse("web:home"))


def _schedule(request, form):
    """The composer's "Publish on…": the post waits in /scheduled/ until its time."""
    from django.utils import formats, timezone

    from essaim.posts.actions.scheduled import do_schedule_post

    data = form.cleaned_data
    try:
        author = next((a for a in form.official_accounts if a.id == data["author"]), None)
        planned = do_schedule_post(
            request.user, form.scheduled_time(), text=data["text"],
            visibility=data["visibility"], reply_policy=data["reply_policy"],
            in_reply_to=data.get("in_reply_to"), quote_of=data.get("quote_of"),
            author=author.id if author else None, spoiler_text=data["spoiler_text"],
            media_ids=_uploaded_images(request, data), poll=form.poll())
    except EssaimError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return _render_compose(request, form, status=exc.status)
    when = formats.date_format(timezone.localtime(planned.scheduled_at), "DATETIME_FORMAT")
    messages.success(request, _("Your post is scheduled for %(when)s (UTC).") % {"when": when})
    return redirect("web:scheduled")


def _uploaded_images(request, data) -> list[int]:
    """Upload the composer's images and files (the same two steps as a Mastodon client:
    upload, then publish with their IDs)."""
    images, files = request.FILES.getlist("images"), request.FILES.getlist("files")
    if len(images) > MAX_PER_POST:
        raise ValidationFailed(_("A post has at most %(n)d images.") % {"n": MAX_PER_POST},
                               field="images")
    if len(images) + len(files) > MAX_PER_POST:
        raise ValidationFailed(_("A post has at most %(n)d attachments.")
                               % {"n": MAX_PER_POST}, field="images")
    return [do_upload_media(request.user, f, description=data["image_description"],
                            kind="image").id for f in images] + \
        [do_upload_media(request.user, f, kind="file").id for f in files]


TOGGLES = {
    "like": (actions.do_like, actions.do_unlike),
    "relay": (actions.do_relay, actions.do_unrelay),
    "bookmark": (actions.do_bookmark, actions.do_unbookmark),
    "pin": (actions.do_pin, actions.do_unpin),
}
TOGGLE_MESSAGES = {
    ("like", True): None, ("like", False): None,
    ("relay", True): gettext_lazy("Relayed to your followers."),
    ("relay", False): gettext_lazy("Relay undone."),
    ("bookmark", True): gettext_lazy("Saved to your bookmarks."),
    ("bookmark", False): gettext_lazy("Removed from your bookmarks."),
    ("pin", True): gettext_lazy("Pinned to your profile."),
    ("pin", False): gettext_lazy("Unpinned."),
}


@web_view(methods=("POST",))
def toggle(request, post_id, action):
    """Like, relay, bookmark or pin a post (``on=0`` undoes); htmx gets the card's new buttons."""
    on = request.POST.get("on") != "0"
    do, undo = TOGGLES[action]
    original = policy.access_post(request.user, post_id)
    original_id = original.relay_of_id or original.id
    (do if on else undo)(request.user, post_id)
    message = TOGGLE_MESSAGES[(action, on)]
    if not request.htmx:
        return done(request, str(message) if message else None)
    try:
        card = _card(request.user, post_id)
    except NotFound:  # the entry was one's own relay, now undone: show the original
        card = _card(request.user, original_id)
    html = render_to_string("web/partials/post_actions.html", {"card": card}, request)
    if message:
        html += toast(request, str(message))
    return HttpResponse(html)


@web_view(methods=("POST",))
def reply_policy(request, post_id):
    form = ReplyPolicyForm(request.POST)
    if not form.is_valid():
        raise EssaimError(_("Choose who can reply."))
    post = actions.do_set_reply_policy(request.user, post_id, form.cleaned_data["reply_policy"])
    if post.reply_policy == ReplyPolicy.NOBODY:
        message = _("Replies are now closed.")
    else:
        message = _("Replies are now open to: %(policy)s.") % {
            "policy": post.get_reply_policy_display()}
    if request.htmx:
        return HttpResponse(toast(request, message))
    return done(request, message)


@web_view(methods=("GET", "POST"))
def delete(request, post_id):
    post = access_deletable_post(request.user, post_id)  # the action's own rule
    if request.method == "GET":  # the confirmation shows the post: only to those who read it
        shown = policy.access_post(request.user, post.id)
        return render(request, "web/posts/delete.html",
                      {"card": hydrate(request.user, [shown])[0]})
    actions.do_delete_post(request.user, post.id)
    if request.htmx:
        if request.htmx.current_url_abs_path == reverse("web:thread", args=[post.id]):
            messages.success(request, _("Post deleted."))  # its own page is gone: go home
            return HttpResponse(headers={"HX-Redirect": reverse("web:home")})
        return HttpResponse(toast(request, _("Post deleted.")))
    messages.success(request, _("Post deleted."))
    target = back_url(request)
    if reverse("web:thread", args=[post.id]) in target or "/delete/" in target:
        target = reverse("web:home")
    return redirect(target)


@web_view(methods=("GET", "POST"))
def edit(request, post_id):
    post = access_own_post(request.user, post_id)
    if post.relay_of_id:
        raise EssaimError(_("A relay cannot be edited."))
    form = EditPostForm(request.POST or None,
                        initial={"text": post.text, "spoiler_text": post.spoiler_text})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_edit_post(request.user, post.id, form.cleaned_data["text"],
                                 spoiler_text=form.cleaned_data["spoiler_text"])
        except EssaimError as exc:
            form.add_error("text" if exc.field == "text" else None, exc.message)
            status = exc.status
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("web:thread", post.id)
    elif request.method == "POST":
        status = 422
    return render(request, "web/posts/edit.html",
                  {"form": form, "post": post, "card": hydrate(request.user, [post])[0]},
                  status=status)


@web_view(login=False)
def history(request, post_id):
    post = policy.access_post(request.user, post_id)
    versions = list(post.edits.all().order_by("-created_at", "-id"))
    return render(request, "web/posts/history.html",
                  {"post": post, "versions": versions,
                   "card": hydrate(request.user, [post])[0]})
