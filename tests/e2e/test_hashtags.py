"""Following a hashtag brings its posts, even from people one does not follow, home."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from .helpers import post_card, publish, same_document, set_following, unique

pytestmark = pytest.mark.e2e


def test_following_a_hashtag_brings_its_posts_to_home(signed_in):
    tag = f"Offsite{uuid.uuid4().hex[:8]}"
    alice = signed_in("alice")
    set_following(alice, "chloe", False)

    alice.goto(f"/tags/{tag}/")
    expect(alice.get_by_role("heading", level=1)).to_have_text(f"#{tag}")
    with same_document(alice):
        alice.get_by_role("button", name="Follow hashtag").click()
        expect(alice.get_by_role("button", name=re.compile("press to unfollow this hashtag"))
               ).to_have_attribute("aria-pressed", "true")
    alice.goto("/")
    expect(alice.get_by_role("complementary").get_by_role("link", name=f"#{tag}")).to_be_visible()

    chloe = signed_in("chloe")
    text = unique(f"Who joins the #{tag} in Lyon?")
    publish(chloe, text)

    alice.reload()
    card = post_card(alice, text)
    expect(card).to_be_visible()
    expect(card.locator(".post-author")).to_have_text("Chloé Bernard")
    expect(card.get_by_role("link", name=f"#{tag}")).to_be_visible()
