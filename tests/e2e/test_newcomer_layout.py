"""What a newcomer sees, measured in the browser at 1366 px and 375 px, in English and French:
nothing cut, nothing hidden, nothing overlapping, and controls that answer at once."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from .helpers import composer, post_card, publish, unique

pytestmark = pytest.mark.e2e

SCREENS = [pytest.param(locale, width, id=f"{locale}-{width}px")
           for locale in ("en-US", "fr-FR") for width in (1366, 375)]

# How wide a select must be to show its chosen option in full: text, padding and arrow.
NEEDED_WIDTH = """select => {
  const style = getComputedStyle(select);
  const probe = document.createElement("span");
  probe.style.cssText = "position:absolute;visibility:hidden;white-space:pre";
  probe.style.font = style.font;
  probe.textContent = select.options[select.selectedIndex].text;
  document.body.appendChild(probe);
  const width = probe.getBoundingClientRect().width;
  probe.remove();
  return width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 12;
}"""


def box(locator) -> dict:
    bounds = locator.bounding_box()
    assert bounds, "not rendered"
    return bounds


def overlap(a: dict, b: dict) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


def settled(page) -> None:
    """Wait until htmx has finished swapping (a person is never faster than that)."""
    page.wait_for_function(
        "!document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')")


def not_cut(locator) -> bool:
    return locator.evaluate("el => el.scrollWidth <= el.clientWidth + 1")


@pytest.fixture(scope="module")
def tender_community(browser, server):
    """An external call for tenders made by Chloé (the creator sees every tab)."""
    from .helpers import login

    context = browser.new_context(base_url=server, locale="en-US")
    page = context.new_page()
    login(page, "chloe")
    page.goto("/communities/")
    page.get_by_role("link", name="New community").click()
    page.get_by_label("Name").fill(unique("Tender Metro Lyon"))
    page.get_by_role("radio", name=re.compile("Call for tenders")).check()
    page.get_by_role("radio", name=re.compile("^External")).check()
    page.get_by_role("button", name="Create the community").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    url = page.url
    context.close()
    return url


# --- 11: the composer --------------------------------------------------------------------

@pytest.mark.parametrize(("locale", "width"), SCREENS)
def test_the_composer_pickers_show_every_choice_in_full_and_post_stays_on_one_line(
        signed_in, locale, width):
    page = signed_in("chloe", width=width, locale=locale)
    form = composer(page)
    for name in ("visibility", "reply_policy"):
        select = form.locator(f"select[name={name}]")
        for label in select.locator("option").all_inner_texts():
            select.select_option(label=label)
            needed = select.evaluate(NEEDED_WIDTH)
            assert box(select)["width"] >= needed - 1, f"{label!r} is cut"
    button = form.locator("button[type=submit]")
    assert not_cut(button)
    assert box(button)["height"] <= 44, "the button's label wraps"
    if width > 1000:
        picker = box(form.locator(".composer-pickers"))
        assert box(button)["y"] < picker["y"] + picker["height"], "the button drops to a new row"


# --- 13: the community header, its tabs and the communities search ------------------------

@pytest.mark.parametrize(("locale", "width"), SCREENS)
def test_every_community_tab_is_visible_and_whole(signed_in, tender_community, locale, width):
    page = signed_in("chloe", width=width, locale=locale)
    page.goto(tender_community)
    tabs = page.get_by_role("navigation", name=re.compile("Community sections|Rubriques"))
    nav = box(tabs)
    links = tabs.get_by_role("link")
    assert links.count() == 9
    for index in range(links.count()):
        link = links.nth(index)
        expect(link).to_be_visible()
        bounds = box(link)
        inside = nav["x"] - 1 <= bounds["x"] <= nav["x"] + nav["width"] - bounds["width"] + 1
        assert inside, f"{link.inner_text()!r} is outside the tab bar"
        assert bounds["x"] + bounds["width"] <= width
        assert not_cut(link), f"{link.inner_text()!r} is cut"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width


@pytest.mark.parametrize(("locale", "width"), SCREENS)
def test_the_community_title_sits_below_the_banner_beside_its_picture(
        signed_in, tender_community, locale, width):
    page = signed_in("chloe", width=width, locale=locale)
    page.goto(tender_community)
    banner = box(page.locator(".community-head .community-banner"))
    title = box(page.locator("#community-name"))
    avatar = box(page.locator(".community-title > .avatar"))
    assert title["y"] >= banner["y"] + banner["height"] - 1, "the title runs over the banner"
    assert avatar["y"] < banner["y"] + banner["height"], "the picture no longer meets the banner"
    assert avatar["y"] <= title["y"], "the picture dropped below the title"


@pytest.mark.parametrize(("locale", "width"), SCREENS)
def test_the_communities_search_stays_inside_its_card(signed_in, tender_community, locale, width):
    page = signed_in("chloe", width=width, locale=locale)
    page.goto("/communities/")
    card = page.locator("main").get_by_role("search")  # (the sidebar holds the site's own)
    outer = box(card)
    for control in card.locator("input, select, button").all():
        if not control.is_visible():
            continue
        inner = box(control)
        for start, size in (("x", "width"), ("y", "height")):
            assert inner[start] >= outer[start]
            assert inner[start] + inner[size] <= outer[start] + outer[size] + 0.5
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width


# --- 15: following a hashtag --------------------------------------------------------------

@pytest.mark.parametrize(("locale", "width"), SCREENS[:1] + SCREENS[3:])
def test_following_a_hashtag_updates_the_count_at_once(signed_in, locale, width):
    page = signed_in("chloe", width=width, locale=locale)
    tag = f"Kickoff{uuid.uuid4().hex[:8]}"
    page.goto(f"/tags/{tag}/")
    header = page.locator("#hashtag-header")
    expect(header).to_contain_text(re.compile(r"\b0 (people follow|personne)"))
    header.locator("form.follow-form button").click()
    expect(header.locator("form.follow-form button")).to_have_attribute("aria-pressed", "true")
    expect(header).to_contain_text(re.compile(r"\b1 (person follows|personne)"))
    settled(page)
    button = header.locator("form.follow-form button")
    before = box(button)
    button.hover()
    assert box(button) == before, "hovering moves or resizes the button"
    button.click()
    expect(header.locator("form.follow-form button")).to_have_attribute("aria-pressed", "false")
    expect(header).to_contain_text(re.compile(r"\b0 (people follow|personne)"))


# --- 16: notifications ---------------------------------------------------------------------

@pytest.mark.parametrize("width", [1366, 375])
def test_opening_notifications_clears_the_badge_which_never_covers_the_bell(signed_in, width):
    bob = signed_in("bob")
    publish(bob, unique("@david the figures are in"))
    david = signed_in("david", width=width)
    david.goto("/")
    link = david.locator(".nav-list a[href='/notifications/']")
    badge = link.locator(".badge")
    expect(badge).to_be_visible()
    assert not overlap(box(badge), box(link.locator("svg.icon-bell"))), "the badge covers the bell"
    link.click()
    expect(david).to_have_url(re.compile(r"/notifications/$"))
    expect(david.locator(".nav-list .badge")).to_have_count(0)
    david.reload()
    expect(david.locator(".nav-list .badge")).to_have_count(0)


# --- 18: the directory ---------------------------------------------------------------------

@pytest.mark.parametrize(("locale", "width"), SCREENS)
def test_choosing_a_department_filters_the_directory_at_once(signed_in, locale, width):
    page = signed_in("chloe", width=width, locale=locale)
    page.goto("/people/")
    results = page.locator("#directory-results")
    expect(results).to_contain_text("Bob Durand")
    page.locator("select[name=department]").select_option(label="Finance")
    expect(results).not_to_contain_text("Bob Durand")
    expect(results).to_contain_text("David Petit")
    expect(page).to_have_url(re.compile(r"department=\d+"))


# --- 19: closed comments and the visibility icons ------------------------------------------

@pytest.mark.parametrize(("locale", "width"), SCREENS)
def test_a_closed_post_has_a_dimmed_reply_icon_and_the_picker_icon_follows_the_audience(
        signed_in, locale, width):
    bob = signed_in("bob")
    text = unique("Office closed on Friday")
    publish(bob, text, reply_policy="nobody")
    page = signed_in("chloe", width=width, locale=locale)
    page.goto("/company/")
    reply = post_card(page, text).locator(".action-reply")
    expect(reply).to_have_class(re.compile(r"\bis-disabled\b"))
    assert reply.evaluate("el => el.tagName") != "A"
    assert float(reply.evaluate("el => getComputedStyle(el).opacity")) < 0.6
    page.goto("/")
    picker = composer(page).locator("[data-visibility-picker]")
    shown = picker.locator(".picker-icon:not([hidden]) svg")
    expect(shown).to_have_count(1)
    expect(shown).to_have_class(re.compile(r"\bicon-building\b"))
    composer(page).locator("select[name=visibility]").select_option("public")
    expect(shown).to_have_class(re.compile(r"\bicon-globe\b"))
    if width > 640:  # phones show the pickers without their icons
        expect(shown).to_be_visible()


# --- 23: favicon, focus ring, phone tab bar -------------------------------------------------

@pytest.mark.parametrize("width", [1366, 375])
def test_pages_load_their_icon_without_a_404(signed_in, width):
    page = signed_in("chloe", width=width)
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    for path in ("/", "/communities/", "/notifications/"):
        page.goto(path)
    assert page.request.get("/favicon.ico").ok
    assert missing == []
    icon = page.locator("link[rel=icon]").get_attribute("href")
    assert page.request.get(icon).ok


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
def test_the_focus_ring_in_the_sidebar_is_not_clipped(signed_in, locale):
    page = signed_in("chloe", width=1366, locale=locale)
    sidebar = page.locator("nav.sidebar")
    edge = box(sidebar)
    for link in page.locator("nav.sidebar .nav-list a").all()[:3]:
        link.focus()
        ring = link.evaluate("""el => {
            const s = getComputedStyle(el); const r = el.getBoundingClientRect();
            const out = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
            return {left: r.left - out, right: r.right + out, style: s.outlineStyle}; }""")
        assert ring["style"] != "none"
        assert ring["left"] >= edge["x"] - 0.5 and ring["right"] <= edge["x"] + edge["width"] + 0.5


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
def test_the_phone_tab_bar_labels_do_not_touch(signed_in, locale):
    page = signed_in("chloe", width=375, locale=locale)
    page.goto("/communities/")  # its label is the widest, and bold when current
    labels = [box(label) for label in page.locator(
        "nav.sidebar .nav-primary a > span:not(.nav-icon):not(.sr-only)").all()]
    assert len(labels) >= 5
    for left, right in zip(labels, labels[1:], strict=False):
        assert left["x"] + left["width"] + 4 <= right["x"], "two tab labels touch"
    assert labels[0]["x"] >= 0 and labels[-1]["x"] + labels[-1]["width"] <= 375
