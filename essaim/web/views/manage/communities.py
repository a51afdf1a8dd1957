"""Administration of communities: every community (secret ones included, by name only),
archive and reopen, delete, owners and animators. Never their posts."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from essaim.communities import queries
from essaim.communities.actions import manage as actions
from essaim.communities.models import Community
from essaim.core.errors import NotFound

from ..common import web_view
from .common import confirmation, confirmed, done, paginate


@web_view()
def communities(request):
    """``/manage/communities/``: search by name, filter by kind and state, paginated."""
    filters = {"text": request.GET.get("q", ""), "kind": request.GET.get("kind", ""),
               "state": request.GET.get("state", "")}
    found = queries.manage_communities(request.user, **filters)
    return render(request, "web/manage/communities.html", {
        "page_obj": paginate(request, found), "filters": filters,
        "kinds": Community.Kind.choices})


@web_view()
def community(request, community_id):
    found = actions.access_community(request.user, community_id)
    return render(request, "web/manage/community.html", {
        "community": found, "leaders": queries.manage_leaders(request.user, found),
        "roles": actions.ADMIN_ROLES})


def _url(found) -> str:
    return reverse("web:manage_community", args=[found.pk])


@web_view(methods=("GET", "POST"))
def community_action(request, community_id, action):
    """Archive, reopen, delete (confirmed first) or set someone's role."""
    found = actions.access_community(request.user, community_id)
    if action == "delete":
        if not confirmed(request):
            return confirmation(
                request, title=_("Delete %(name)s") % {"name": found.name},
                question=_("The community %(name)s is deleted with its posts, files, links, "
                           "ideas, tasks and events, for everyone in it. This cannot be "
                           "undone; archiving keeps it readable instead.")
                % {"name": found.name},
                button=_("Delete the community"), cancel=_url(found))
        name = found.name
        actions.do_admin_delete(request.user, found)
        return done(request, _("The community %(name)s is deleted.") % {"name": name},
                    "web:manage_communities")
    if request.method != "POST":
        raise NotFound(_("This page does not exist."))
    values = {"name": found.name}
    if action == "archive":
        actions.do_admin_archive(request.user, found)
        message = _("%(name)s is archived: it is read-only.")
    elif action == "unarchive":
        actions.do_admin_unarchive(request.user, found)
        message = _("%(name)s is open again.")
    elif action == "role":
        membership = actions.do_admin_set_role(request.user, found,
                                               request.POST.get("username", ""),
                                               request.POST.get("role", ""))
        message = _("%(person)s is now %(role)s of %(name)s.")
        values |= {"person": membership.user.name,
                   "role": membership.get_role_display().lower()}
    else:
        raise NotFound(_("This page does not exist."))
    return done(request, message % values, _url(found))
