"""Writing a post, following a colleague, and seeing their next post arrive on home."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import composer, login, post_card, publish, same_document, set_following, unique

pytestmark = pytest.mark.e2e


def test_alice_writes_a_post_and_finds_it_on_her_home(signed_in):
    page = signed_in("alice")
    form = composer(page)
    counter = form.locator("[data-counter-value]")
    expect(counter).to_be_visible()
    expect(counter).to_have_text("500")
    expect(form.get_by_label("Who can see it")).to_have_value("company")
    expect(form.get_by_label("Who can see it").locator("option")).to_have_count(4)
    expect(form.get_by_label("Who can reply")).to_have_value("everyone")
    expect(form.get_by_label("Who can reply").locator("option")).to_have_count(4)

    text = unique("Coffee machine on floor 3 is fixed")
    form.get_by_role("textbox", name="Your post").press_sequentially(text[:10])
    expect(counter).to_have_text("490")
    form.get_by_role("textbox", name="Your post").fill(text)
    expect(counter).to_have_text(str(500 - len(text)))

    form.get_by_role("button", name="Post").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("status").filter(has_text="Your post is published.")).to_be_visible()
    card = post_card(page, text)
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Alice Martin")
    expect(composer(page).get_by_role("textbox")).to_have_value("")


def test_bob_follows_alice_from_her_profile_and_sees_her_next_post_arrive(signed_in):
    bob = signed_in("bob")
    set_following(bob, "alice", False)

    bob.goto("/@alice/")
    follow = bob.locator(".profile-buttons").get_by_role("button", name="Follow Alice Martin")
    with same_document(bob):
        follow.click()
        following = bob.locator(".profile-buttons").get_by_role(
            "button", name=re.compile("press to unfollow"))
        expect(following).to_have_attribute("aria-pressed", "true")
        following.hover()
        expect(following.get_by_text("Unfollow", exact=True)).to_be_visible()
    bob.reload()
    expect(bob.locator(".profile-buttons button[aria-pressed=true]")).to_be_visible()

    # Bob keeps his home open: the "new posts" link comes from his live stream, or from the
    # slow fallback poll (every 60 s), whichever is first; the clock is sped up for the latter.
    bob.clock.install()
    bob.goto("/")
    expect(bob.locator(".new-posts")).to_have_count(0)

    alice = signed_in("alice")
    text = unique("Quarterly review slides are online")
    publish(alice, text)

    bob.clock.fast_forward("01:01")
    indicator = bob.get_by_role("link", name=re.compile(r"\d+ new posts?"))
    expect(indicator).to_be_visible()
    with same_document(bob):
        indicator.click()
        expect(post_card(bob, text)).to_be_visible()
    expect(post_card(bob, text)).to_contain_text("Alice Martin")


def test_an_overlong_post_is_refused_with_a_message_and_nothing_is_published(signed_in, new_page):
    page = signed_in("alice")
    form = composer(page)
    marker = unique("Too long")
    text = f"{marker} {'x' * 500}"
    form.get_by_role("textbox").fill(text)
    expect(form.locator("[data-counter-value]")).to_have_text(str(500 - len(text)))
    expect(form.locator("[data-counter]")).to_have_class(re.compile(r"\bis-over\b"))
    expect(form.get_by_role("textbox")).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_role("button", name="Post")).to_be_disabled()

    # Without JavaScript nothing stops the form: the server refuses it and says why.
    nojs = new_page(javascript=False)
    login(nojs, "alice")
    nojs.get_by_role("textbox", name="Your post").fill(text)
    nojs.get_by_role("button", name="Post").click()
    expect(nojs.get_by_role("alert")).to_contain_text(
        f"A post can have at most 500 characters (this one has {len(text)}).")
    expect(nojs.get_by_role("textbox", name="Your post")).to_have_value(text)

    for where in ("/", "/@alice/?tab=replies", "/company/"):
        page.goto(where)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(post_card(page, marker)).to_have_count(0)
