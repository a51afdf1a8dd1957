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


@pytest.fixture(scope="module")
def work_community():
    """A community of Alice's with a task list and a task, made once for the module."""
    return {}


def _work_community(signed_in, store) -> str:
    if not store:
        alice = signed_in("alice")
        url = open_community(alice, unique("Works"))
        alice.goto(url + "tasks/")
        alice.locator("#list-name").fill("Launch")
        alice.locator("#list-name").press("Enter")
        alice.locator("input[name=title]").first.fill("Price the offer")
        alice.locator("input[name=title]").first.press("Enter")
        expect(alice.locator("li.task")).to_have_count(1)
        store["path"] = url.split("/c/", 1)[1]
    return "/c/" + store["path"]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("width", WIDTHS)
def test_task_status_is_one_click_and_forms_are_styled(signed_in, work_community, width,
                                                        locale):
    base = _work_community(signed_in, work_community)
    page = signed_in("alice", width=width, height=800, locale=locale)
    page.goto(base + "tasks/")
    row = page.locator("li.task").first
    buttons = row.locator("button.segment")
    expect(buttons).to_have_count(3)
    for index in range(3):
        box = buttons.nth(index).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert scroll_width(page) <= width
    target = 1 if row.locator("button.segment[aria-pressed=true]").get_attribute(
        "value") != "doing" else 0
    page.evaluate("window.__stay = 1")
    buttons.nth(target).click()
    expect(page.locator("li.task").first.locator("button.segment").nth(target)
           ).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.__stay") == 1, "the page was reloaded"
    due = page.locator("input[name=due_date]").first
    expect(due).to_have_attribute("placeholder", "jj/mm/aaaa" if locale == "fr-FR"
                                  else "yyyy-mm-dd")

    page.goto(base + "events/")
    summary = page.locator("details.disclosure > summary")
    expect(summary).to_be_visible()
    expect(page.locator("input[name=starts_at]")).to_be_hidden()
    summary.click()
    expect(page.locator("input[name=starts_at]")).to_be_visible()
    assert scroll_width(page) <= width

    page.goto(base + "files/")
    upload = page.locator("input[type=file]").first
    assert upload.evaluate("e => getComputedStyle(e).borderStyle") == "dashed"
    box = upload.bounding_box()
    assert box and box["x"] + box["width"] <= width


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("width", WIDTHS)
def test_people_are_picked_from_suggestions_with_the_keyboard(signed_in, work_community,
                                                              width, locale):
    base = _work_community(signed_in, work_community)
    page = signed_in("alice", width=width, height=800, locale=locale)

    # The task assignee: a combobox of the community's members (Alice only here).
    page.goto(base + "tasks/")
    picker = page.locator("input[name=assignee]").first
    expect(picker).to_have_attribute("role", "combobox")
    picker.click()
    picker.press_sequentially("ali")
    listbox = page.locator("#" + picker.get_attribute("aria-controls"))
    expect(listbox).to_be_visible()
    expect(picker).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option")).to_have_count(1)
    expect(listbox.get_by_role("option").first).to_contain_text("Alice Martin")
    box = listbox.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    picker.press("Escape")
    expect(listbox).to_be_hidden()
    expect(picker).to_have_attribute("aria-expanded", "false")
    picker.press("ArrowDown")
    expect(listbox).to_be_visible()
    expect(listbox.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    picker.press("Enter")  # chooses; does not submit the form
    expect(picker).to_have_value("alice")
    expect(listbox).to_be_hidden()
    assert "/tasks/" in page.url

    # @mentions in the home composer: Bob is suggested, Enter writes @bob.
    page.goto("/")
    box = page.locator("form[data-composer] textarea").first
    box.click()
    box.press_sequentially("Thanks @bo")
    mentions = page.locator("#" + box.get_attribute("aria-controls"))
    expect(mentions.get_by_role("option").filter(has_text="Bob Durand")).to_be_visible()
    assert scroll_width(page) <= width
    expect(mentions.locator("[aria-selected=true]")).to_contain_text("@bob")
    box.press("Enter")
    expect(box).to_have_value("Thanks @bob ")
    expect(mentions).to_be_hidden()
