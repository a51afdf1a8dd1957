"""People: profiles, follow / mute / block, and the employee directory."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Q, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.shortcuts import render
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import NotFound
from essaim.graph import actions as graph_actions
from essaim.graph import queries as graph_queries
from essaim.posts.queries import counted_on_profiles, hydrate
from essaim.timelines import queries as timelines

from ..forms import DirectoryForm
from .common import cursor_from, done, render_feed, web_view

DIRECTORY_PAGE = 24


def profile_counts(viewer, account) -> dict:
    counted = counted_on_profiles(outsider=policy.is_outsider(viewer))
    return {
        "posts": counted.filter(author=account).count(),
        "followers": graph_queries.follower_ids(account).count(),
        "following": graph_queries.following_ids(account).count(),
    }


@web_view(login=False)
def profile(request, username):
    viewer = request.user
    if not viewer.is_authenticated:  # official accounts have a public profile
        from .advocacy import public_profile

        return public_profile(request, username)
    account = policy.access_account(viewer, username)
    tab = "replies" if request.GET.get("tab") == "replies" else "posts"
    cursor = cursor_from(request)
    page = timelines.profile(viewer, account, cursor, exclude_replies=tab == "posts")
    pinned = []
    if tab == "posts" and cursor.max_id is None:
        pinned = timelines.pinned_posts(viewer, account)
        pinned_ids = {p.id for p in pinned}
        page.posts = [p for p in page.posts if p.id not in pinned_ids]
    rel = graph_queries.relationship(viewer, account)
    context = {
        "account": account, "tab": tab, "rel": rel, "is_me": account.id == viewer.id,
        "counts": profile_counts(viewer, account), "pinned_cards": hydrate(viewer, pinned),
        "skills": list(account.skills.all()),
    }
    return render_feed(request, "web/profile.html", page, context, filter_context="account")


def _account(request, username):
    account = graph_actions.find_account(username)
    if account is None:
        raise NotFound(_("This account does not exist or is not visible to you."))
    return account


@web_view(methods=("POST",))
def follow(request, username):
    account = policy.access_account(request.user, username)
    on = request.POST.get("on") != "0"
    if on:
        graph_actions.do_follow(request.user, account)
    else:
        graph_actions.do_unfollow(request.user, account)
    if request.htmx:
        return render(request, "web/partials/follow_button.html",
                      {"account": account,
                       "rel": graph_queries.relationship(request.user, account)})
    message = _("You now follow %(name)s.") if on else _("You no longer follow %(name)s.")
    return done(request, message % {"name": account.name})


@web_view(methods=("POST",))
def mute(request, username):
    account = _account(request, username)
    if request.POST.get("on") != "0":
        graph_actions.do_mute(request.user, account)
        message = _("%(name)s is muted: their posts no longer reach your timelines.")
    else:
        graph_actions.do_unmute(request.user, account)
        message = _("%(name)s is no longer muted.")
    return done(request, message % {"name": account.name})


@web_view(methods=("POST",))
def block(request, username):
    account = _account(request, username)
    if request.POST.get("on") != "0":
        graph_actions.do_block(request.user, account)
        message = _("%(name)s is blocked: you no longer see each other's posts.")
    else:
        graph_actions.do_unblock(request.user, account)
        message = _("%(name)s is no longer blocked.")
    return done(request, message % {"name": account.name})


def _directory_queryset(viewer, form):
    User = get_user_model()
    qs = policy.visible_accounts(viewer).filter(kind=User.Kind.EMPLOYEE)
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            words = data["q"].split()
            for word in words[:5]:
                qs = qs.filter(Q(display_name__icontains=word) | Q(username__icontains=word)
                               | Q(first_name__icontains=word) | Q(last_name__icontains=word)
                               | Q(job_title__icontains=word))
        if data["department"]:
            qs = qs.filter(department=data["department"])
        if data["skill"]:
            qs = qs.filter(skills__name=data["skill"].strip().lstrip("#").lower())
    sort_name = Lower(Coalesce(NullIf("display_name", Value("")), "username"))
    return (qs.select_related("department").prefetch_related("skills")
            .order_by(sort_name, "id").distinct())


@web_view()
def directory(request):
    policy.access_directory(request.user)
    form = DirectoryForm(request.GET or None)
    paginator = Paginator(_directory_queryset(request.user, form), DIRECTORY_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    ids = [a.id for a in page.object_list]
    following = set(graph_queries.following_ids(request.user).filter(followee_id__in=ids)
                    .values_list("followee_id", flat=True))
    people = [(a, {"following": a.id in following}) for a in page.object_list]
    return render(request, "web/directory.html",
                  {"form": form, "page_obj": page, "people": people,
                   "total": paginator.count})
