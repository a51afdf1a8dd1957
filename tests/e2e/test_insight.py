"""My network and Silos in a real browser, in English and French: the measures and the charts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .test_trends import publish

pytestmark = pytest.mark.e2e

WORDS = {"en-US": {"mine": "My network", "silos": "Silos and adoption", "tied": "People tied"},
         "fr-FR": {"mine": "Mon réseau", "silos": "Silos et adoption",
                   "tied": "Personnes liées"}}


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
def test_a_person_sees_their_network_and_an_administrator_the_silos(signed_in, locale):
    words = WORDS[locale]
    publish(signed_in("bob"), "@alice merci pour la démo du jumeau numérique")
    page = signed_in("alice", locale=locale, width=1366, height=900)
    page.goto("/")
    page.locator(".sidebar").get_by_role("link", name=words["mine"]).click()
    expect(page.get_by_role("heading", level=1, name=words["mine"])).to_be_visible()
    for _attempt in range(10):  # the count tables are filled in the background
        if page.locator("[data-metric=ties]").count():
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(page.get_by_text(words["tied"])).to_be_visible()
    assert int(page.locator("[data-metric=ties]").inner_text()) >= 1
    expect(page.locator("figure.chart-bar.has-chart")).to_be_visible()

    admin = signed_in("ada", locale=locale, width=1366, height=900)
    admin.goto("/")
    admin.locator(".sidebar").get_by_role("link", name=words["silos"]).click()
    expect(admin.get_by_role("heading", level=1, name=words["silos"])).to_be_visible()
    expect(admin.locator("figure.chart-heatmap.has-chart")).to_be_visible()
