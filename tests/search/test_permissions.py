"""The permission matrix of search: every kind of viewer × every kind of content, results and
counts alike, decided by the one visibility policy."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from essaim.communities.actions import do_create_community
from essaim.communities.actions.ideas import do_submit_idea
from essaim.communities.actions.links import do_add_link
from essaim.communities.models import Membership
from essaim.search.queries import search

WORD = "matricielle"


@pytest.fixture
def world(make_user, alice, bob, carol, say):
    """alice writes everything; the viewers look for it."""
    guest = make_user("gail", name="Gail Guest", guest_of="Client Horizon")
    stranger = make_user("otto", name="Otto Outsider", guest_of="Other Corp")
    admin = make_user("root", name="Root Admin", admin=True)
    employee = bob
    external = do_create_community(alice, "Horizon project", kind="external")
    secret = do_create_community(alice, "Projet confidentiel", kind="secret",
                                 description=f"Travail {WORD} secret")
    open_ = do_create_community(alice, "Club lecture", kind="open")
    other = do_create_community(alice, "Other place", kind="external")
    Membership.objects.create(community=external, user=guest)
    Membership.objects.create(community=other, user=stranger)
    posts = {
        "public": say(alice, f"Note {WORD} publique", visibility="public"),
        "company": say(alice, f"Note {WORD} interne", visibility="company"),
        "followers": say(alice, f"Note {WORD} abonnés", visibility="followers"),
        "direct": say(alice, f"Note {WORD} pour @carol", visibility="direct"),
        "external": say(alice, f"Note {WORD} horizon", community=external),
        "secret": say(alice, f"Note {WORD} confidentielle", community=secret),
        "open": say(alice, f"Note {WORD} club", community=open_),
    }
    ideas = {"external": do_submit_idea(alice, external, f"Idée {WORD} horizon"),
             "secret": do_submit_idea(alice, secret, f"Idée {WORD} secrète")}
    links = {"external": do_add_link(alice, external, "https://example.com/a",
                                     title=f"Lien {WORD} horizon"),
             "secret": do_add_link(alice, secret, "https://example.com/b",
                                   title=f"Lien {WORD} secret")}
    viewers = {"employee": employee, "guest member": guest, "guest of another": stranger,
               "anonymous": AnonymousUser(), "admin": admin}
    return {"posts": posts, "ideas": ideas, "links": links, "viewers": viewers,
            "communities": {"secret": secret}}


POSTS = {
    "employee": {"public", "company"},
    "guest member": {"public", "external"},
    "guest of another": {"public"},
    "anonymous": {"public"},
    "admin": {"public", "company"},
}
ARTEFACTS = {"employee": set(), "guest member": {"external"}, "guest of another": set(),
             "anonymous": set(), "admin": set()}


@pytest.mark.parametrize("viewer", list(POSTS))
def test_each_viewer_finds_only_the_posts_the_policy_lets_them_read(world, viewer):
    page = search(world["viewers"][viewer], WORD + " ", "posts", limit=40)
    expected = {world["posts"][k].id for k in POSTS[viewer]}
    assert {p.id for p in page.items} == expected
    assert page.total == len(expected)


@pytest.mark.parametrize("viewer", list(ARTEFACTS))
@pytest.mark.parametrize("type_", ["ideas", "links"])
def test_community_artefacts_are_found_by_members_only(world, viewer, type_):
    page = search(world["viewers"][viewer], WORD + " ", type_, limit=40)
    expected = {world[type_][k].id for k in ARTEFACTS[viewer]}
    assert {o.id for o in page.items} == expected
    assert page.total == len(expected)


@pytest.mark.parametrize("viewer", list(POSTS))
def test_a_secret_community_is_found_by_nobody_outside_it(world, viewer):
    page = search(world["viewers"][viewer], WORD + " ", "communities", limit=40)
    assert page.items == [] and page.total == 0


def test_the_secret_community_and_its_content_are_found_by_its_member(world, alice):
    assert [c.id for c in search(alice, WORD + " ", "communities").items] == [
        world["communities"]["secret"].id]
    found = {p.id for p in search(alice, WORD + " ", "posts", limit=40).items}
    assert world["posts"]["secret"].id in found and world["posts"]["direct"].id in found


def test_followers_only_posts_are_found_by_followers_and_direct_ones_by_the_mentioned(
        world, alice, bob, carol):
    from essaim.graph.actions import do_follow

    do_follow(bob, alice)
    found = {p.id for p in search(bob, WORD + " ", "posts", limit=40).items}
    assert world["posts"]["followers"].id in found
    assert world["posts"]["direct"].id not in found
    found = {p.id for p in search(carol, WORD + " ", "posts", limit=40).items}
    assert world["posts"]["direct"].id in found


@pytest.mark.parametrize(("viewer", "sees_alice"), [
    ("employee", True), ("guest member", True), ("guest of another", True),
    ("anonymous", False), ("admin", True),
])
def test_people_search_shows_only_the_people_the_viewer_may_see(world, viewer, sees_alice,
                                                                alice):
    # The guest of another community shares "Other place" with alice (its owner).
    page = search(world["viewers"][viewer], "Alice ", "people")
    assert (alice.id in {u.id for u in page.items}) is sees_alice


def test_a_guest_does_not_find_employees_they_share_no_community_with(world, make_user):
    lonely = make_user("zoe", name="Zoé Solitaire")
    assert search(world["viewers"]["guest member"], "solitaire ", "people").items == []
    assert search(world["viewers"]["employee"], "solitaire ", "people").items[0].id == lonely.id


def test_from_a_person_the_viewer_may_not_see_is_unknown_to_them(world, make_user):
    from essaim.core.errors import ValidationFailed

    make_user("zoe", name="Zoé Solitaire")
    with pytest.raises(ValidationFailed):
        search(world["viewers"]["guest member"], "note from:@zoe", "posts")
    with pytest.raises(ValidationFailed):
        search(world["viewers"]["employee"], "note in:projet-confidentiel", "posts")
