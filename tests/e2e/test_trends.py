"""Trends and Signals pages in a real browser, in English and French."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


def publish(page, text: str) -> None:
    """Write a post from the home composer (its text area, whatever else the form holds)."""
    page.goto("/")
    form = page.locator("form[data-composer]").first
    form.locator("textarea[name=text]").fill(text)
    form.get_by_role("button", name="Post").click()
    expect(page.get_by_role("status").filter(has_text="Your post is published.")).to_be_visible()

pytestmark = pytest.mark.e2e

LABELS = {"en-US": {"trends": "Trends", "signals": "Weak signals", "people": "People involved",
                    "departments": "Departments", "hashtags": "Hashtags"},
          "fr-FR": {"trends": "Tendances", "signals": "Signaux faibles",
                    "people": "Personnes concernées",
                    "departments": "Services", "hashtags": "Hashtags"}}
SAID = {
    "alice": "Le #Kestrel et son jumeau numérique de l'usine, qui a regardé la démo ?",
    "bob": "Essai du jumeau numérique #Kestrel sur la ligne 3 cet après-midi",
    "chloe": "Notre campagne parlera du jumeau numérique #Kestrel dès la semaine prochaine",
    "david": "Budget du jumeau numérique #Kestrel : premières estimations envoyées",
}


@pytest.fixture(scope="module")
def conversation(signed_in):
    for username, text in SAID.items():
        publish(signed_in(username), text)
    return SAID


@pytest.fixture(scope="module")
def signed_in(browser, server):  # module scope: the posts are written once for both languages
    pages = []

    def make(username: str, locale: str = "en-US"):
        from .helpers import login

        context = browser.new_context(locale=locale, base_url=server)
        context.set_default_timeout(10_000)
        page = context.new_page()
        login(page, username)
        pages.append(context)
        return page

    yield make
    for context in pages:
        context.close()


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
def test_a_subject_four_people_talk_about_trends_and_shows_its_sparkline(
        conversation, new_page, locale):
    from .helpers import login

    words = LABELS[locale]
    page = new_page(locale=locale)
    login(page, "alice")
    nav = page.locator("nav.sidebar")
    expect(nav.locator("a[href='/trends/']")).to_have_text(words["trends"])
    page.goto("/trends/")
    expect(page.get_by_role("heading", level=1, name=words["trends"])).to_be_visible()
    hashtags = page.locator("section[data-trend-kind=tag]")
    expect(hashtags.get_by_role("heading", name=words["hashtags"])).to_be_visible()
    trend = hashtags.locator("li.trend", has_text="#Kestrel")
    expect(trend).to_be_visible()
    expect(trend.locator("figure.chart-sparkline .chart-canvas")).to_be_attached()
    terms = page.locator("section[data-trend-kind=term]")
    expect(terms.locator("li.trend").filter(has_text="jumeau numérique").first).to_be_visible()


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
def test_a_new_subject_across_departments_is_a_weak_signal_with_its_figures(
        conversation, new_page, locale):
    from .helpers import login

    words = LABELS[locale]
    page = new_page(locale=locale)
    login(page, "chloe")
    page.goto("/signals/")
    expect(page.get_by_role("heading", level=1, name=words["signals"])).to_be_visible()
    card = page.locator("article.signal").filter(has_text="kestrel").or_(
        page.locator("article.signal").filter(has_text="jumeau")).first
    expect(card).to_be_visible()
    figures = card.locator(".reach-figures")
    expect(figures.locator("div").filter(has_text=words["people"]).locator("dd")) \
        .to_have_text("4")
    expect(figures.locator("div").filter(has_text=words["departments"]).locator("dd")) \
        .to_have_text("3")
    expect(card.locator("figure.chart-sparkline .chart-canvas")).to_be_attached()
