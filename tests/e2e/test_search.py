"""Searching from any page in a real browser: "/" reaches the box, suggestions come while
typing, Enter shows highlighted results, in English and French."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import publish, unique

pytestmark = pytest.mark.e2e

WORDS = {"en-US": {"posts": "Search posts for", "result": "1 result"},
         "fr-FR": {"posts": "Chercher", "result": "1 résultat"}}


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
def test_slash_then_typing_suggests_and_enter_finds_the_post(signed_in, locale):
    words = WORDS[locale]
    marker = unique("Événements").split()[1]  # a word nobody else writes
    publish(signed_in("alice"), f"Les Événements du salon {marker}")

    bob = signed_in("bob", locale=locale, width=1366, height=900)
    bob.goto("/")
    bob.keyboard.press("/")
    box = bob.locator("#site-search")
    expect(box).to_be_focused()
    box.type(marker[:6])
    expect(bob.locator("#search-suggestions").get_by_role("link", name=words["posts"])
           ).to_be_visible()
    box.fill(marker)
    box.press("Enter")
    expect(bob.locator(".search-summary [role=status]")).to_have_text(words["result"])
    expect(bob.locator(".search-result mark").first).to_have_text(marker)


@pytest.mark.parametrize(("width", "bar"), [(375, ".topbar"), (800, ".sidebar")])
def test_on_smaller_screens_search_is_one_tap_away(signed_in, width, bar):
    bob = signed_in("bob", width=width, height=740)
    bob.goto("/")
    expect(bob.locator("#site-search")).to_be_hidden()
    bob.locator(bar).get_by_role("link", name="Search").click()
    expect(bob.locator("#search-q")).to_be_visible()
    bob.keyboard.press("Escape")
    bob.locator("main").click()
    bob.goto("/")
    bob.keyboard.press("/")  # no box on screen: "/" opens the search page
    expect(bob.locator("#search-q")).to_be_visible()
