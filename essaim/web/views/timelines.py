"""Timelines: home (with compose and the new-posts poller), company, hashtags, bookmarks."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.graph import actions as graph_actions
from essaim.graph import queries as graph_queries
from essaim.timelines import queries as timelines

from ..forms import ComposeForm
from .common import cursor_from, done, render_feed, web_view


@web_view()
def home(request):
    from essaim.advocacy.tasks import digest_soon
    from essaim.posts.tasks import publish_soon

    digest_soon()  # the weekly Amplify digest goes out from here, once a week
    publish_soon()
    cursor = cursor_from(request)
    page = timelines.home(request.user, cursor)
    first_id = page.posts[0].id if page.posts and cursor.max_id is None else None
    return render_feed(request, "web/home.html", page, {
        "compose_form": ComposeForm(user=request.user),
        "since_id": first_id or 0, "is_top": cursor.max_id is None,
    }, filter_context="home")


@web_view()
def new_posts(request):
    """How many newer posts wait above the timeline (polled by the home page)."""
    try:
        since_id = max(0, int(request.GET.get("since_id") or 0))
    except ValueError:
        since_id = 0
    count = timelines.home_newer_count(request.user, since_id)
    if not count:
        return HttpResponse("")
    return render(request, "web/partials/new_posts.html", {"count": count})


@web_view()
def company(request):
    policy.access_company_flow(request.user)
    with_replies = request.GET.get("tab") == "replies"
    page = timelines.company(request.user, cursor_from(request), with_replies=with_replies)
    return render_feed(request, "web/company.html", page, {"tab": "replies" if with_replies
                                                           else "posts"},
                       filter_context="public")


def _hashtag_state(user, name: str) -> dict:
    tag = policy.known_hashtag(user, name)
    following = tag is not None and graph_queries.followed_hashtag_ids(user).filter(
        hashtag_id=tag.id).exists()
    return {"tag_name": name.lower(), "tag_display": tag.display if tag else name,
            "following_tag": following, "tag_followers": tag.followers.count() if tag else 0}


@web_view()
def hashtag(request, name):
    policy.access_hashtag_timeline(request.user)
    name = graph_actions.check_hashtag_name(name)
    page = timelines.hashtag(request.user, name, cursor_from(request))
    return render_feed(request, "web/hashtag.html", page, _hashtag_state(request.user, name),
                       filter_context="public")


@web_view(methods=("POST",))
def hashtag_follow(request, name):
    follow = request.POST.get("on") != "0"
    if follow:
        graph_actions.do_follow_hashtag(request.user, name)
    else:
        graph_actions.do_unfollow_hashtag(request.user, name)
    if request.htmx:
        return render(request, "web/partials/hashtag_header.html",
                      _hashtag_state(request.user, name))
    name = graph_actions.check_hashtag_name(name)
    message = (_("You follow #%(tag)s: its posts now reach your home timeline.") if follow
               else _("You no longer follow #%(tag)s.")) % {"tag": name}
    return done(request, message)


@web_view()
def bookmarks(request):
    page = timelines.bookmarks(request.user, cursor_from(request))
    return render_feed(request, "web/bookmarks.html", page)
