"""Liking and relaying update the post in place; followers see relays on their home."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import post_card, publish, same_document, set_following, unique

pytestmark = pytest.mark.e2e


def test_liking_a_post_updates_its_count_without_leaving_the_page(signed_in):
    alice = signed_in("alice")
    text = unique("New parking badges arrive on Monday")
    post_id = publish(alice, text)

    bob = signed_in("bob")
    bob.goto(f"/posts/{post_id}/")
    card = post_card(bob, text)
    like = card.get_by_role("button", name=re.compile(r"Like \("))
    expect(like).to_have_attribute("aria-pressed", "false")
    expect(card.locator(".action-like .count")).to_have_text("")
    with same_document(bob):
        like.click()
        expect(like).to_have_attribute("aria-pressed", "true")
        expect(card.locator(".action-like .count")).to_have_text("1")
        like.click()
        expect(like).to_have_attribute("aria-pressed", "false")
        expect(card.locator(".action-like .count")).to_have_text("")
        like.click()
        expect(card.locator(".action-like .count")).to_have_text("1")
    bob.reload()
    expect(post_card(bob, text).locator(".action-like .count")).to_have_text("1")


def test_a_relay_updates_its_count_in_place_and_reaches_the_relayers_followers(signed_in):
    chloe = signed_in("chloe")
    set_following(chloe, "bob", True)
    set_following(chloe, "alice", False)

    alice = signed_in("alice")
    text = unique("Open day registrations close tonight")
    publish(alice, text)

    bob = signed_in("bob")
    bob.goto("/company/")
    card = post_card(bob, text)
    relay = card.get_by_role("button", name=re.compile(r"Relay \("))
    with same_document(bob):
        relay.click()
        expect(relay).to_have_attribute("aria-pressed", "true")
        expect(card.locator(".action-relay .count")).to_have_text("1")
        expect(bob.get_by_text("Relayed to your followers.")).to_be_visible()

    chloe.goto("/")
    relayed = post_card(chloe, text)
    expect(relayed).to_have_count(1)
    expect(relayed.locator(".post-context")).to_have_text("Bob Durand relayed")
    expect(relayed.locator(".post-author")).to_have_text("Alice Martin")
