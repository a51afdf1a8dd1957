"""What a person does in the browser, as small reusable steps for the end-to-end tests."""

from __future__ import annotations

import re
import uuid
from contextlib import contextmanager
from urllib.parse import urlsplit

from playwright.sync_api import Locator, Page, expect

PASSWORD = "e2e-password-1"
NAMES = {"alice": "Alice Martin", "bob": "Bob Durand", "chloe": "Chloé Bernard",
         "david": "David Petit", "ada": "Ada Lovelace", "erin": "Erin Leroy"}


def unique(prefix: str) -> str:
    """A text nobody else in the suite writes, so each test finds only its own posts."""
    return f"{prefix} {uuid.uuid4().hex[:10]}"


def login(page: Page, username: str, password: str = PASSWORD) -> None:
    page.goto("/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/login/" not in url)


def post_card(page: Page, text: str) -> Locator:
    """The post card (an article) whose content contains ``text``."""
    return page.get_by_role("article").filter(has_text=text)


def composer(page: Page) -> Locator:
    return page.locator("form[data-composer]").first


def publish(page: Page, text: str, *, visibility: str | None = None,
            reply_policy: str | None = None) -> int:
    """Write a post from the home composer; returns the new post's id."""
    if urlsplit(page.url).path != "/":
        page.goto("/")
    form = composer(page)
    form.get_by_role("textbox").fill(text)
    if visibility:
        form.get_by_label("Who can see it").select_option(visibility)
    if reply_policy:
        form.get_by_label("Who can reply").select_option(reply_policy)
    form.get_by_role("button", name="Post").click()
    expect(page.get_by_role("status").filter(has_text="Your post is published.")).to_be_visible()
    return post_id(post_card(page, text))


def post_id(card: Locator) -> int:
    href = card.locator("a.post-time").first.get_attribute("href") or ""
    match = re.search(r"/posts/(\d+)/", href)
    assert match, f"no thread link on the card: {href!r}"
    return int(match.group(1))


def set_following(page: Page, username: str, follow: bool) -> None:
    """Follow or unfollow ``username`` from their profile, whatever the state was before."""
    page.goto(f"/@{username}/")
    buttons = page.locator(".profile-buttons form.follow-form button")
    pressed = buttons.get_attribute("aria-pressed") == "true"
    if pressed != follow:
        buttons.click()
        expect(page.locator(".profile-buttons form.follow-form button")).to_have_attribute(
            "aria-pressed", "true" if follow else "false")


def mark_notifications_read(page: Page) -> None:
    page.goto("/notifications/")
    button = page.get_by_role("button", name="Mark all as read")
    if button.count():
        button.click()
    expect(page.get_by_text("You are all caught up.")).to_be_visible()


@contextmanager
def same_document(page: Page):
    """Assert that what happens inside does not navigate nor reload the page."""
    url = page.url
    page.evaluate("window.__essaimE2eMarker = 'still here'")
    yield
    assert page.url == url
    assert page.evaluate("window.__essaimE2eMarker") == "still here", "the page was reloaded"
