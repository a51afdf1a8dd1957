"""What a newcomer sees on everyday pages, at desktop and phone widths, in both languages."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import post_card, unique

pytestmark = pytest.mark.e2e

WIDTHS = [1366, 375]
LOCALES = ["en-US", "fr-FR"]


def scroll_width(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth")


def open_community(page, name: str) -> str:
    """Alice creates an open community; returns its address."""
    page.goto("/communities/new/")
    page.locator("input[name=name]").fill(name)
    page.locator("form button[type=submit]").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    return page.url


@pytest.fixture(scope="module")
def community_post(request):
    """(community name, community path, text of a post in it), made once for the module."""
    return {}


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("width", WIDTHS)
def test_a_community_post_in_home_names_its_community(signed_in, community_post, width, locale):
    if not community_post:
        alice = signed_in("alice")
        name = unique("Atlas")
        url = open_community(alice, name)
        text = unique("Kick-off notes")
        alice.locator("#community-text").fill(text)
        alice.locator("form[data-composer] button[type=submit]").click()
        expect(post_card(alice, text)).to_be_visible()
        bob = signed_in("bob")
        bob.goto(url)
        bob.get_by_role("button", name="Join", exact=True).click()
        expect(bob.locator("#community-text")).to_be_visible()
        community_post.update(name=name, path=url.split("127.0.0.1", 1)[1].split("/", 1)[1],
                              text=text)
    page = signed_in("bob", width=width, height=800, locale=locale)
    page.goto("/")
    card = post_card(page, community_post["text"])
    link = card.locator("a.post-community")
    expect(link).to_be_visible()
    expect(link).to_contain_text(community_post["name"][:8])
    box = link.bounding_box()
    assert box and box["x"] + box["width"] <= width
    assert scroll_width(page) <= width
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(community_post["name"])
