"""The interface in French: chosen in settings, or asked for by the browser."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def french(text: str) -> str:
    """The French catalogue's translation of ``text``; the test fails if there is none."""
    from django.utils import translation

    with translation.override("fr"):
        translated = translation.gettext(text)
    assert translated != text, f"no French translation for {text!r}"
    return translated


def test_a_person_switches_the_interface_to_french_in_settings_and_back(signed_in):
    page = signed_in("david")
    page.goto("/settings/")
    language = page.locator("#language")
    language.get_by_role("combobox").select_option("fr")
    language.get_by_role("button").click()

    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("status").filter(
        has_text=french("The interface language is changed."))).to_be_visible()
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    sidebar = page.get_by_role("navigation", name=french("Main"))
    expect(sidebar.get_by_role("link", name="Accueil")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accueil")
    expect(page.get_by_role("button", name=re.compile("^Publier"))).to_be_visible()

    page.goto("/settings/")
    expect(language.get_by_role("combobox")).to_have_value("fr")
    language.get_by_role("combobox").select_option("en")
    language.get_by_role("button").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto("/")
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Home")
           ).to_be_visible()


def test_a_browser_asking_for_french_gets_the_sign_in_page_in_french(new_page):
    page = new_page(locale="fr-FR")
    page.goto("/login/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(french("Sign in"))
    expect(page.get_by_label(french("Username or e-mail"))).to_be_visible()
