"""People suggestions for the picker and @mentions: only people the viewer may see."""

from __future__ import annotations

import pytest

from essaim.graph.actions import do_block
from tests.communities.conftest import build_community

URL = "/suggest/people"


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return [p["username"] for p in response.json()["people"]]


def test_an_employee_gets_colleagues_whose_name_or_username_starts_so(alice, bob, carol,
                                                                      signed_in):
    client = signed_in(alice)
    assert names(client.get(URL, {"q": "bo"})) == ["bob"]
    assert names(client.get(URL, {"q": "@car"})) == ["carol"]
    assert names(client.get(URL, {"q": "Petit"})) == ["carol"]  # last name
    person = client.get(URL, {"q": "bob"}).json()["people"][0]
    assert person == {"username": "bob", "name": "Bob Durand", "detail": "Marketing",
                      "guest": False, "initials": "BD"}


def test_an_empty_query_suggests_nobody(alice, bob, signed_in):
    assert names(signed_in(alice).get(URL, {"q": " "})) == []


def test_a_guest_gets_only_people_they_share_a_community_with(alice, bob, guest, signed_in):
    build_community(alice, "Client Horizon", kind="external", guests=[guest])
    client = signed_in(guest)
    assert names(client.get(URL, {"q": "alice"})) == ["alice"]
    assert names(client.get(URL, {"q": "bob"})) == []  # no shared community


def test_people_who_block_the_viewer_and_deactivated_people_are_not_suggested(
        alice, bob, carol, signed_in):
    from essaim.accounts.actions import do_deactivate_user

    do_block(bob, alice)
    do_deactivate_user(carol)
    client = signed_in(alice)
    assert names(client.get(URL, {"q": "bob"})) == []
    assert names(client.get(URL, {"q": "carol"})) == []


def test_a_community_narrows_suggestions_to_its_members(alice, bob, carol, signed_in):
    atlas = build_community(alice, "Project Atlas", members=[bob])
    client = signed_in(alice)
    found = names(client.get(URL, {"q": "b", "community": atlas.slug}))
    assert found == ["bob"]
    assert names(client.get(URL, {"q": "carol", "community": atlas.slug})) == []


def test_an_outsider_cannot_list_a_communitys_members(alice, bob, carol, signed_in):
    atlas = build_community(alice, "Project Atlas", members=[bob])
    response = signed_in(carol).get(URL, {"q": "b", "community": atlas.slug})
    assert response.status_code == 404 and "error" in response.json()


def test_a_secret_community_stays_hidden_from_outsiders(alice, bob, carol, signed_in):
    secret = build_community(alice, "Board", kind="secret", members=[bob])
    response = signed_in(carol).get(URL, {"q": "b", "community": secret.slug})
    assert response.status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_get_no_suggestions(client, alice, method):
    response = getattr(client, method)(URL, {"q": "al"})
    assert response.status_code in (401, 405)
    assert b"alice" not in response.content


def _picker(page: str, name: str) -> str:
    import re

    found = re.search(rf'<input type="text" name="{name}"[^>]*>', page)
    assert found, name
    return found.group(0)


def test_the_task_assignee_and_idea_credit_fields_are_people_pickers(alice, bob, signed_in):
    from essaim.communities import actions

    atlas = build_community(alice, "Project Atlas", members=[bob])
    actions.do_create_task_list(alice, atlas, "Launch")
    idea = actions.do_submit_idea(alice, atlas, "Open a shop")
    client = signed_in(alice)
    pages = {
        "assignee": client.get(f"/c/{atlas.slug}/tasks/").content.decode(),
        "author": client.get(f"/c/{atlas.slug}/ideas/").content.decode(),
        "username": client.get(f"/c/{atlas.slug}/ideas/{idea.id}/").content.decode(),
    }
    for name, page in pages.items():
        tag = _picker(page, name)
        assert 'role="combobox"' in tag and "data-people-picker" in tag, name
        assert f'data-community="{atlas.slug}"' in tag, name
        assert 'aria-autocomplete="list"' in tag and 'aria-expanded="false"' in tag, name
        assert "(username" not in page, name
        assert 'src="/static/essaim/people.js"' in page
        assert 'name="essaim-people-suggest" content="/suggest/people"' in page


def test_a_task_still_gets_its_assignee_from_a_typed_username(alice, bob, signed_in):
    from essaim.communities import actions
    from essaim.communities.models import Task

    atlas = build_community(alice, "Project Atlas", members=[bob])
    task_list = actions.do_create_task_list(alice, atlas, "Launch")
    signed_in(alice).post(f"/c/{atlas.slug}/tasks/", {
        "task_list": task_list.id, "title": "Price the offer", "assignee": "bob"})
    assert Task.objects.get(title="Price the offer").assignee == bob
