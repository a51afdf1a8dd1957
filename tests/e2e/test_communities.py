"""A call for tenders in the browser: create it from its template, invite a colleague and an
external guest, share a file, add tasks, submit and vote an idea; the guest sees only it."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from .helpers import NAMES, login, unique

pytestmark = pytest.mark.e2e
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"


def flash(page, text: str):
    return page.get_by_role("status").filter(has_text=text)


def test_a_call_for_tenders_with_a_colleague_and_an_external_guest(signed_in, new_page):
    name = unique("Tender Metro")
    alice = signed_in("alice")

    # Create it from its template, as an external community (guests allowed).
    alice.goto("/communities/")
    alice.get_by_role("link", name="New community").click()
    alice.get_by_label("Name").fill(name)
    alice.get_by_role("radio", name=re.compile("Call for tenders")).check()
    alice.get_by_role("radio", name=re.compile("^External")).check()
    alice.get_by_role("button", name="Create the community").click()
    expect(alice.get_by_role("heading", level=1)).to_have_text(name)
    expect(alice.get_by_text("Call for tenders").first).to_be_visible()
    home_url = alice.url

    # Invite a colleague by username and a guest by e-mail.
    alice.get_by_role("link", name="Members").click()
    alice.get_by_label("Username or e-mail address").fill("bob")
    alice.get_by_role("button", name="Invite").click()
    expect(flash(alice, "Bob Durand is invited.")).to_be_visible()
    guest_email = f"jo-{uuid.uuid4().hex[:6]}@horizon.example"
    alice.get_by_label("Username or e-mail address").fill(guest_email)
    alice.get_by_label("Organisation").fill("Client Horizon")
    alice.get_by_role("button", name="Invite").click()
    expect(flash(alice, "Invitation ready")).to_be_visible()
    link = alice.locator("code.invite-link").last.inner_text()

    # Share the bid document in its folder.
    alice.get_by_role("link", name=re.compile("^Files")).click()
    alice.get_by_role("link", name="Bid documents").click()
    alice.get_by_label("Upload a file").set_input_files(
        files=[{"name": "offer.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    alice.get_by_role("button", name="Upload", exact=True).click()
    expect(flash(alice, "“offer.pdf” is shared")).to_be_visible()
    expect(alice.get_by_role("link", name=re.compile("offer.pdf"))).to_be_visible()

    # Bob accepts the invitation from his communities page.
    bob = signed_in("bob")
    bob.goto("/communities/")
    invitation = bob.get_by_role("listitem").filter(has_text=name)
    invitation.get_by_role("button", name=re.compile("^Accept")).click()
    expect(bob.get_by_role("heading", level=1)).to_have_text(name)

    # Alice adds tasks, one for Bob; Bob finds it in his tasks.
    alice.goto(home_url)
    alice.get_by_role("link", name=re.compile("^Tasks")).click()
    alice.get_by_placeholder("New task", exact=True).first.fill("Price the offer")
    alice.locator("input[name=assignee]").first.fill("bob")
    alice.get_by_role("button", name="Add task").first.click()
    expect(flash(alice, "Task added.")).to_be_visible()
    alice.get_by_placeholder("New task", exact=True).first.fill("Legal review")
    alice.get_by_role("button", name="Add task").first.click()
    expect(alice.get_by_text("Price the offer", exact=True)).to_be_visible()
    expect(alice.get_by_text("Legal review", exact=True)).to_be_visible()
    bob.goto("/tasks/")
    expect(bob.get_by_role("link", name=re.compile("^Price the offer"))).to_be_visible()

    # Bob submits an idea, Alice votes for it (once).
    bob.goto(home_url)
    bob.get_by_role("link", name=re.compile("^Ideas")).click()
    bob.get_by_text("Submit an idea", exact=True).click()  # the form waits behind it
    bob.get_by_label("Your idea in a sentence").fill("Team up with a local integrator")
    bob.get_by_role("button", name="Submit", exact=True).click()
    expect(flash(bob, "Your idea is in the box.")).to_be_visible()
    alice.goto(home_url)
    alice.get_by_role("link", name=re.compile("^Ideas")).click()
    alice.get_by_role("button", name="Vote for Team up with a local integrator").click()
    expect(flash(alice, "Your vote is counted.")).to_be_visible()
    expect(alice.get_by_text("1 vote", exact=True)).to_be_visible()

    # The guest opens the invitation link, creates an account and sees only this community.
    guest = new_page()
    guest.goto(link)
    expect(guest.get_by_role("heading", level=1)).to_contain_text(name)
    username = f"jo{uuid.uuid4().hex[:6]}"
    guest.get_by_label("Your name").fill("Jordan Guest")
    guest.get_by_label("Choose a username").fill(username)
    guest.get_by_label("Choose a password").fill("a long guest password")
    guest.get_by_role("button", name="Create my account and join").click()
    expect(guest.get_by_role("heading", level=1)).to_have_text(name)
    guest.get_by_role("link", name=re.compile("^Files")).click()
    expect(guest.get_by_role("link", name="Bid documents")).to_be_visible()
    guest.goto("/communities/")
    cards = guest.locator(".community-card")
    expect(cards).to_have_count(1)
    expect(cards).to_contain_text(name)
    expect(guest.get_by_role("link", name="Company")).to_have_count(0)
    assert guest.goto("/company/").status == 403
    assert guest.goto("/people/").status == 403
    assert guest.goto(f"/@{'chloe'}/").status == 404
    guest.goto("/@bob/")
    expect(guest.get_by_role("heading", level=1)).to_contain_text(NAMES["bob"])


def test_a_guest_signs_in_again_and_still_sees_only_their_community(signed_in, new_page):
    """Signing in through the ordinary form keeps the same isolation."""
    name = unique("Customer space")
    alice = signed_in("alice")
    alice.goto("/communities/new/")
    alice.get_by_label("Name").fill(name)
    alice.get_by_role("radio", name=re.compile("^External")).check()
    alice.get_by_role("button", name="Create the community").click()
    alice.get_by_role("link", name="Members").click()
    alice.get_by_label("Username or e-mail address").fill(
        f"lea-{uuid.uuid4().hex[:6]}@horizon.example")
    alice.get_by_label("Organisation").fill("Client Horizon")
    alice.get_by_role("button", name="Invite").click()
    link = alice.locator("code.invite-link").last.inner_text()
    page = new_page()
    page.goto(link)
    username = f"lea{uuid.uuid4().hex[:6]}"
    page.get_by_label("Choose a username").fill(username)
    page.get_by_label("Choose a password").fill("a long guest password")
    page.get_by_role("button", name="Create my account and join").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    fresh = new_page()
    login(fresh, username, "a long guest password")
    fresh.goto("/communities/")
    expect(fresh.locator(".community-card")).to_have_count(1)
    expect(fresh.locator(".community-card")).to_contain_text(name)
