"""A community post says, wherever it is read, which community it comes from."""

from __future__ import annotations

import re

from django.urls import reverse

from essaim.communities.actions import do_post_in_community
from tests.communities.conftest import build_community


def _card(page: str, text: str) -> str:
    """The HTML of the post card holding ``text``."""
    for card in re.findall(r"<article class=\"post.*?</article>", page, flags=re.S):
        if text in card:
            return card
    raise AssertionError(f"no card with {text!r}")


def test_a_community_post_in_the_home_timeline_names_and_links_its_community(
        alice, bob, signed_in):
    atlas = build_community(alice, "Project Atlas", members=[bob])
    do_post_in_community(alice, atlas, "Kick-off notes are in the files")
    page = signed_in(bob).get(reverse("web:home")).content.decode()
    card = _card(page, "Kick-off notes are in the files")
    link = reverse("web:community", args=[atlas.slug])
    assert f'href="{link}"' in card
    assert "Project Atlas" in card


def test_the_community_link_is_shown_in_french_too(alice, bob, signed_in):
    atlas = build_community(alice, "Projet Atlas", members=[bob])
    do_post_in_community(alice, atlas, "Notes de lancement")
    page = signed_in(bob).get(reverse("web:home"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    card = _card(page, "Notes de lancement")
    assert "Publié dans la communauté Projet Atlas" in card


def test_the_thread_and_the_profile_name_the_community_as_well(alice, bob, signed_in):
    atlas = build_community(alice, "Project Atlas", members=[bob])
    post = do_post_in_community(alice, atlas, "Thread of the kick-off")
    client = signed_in(bob)
    link = f'href="{reverse("web:community", args=[atlas.slug])}"'
    for url in (reverse("web:thread", args=[post.id]), reverse("web:profile", args=["alice"])):
        assert link in _card(client.get(url).content.decode(), "Thread of the kick-off"), url


def test_the_community_page_itself_does_not_repeat_its_name_on_each_post(
        alice, bob, signed_in):
    atlas = build_community(alice, "Project Atlas", members=[bob])
    do_post_in_community(alice, atlas, "Only here")
    page = signed_in(bob).get(reverse("web:community", args=[atlas.slug])).content.decode()
    assert 'class="post-community"' not in _card(page, "Only here")


def test_a_company_post_keeps_its_visibility_icon(alice, bob, signed_in):
    from essaim.graph.actions import do_follow
    from essaim.posts.actions import do_create_post

    do_follow(bob, alice)
    do_create_post(alice, "Company news", rate_limit=False)
    card = _card(signed_in(bob).get(reverse("web:home")).content.decode(), "Company news")
    assert 'class="post-community"' not in card and 'class="visibility"' in card
