"""Sharing a public post outside with a personal link, and its author reading the reach."""

import re
import urllib.request

import pytest
from playwright.sync_api import expect

from .helpers import post_card, publish, unique

pytestmark = pytest.mark.e2e

LABELS = {"en-US": {"share": "Share outside", "copy": "Copy link", "reach": "Reach",
                    "visits": "External visits", "previews": "Link previews"},
          "fr-FR": {"share": "Partager à l’extérieur", "copy": "Copier le lien",
                    "reach": "Portée", "visits": "Visites externes",
                    "previews": "Aperçus de lien"}}


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
def test_a_shared_link_brings_a_visit_and_a_preview_the_author_sees(signed_in, new_page,
                                                                   server, locale):
    words = LABELS[locale]
    alice = signed_in("alice")
    text = unique("Our stand at VivaTech is open to visitors")
    post_id = publish(alice, text, visibility="public")

    bob = signed_in("bob", locale=locale)
    bob.goto(f"/posts/{post_id}/")
    post_card(bob, text).get_by_role("link", name=words["share"]).click()
    expect(bob).to_have_url(re.compile(rf"/posts/{post_id}/share/$"))
    link = bob.locator("[data-copy-source]").input_value()
    assert re.search(r"/s/[\w-]+$", link)
    bob.get_by_role("button", name=words["copy"]).click()
    expect(bob.get_by_role("status").filter(has_text="/s/")).to_be_visible()

    visitor = new_page(locale=locale)  # an anonymous reader outside the company
    visitor.goto(link.replace("http://127.0.0.1:8000", server) + "?via=linkedin")
    expect(visitor).to_have_url(re.compile(rf"/posts/{post_id}/\?utm_source=linkedin"))
    expect(visitor.get_by_text(text)).to_be_visible()
    crawler = urllib.request.Request(  # noqa: S310
        link.replace("http://127.0.0.1:8000", server),
        headers={"User-Agent": "LinkedInBot/1.0 (compatible; Mozilla/5.0)"})
    urllib.request.urlopen(crawler, timeout=10).read()  # noqa: S310

    author = signed_in("alice", locale=locale)
    author.goto(f"/posts/{post_id}/")
    author.locator(".reach-summary").get_by_role("link", name=words["reach"]).click()
    figures = author.locator(".reach-figures")
    expect(figures.locator("div").filter(has_text=words["visits"]).locator("dd")).to_have_text("1")
    expect(figures.locator("div").filter(has_text=words["previews"]).locator("dd"))\
        .to_have_text("1")
