"""Replying in a thread, the notification it brings, and threads closed to replies."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import mark_notifications_read, post_card, publish, unique

pytestmark = pytest.mark.e2e


def test_bob_replies_from_the_thread_and_alice_is_notified(signed_in):
    alice = signed_in("alice")
    mark_notifications_read(alice)
    expect(alice.get_by_role("link", name="Notifications", exact=True)).to_be_visible()
    question = unique("Who has the projector remote?")
    post_id = publish(alice, question)

    bob = signed_in("bob")
    bob.goto(f"/posts/{post_id}/")
    box = bob.get_by_role("textbox", name="Your reply")
    expect(box).to_have_value("@alice ")
    answer = unique("It is in the blue meeting room")
    box.fill(f"@alice {answer}")
    bob.get_by_role("button", name="Reply").click()
    expect(bob).to_have_url(re.compile(rf"/posts/{post_id}/#post-\d+$"))
    expect(bob.get_by_role("status").filter(has_text="Your reply is published.")).to_be_visible()
    replies = bob.get_by_role("region", name="Replies")
    expect(replies.get_by_role("heading", name="1 reply")).to_be_visible()
    expect(post_card(replies, answer)).to_contain_text("Bob Durand")

    alice.goto("/")
    link = alice.get_by_role("link", name=re.compile(r"^Notifications \(1 unread\)$"))
    expect(link).to_be_visible()
    expect(link.locator(".badge")).to_have_text("1")
    link.click()
    expect(alice).to_have_url(re.compile(r"/notifications/$"))
    item = alice.locator("li.notification").filter(has_text=answer)
    expect(item).to_have_count(1)
    expect(item).to_contain_text("Bob Durand replied to your post")
    expect(item).to_have_class(re.compile(r"\bis-unread\b"))
    item.get_by_role("link", name=re.compile(answer)).click()
    expect(alice).to_have_url(re.compile(r"/posts/\d+/$"))
    expect(post_card(alice, answer)).to_be_visible()


def test_a_thread_closed_by_its_author_offers_no_reply_box(signed_in):
    alice = signed_in("alice")
    announcement = unique("The cafeteria closes at 2 pm on Friday")
    post_id = publish(alice, announcement, reply_policy="nobody")

    bob = signed_in("bob")
    bob.goto(f"/posts/{post_id}/")
    expect(post_card(bob, announcement)).to_contain_text("Replies: Nobody")
    expect(bob.get_by_text("The author has closed comments on this post.")).to_be_visible()
    expect(bob.get_by_role("textbox")).to_have_count(0)
    expect(bob.get_by_role("button", name="Reply")).to_have_count(0)
