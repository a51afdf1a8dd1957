"""Keeping watch in a real browser: save a search as a watch, then a colleague's new post
arrives in the watch, in the sidebar's count and as a notification."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import mark_notifications_read, post_card, publish, unique

pytestmark = pytest.mark.e2e


def test_a_saved_search_gathers_a_new_post_and_says_so(signed_in):
    marker = unique("veille").split()[1]
    chloe = signed_in("chloe", width=1366, height=900)
    mark_notifications_read(chloe)
    chloe.goto(f"/search/?q={marker}")
    expect(chloe.locator(".search-summary [role=status]")).to_have_text("0 results")
    chloe.get_by_role("button", name="Watch this search").click()
    expect(chloe).to_have_url(re.compile(r"/watches/\d+/$"))
    expect(chloe.get_by_role("heading", level=1)).to_have_text(marker)
    expect(chloe.get_by_text("Nothing new yet")).to_be_visible()
    watch_url = chloe.url

    text = f"Le rapport {marker} est en ligne"
    publish(signed_in("alice"), text)

    chloe.goto("/")
    badge = chloe.locator("#watch-badge")
    expect(badge).to_have_text("1 new")
    chloe.locator(".nav-list a[href='/notifications/']").click()
    item = chloe.locator("li.notification").filter(has_text=text)
    expect(item).to_contain_text("New post on a subject you watch")
    chloe.goto(watch_url)
    expect(post_card(chloe, text)).to_be_visible()
    chloe.wait_for_load_state("networkidle")  # opening the watch reads it
    chloe.goto("/")
    expect(chloe.locator("#watch-badge")).to_have_count(0)
    mark_notifications_read(chloe)
