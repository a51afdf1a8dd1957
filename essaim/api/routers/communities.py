"""Communities in the native API: communities, memberships, invitations and every artefact.

Same actions and visibility policy as the web UI; errors are JSON 4xx.
"""

from __future__ import annotations

from ninja import Router
from ninja.responses import Status

from essaim.communities import actions
from essaim.communities import queries as cq
from essaim.communities.access import (
    require_moderator,
)
from essaim.core.pagination import Cursor

from .. import serializers as ser
from ..schemas import PageOut, PostOut
from . import community_schemas as cs
from .community_access import ERRORS, _community, _member_community, _person

router = Router(tags=["communities"])

def _one(request, community) -> dict:
    return cs.community(community, request, cq.membership(request.auth, community))


# --- The viewer's own ---------------------------------------------------------------------

@router.get("/invitations", response={200: list[cs.InvitationOut], **ERRORS},
            summary="Invitations waiting for the authenticated account")
def my_invitations(request):
    return [cs.invitation(i, request) for i in cq.pending_invitations(request.auth)]


@router.post("/invitations/{invitation_id}/accept", response={200: cs.MembershipOut, **ERRORS})
def accept_invitation(request, invitation_id: int):
    return cs.membership(actions.do_accept_invitation(request.auth, invitation_id), request)


@router.post("/invitations/{invitation_id}/decline", response={204: None, **ERRORS})
def decline_invitation(request, invitation_id: int):
    actions.do_decline_invitation(request.auth, invitation_id)
    return Status(204, None)


@router.get("/my-tasks", response={200: list[cs.TaskOut], **ERRORS},
            summary="Open tasks assigned to the authenticated account, across communities")
def my_tasks(request, include_done: bool = False):
    return [cs.task(t) for t in cq.my_tasks(request.auth, include_done=include_done)]


# --- Communities --------------------------------------------------------------------------

@router.get("", response={200: list[cs.CommunityOut], **ERRORS},
            summary="Communities the authenticated account may see")
def list_communities(request, mine: bool = False, q: str = "", template: str | None = None):
    viewer = request.auth
    qs = cq.my_communities(viewer) if mine else cq.search(viewer, q)
    if mine and q:
        qs = qs.filter(name__icontains=q)
    if template is not None:
        qs = qs.filter(template=template)
    roles = {m.community_id: m for m in viewer.community_memberships.all()}
    return [cs.community(c, request, roles.get(c.pk)) for c in qs.order_by("name")[:200]]


@router.post("", response={201: cs.CommunityOut, **ERRORS}, summary="Create a community")
def create_community(request, payload: cs.CommunityIn):
    community = actions.do_create_community(
        request.auth, payload.name, kind=payload.kind, description=payload.description,
        tags=payload.tags, template=payload.template, deadline=payload.deadline)
    return Status(201, _one(request, community))


@router.get("/{slug}", response={200: cs.CommunityOut, **ERRORS})
def get_community(request, slug: str):
    return _one(request, _community(request, slug))


@router.patch("/{slug}", response={200: cs.CommunityOut, **ERRORS})
def update_community(request, slug: str, payload: cs.CommunityPatch):
    community = _community(request, slug)
    fields = payload.dict(exclude_unset=True, exclude={"clear_deadline"})
    if payload.clear_deadline:
        fields["deadline"] = None
    actions.do_update_community(request.auth, community, **fields)
    return _one(request, community)


@router.delete("/{slug}", response={204: None, **ERRORS})
def delete_community(request, slug: str):
    actions.do_delete_community(request.auth, _community(request, slug))
    return Status(204, None)


@router.post("/{slug}/archive", response={200: cs.CommunityOut, **ERRORS})
def archive(request, slug: str):
    return _one(request, actions.do_archive(request.auth, _community(request, slug)))


@router.delete("/{slug}/archive", response={200: cs.CommunityOut, **ERRORS},
               summary="Reopen an archived community")
def unarchive(request, slug: str):
    return _one(request, actions.do_unarchive(request.auth, _community(request, slug)))


@router.post("/{slug}/decision", response={200: cs.CommunityOut, **ERRORS},
             summary="Record the go / no-go decision of a call for tenders")
def decision(request, slug: str, payload: cs.DecisionIn):
    community = actions.do_set_decision(request.auth, _community(request, slug),
                                        payload.decision, payload.note)
    return _one(request, community)


# --- Posts ----------------------------------------------------------------------------------

@router.get("/{slug}/posts", response={200: PageOut, **ERRORS},
            summary="The community's timeline (members)")
def community_posts(request, slug: str):
    community = _member_community(request, slug)
    cursor = Cursor.parse(request.GET, default=20, maximum=40)
    posts = cq.timeline(request.auth, community, cursor)
    return {"items": ser.posts(request.auth, posts, request),
            "next_max_id": str(posts[-1].id) if len(posts) >= cursor.limit else None,
            "prev_min_id": str(posts[0].id) if posts else None}


@router.post("/{slug}/posts", response={201: PostOut, **ERRORS},
             summary="Post in a community (optionally a question, or with a poll)")
def create_community_post(request, slug: str, payload: cs.CommunityPostIn):
    community = _community(request, slug)
    post = actions.do_post_in_community(
        request.auth, community, payload.text, question=payload.question,
        poll_options=payload.poll_options, poll_expires_in=payload.poll_expires_in,
        poll_multiple=payload.poll_multiple, in_reply_to=payload.in_reply_to_id,
        file_ids=payload.file_ids)
    return Status(201, ser.posts(request.auth, [post], request)[0])


@router.get("/{slug}/pins", response={200: list[PostOut], **ERRORS},
            summary="Announcements pinned by the animators")
def pins(request, slug: str):
    community = _member_community(request, slug)
    return ser.posts(request.auth, cq.pinned(request.auth, community), request)


@router.post("/{slug}/pins/{post_id}", response={204: None, **ERRORS})
def pin(request, slug: str, post_id: int):
    _community(request, slug)
    actions.do_pin_announcement(request.auth, post_id)
    return Status(204, None)


@router.delete("/{slug}/pins/{post_id}", response={204: None, **ERRORS})
def unpin(request, slug: str, post_id: int):
    _community(request, slug)
    actions.do_unpin_announcement(request.auth, post_id)
    return Status(204, None)


# --- Memberships ----------------------------------------------------------------------------

@router.get("/{slug}/members", response={200: list[cs.MembershipOut], **ERRORS})
def members(request, slug: str):
    community = _member_community(request, slug)
    return [cs.membership(m, request) for m in cq.members(request.auth, community)]


@router.post("/{slug}/join", response={200: cs.JoinOut, **ERRORS},
             summary="Join (open), ask to join (closed, external) or accept an invitation")
def join(request, slug: str):
    result = actions.do_join(request.auth, _community(request, slug))
    if getattr(result, "role", None):
        return {"status": "member", "membership": cs.membership(result, request)}
    return {"status": "requested", "membership": None}


@router.delete("/{slug}/membership", response={204: None, **ERRORS}, summary="Leave")
def leave(request, slug: str):
    actions.do_leave(request.auth, _community(request, slug))
    return Status(204, None)


@router.patch("/{slug}/membership", response={200: cs.MembershipOut, **ERRORS},
              summary="Follow or unfollow the community in one's home timeline")
def set_following(request, slug: str, payload: cs.FollowIn):
    membership = actions.do_set_following(request.auth, _community(request, slug),
                                          payload.follows)
    return cs.membership(membership, request)


@router.patch("/{slug}/members/{username}", response={200: cs.MembershipOut, **ERRORS},
              summary="Change a member's role (owners)")
def set_role(request, slug: str, username: str, payload: cs.RoleIn):
    membership = actions.do_set_role(request.auth, _community(request, slug),
                                     _person(username), payload.role)
    return cs.membership(membership, request)


@router.delete("/{slug}/members/{username}", response={204: None, **ERRORS})
def remove_member(request, slug: str, username: str):
    actions.do_remove_member(request.auth, _community(request, slug), _person(username))
    return Status(204, None)


@router.get("/{slug}/requests", response={200: list[cs.JoinRequestOut], **ERRORS})
def join_requests(request, slug: str):
    community = _community(request, slug)
    require_moderator(request.auth, community)
    return [{"account": ser.account(r.user, request), "message": r.message,
             "created_at": r.created_at} for r in cq.join_requests(community)]


@router.post("/{slug}/requests/{username}", response={200: cs.MembershipOut, **ERRORS},
             summary="Approve a request to join")
def approve(request, slug: str, username: str):
    membership = actions.do_approve_request(request.auth, _community(request, slug),
                                            _person(username))
    return cs.membership(membership, request)


@router.delete("/{slug}/requests/{username}", response={204: None, **ERRORS},
               summary="Decline a request to join")
def reject(request, slug: str, username: str):
    actions.do_reject_request(request.auth, _community(request, slug), _person(username))
    return Status(204, None)


# --- Invitations ----------------------------------------------------------------------------

@router.get("/{slug}/invitations", response={200: list[cs.InvitationOut], **ERRORS})
def invitations(request, slug: str):
    community = _community(request, slug)
    require_moderator(request.auth, community)
    return [cs.invitation(i, request) for i in cq.open_invitations(community)]


@router.post("/{slug}/invitations", response={201: cs.InvitationOut, **ERRORS},
             summary="Invite an account (username) or an e-mail address")
def invite(request, slug: str, payload: cs.InvitationIn):
    community = _community(request, slug)
    if payload.username:
        found = actions.do_invite_account(request.auth, community, _person(payload.username))
    else:
        found = actions.do_invite_email(request.auth, community, payload.email or "",
                                        payload.organisation)
    return Status(201, cs.invitation(found, request))


@router.delete("/{slug}/invitations/{invitation_id}", response={204: None, **ERRORS})
def revoke(request, slug: str, invitation_id: int):
    actions.do_revoke_invitation(request.auth, _community(request, slug), invitation_id)
    return Status(204, None)

