"""Every page opens for the people it is meant for, and stays closed to the others."""

from __future__ import annotations

import pytest
from django.urls import reverse

from essaim.graph.actions import do_create_list, do_follow
from essaim.posts.actions import do_create_post, do_edit_post


@pytest.fixture
def post(alice):
    return do_create_post(alice, "Hello #launch from the R&D team", rate_limit=False)


@pytest.mark.parametrize("name", ["home", "company", "bookmarks", "directory", "notifications",
                                  "settings", "lists", "compose"])
def test_it_opens_each_page_for_an_employee(name, alice, signed_in):
    response = signed_in(alice).get(reverse(f"web:{name}"))
    assert response.status_code == 200
    assert b"<main" in response.content


def test_it_opens_profile_thread_hashtag_edit_and_history_pages(alice, bob, post, signed_in):
    do_edit_post(alice, post.id, "Hello #launch from the whole R&D team")
    account_list = do_create_list(alice, "Team")
    client = signed_in(alice)
    for url in (reverse("web:profile", args=["bob"]), reverse("web:thread", args=[post.id]),
                reverse("web:hashtag", args=["launch"]), reverse("web:edit", args=[post.id]),
                reverse("web:history", args=[post.id]), reverse("web:list", args=[account_list.id]),
                reverse("web:delete", args=[post.id])):
        response = client.get(url)
        assert response.status_code == 200, url


def test_the_home_page_shows_posts_of_people_one_follows(alice, bob, signed_in):
    do_follow(alice, bob)
    do_create_post(bob, "Marketing kick-off on Monday", rate_limit=False)
    response = signed_in(alice).get(reverse("web:home"))
    assert "Marketing kick-off on Monday" in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    for name in ("home", "company", "directory", "notifications", "settings", "bookmarks"):
        response = client.get(reverse(f"web:{name}"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("web:login"))


def test_a_public_post_is_readable_without_signing_in(client, alice):
    post = do_create_post(alice, "Open day on Friday, everyone welcome", visibility="public",
                          rate_limit=False)
    response = client.get(reverse("web:thread", args=[post.id]))
    assert response.status_code == 200
    assert "Open day on Friday" in response.content.decode()
    assert "Sign in" in response.content.decode()


def test_a_company_post_asks_an_anonymous_visitor_to_sign_in(client, post):
    response = client.get(reverse("web:thread", args=[post.id]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("web:login"))


def test_a_guest_cannot_open_the_directory_or_the_company_timeline(guest, signed_in):
    client = signed_in(guest)
    for name, says in (("directory", "reserved for employees"),
                       ("company", "no access to internal timelines")):
        response = client.get(reverse(f"web:{name}"))
        assert response.status_code == 403
        assert says in response.content.decode()


def test_a_guest_does_not_see_a_company_post(guest, post, signed_in):
    response = signed_in(guest).get(reverse("web:thread", args=[post.id]))
    assert response.status_code == 404
    assert "Hello #launch" not in response.content.decode()


def test_an_unknown_post_answers_not_found(alice, signed_in):
    response = signed_in(alice).get(reverse("web:thread", args=[123456789]))
    assert response.status_code == 404


def test_a_relay_opens_the_thread_of_its_original(alice, bob, post, signed_in):
    from essaim.posts.actions import do_relay

    relay = do_relay(bob, post.id)
    response = signed_in(alice).get(reverse("web:thread", args=[relay.id]))
    assert response.status_code == 302
    assert response.url == reverse("web:thread", args=[post.id])


def test_pages_carry_a_skip_link_and_labelled_navigation(alice, signed_in):
    html = signed_in(alice).get(reverse("web:home")).content.decode()
    assert 'class="skip-link" href="#main"' in html
    assert 'id="main"' in html
    assert 'aria-current="page"' in html


def test_another_persons_list_is_not_found(alice, bob, signed_in):
    account_list = do_create_list(bob, "Private")
    response = signed_in(alice).get(reverse("web:list", args=[account_list.id]))
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["home", "notifications", "settings", "lists", "bookmarks"])
def test_a_guest_opens_their_own_pages(name, guest, signed_in):
    response = signed_in(guest).get(reverse(f"web:{name}"))
    assert response.status_code == 200
    assert reverse("web:directory") not in response.content.decode()  # no link to employees


def test_a_guest_sees_their_own_profile_but_not_an_employees(guest, alice, signed_in):
    client = signed_in(guest)
    assert client.get(reverse("web:profile", args=["gail"])).status_code == 200
    assert client.get(reverse("web:profile", args=["alice"])).status_code == 404
