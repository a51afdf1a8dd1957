"""The home page on a phone: nothing spills sideways and writing a post works."""

import pytest
from playwright.sync_api import expect

from .helpers import composer, post_card, unique

pytestmark = pytest.mark.e2e

PHONE = 375


def scroll_width(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth")


def test_home_fits_a_375_pixel_screen_and_the_composer_works(signed_in):
    page = signed_in("alice", width=PHONE, height=740)
    page.goto("/")
    assert scroll_width(page) <= PHONE

    box = composer(page).get_by_role("textbox", name="Your post")
    button = composer(page).get_by_role("button", name="Post")
    for element in (box, button, composer(page).get_by_label("Who can see it"),
                    composer(page).get_by_label("Who can reply")):
        expect(element).to_be_visible()
        bounds = element.bounding_box()
        assert bounds and bounds["x"] >= 0 and bounds["x"] + bounds["width"] <= PHONE

    # A long unbroken word and link must wrap instead of widening the page.
    marker = unique("Phone post")
    text = f"{marker} {'a' * 80} https://example.com/{'b' * 90}"
    box.fill(text)
    button.click()
    expect(page.get_by_role("status").filter(has_text="Your post is published.")).to_be_visible()
    expect(post_card(page, marker)).to_be_visible()
    assert scroll_width(page) <= PHONE
