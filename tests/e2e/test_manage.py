"""The administration in the browser: an administrator adds a person, deactivates them (who
then cannot sign in), and creates a department, on a laptop and a phone, in English and
French."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

WORDS = {
    "en": {"admin": "Administration", "people": "People", "add": "Add a person",
           "username": "Username", "name": "Display name", "submit": "Add",
           "open": "Open the account", "deactivate": "Deactivate", "deactivated": "is deactivated",
           "departments": "Departments", "dept_name": "Name", "create": "Create",
           "created": "is created", "bad_login": "Sign in"},
    "fr": {"admin": "Administration", "people": "Personnes", "add": "Ajouter une personne",
           "username": "Nom d’utilisateur", "name": "Nom affiché", "submit": "Ajouter",
           "open": "Ouvrir le compte", "deactivate": "Désactiver", "deactivated": "est désactivé",
           "departments": "Services", "dept_name": "Nom", "create": "Créer",
           "created": "est créé", "bad_login": "Se connecter"},
}


def _fits(page, width: int) -> None:
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [1366, 375])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_administrator_deactivates_someone_and_creates_a_department(signed_in, new_page,
                                                                       language, width):
    words = WORDS[language]
    locale = "fr-FR" if language == "fr" else "en-US"
    page = signed_in("ada", locale=locale, width=width, height=900)
    # The menu's Administration link (the top bar's on a phone).
    menu = page.locator(".topbar-links" if width < 641 else ".sidebar")
    menu.get_by_role("link", name=words["admin"]).click()
    expect(page.get_by_role("heading", level=1, name=words["admin"])).to_be_visible()
    _fits(page, width)

    # Add a person, note the password shown once.
    page.get_by_role("navigation", name=words["admin"]).get_by_role(
        "link", name=words["people"]).click()
    page.get_by_role("link", name=words["add"]).click()
    username = f"temp{uuid.uuid4().hex[:8]}"
    page.get_by_label(words["username"]).fill(username)
    page.get_by_label(words["name"]).fill("Temp Worker")
    page.get_by_role("button", name=words["submit"], exact=True).click()
    password = page.locator("#created-password").input_value()
    assert len(password) >= 12
    _fits(page, width)
    page.get_by_role("link", name=words["open"]).click()

    # Deactivate them: a confirmation first, then the flash message.
    page.get_by_role("link", name=words["deactivate"], exact=True).click()
    expect(page).to_have_url(re.compile(r"/deactivate/$"))
    _fits(page, width)
    page.get_by_role("button", name=words["deactivate"], exact=True).click()
    expect(page.get_by_text(words["deactivated"])).to_be_visible()
    _fits(page, width)

    # They cannot sign in any more.
    stranger = new_page(locale=locale, width=width)
    stranger.goto("/login/")
    stranger.locator("input[name=username]").fill(username)
    stranger.locator("input[name=password]").fill(password)
    stranger.locator("form button[type=submit]").first.click()
    expect(stranger).to_have_url(re.compile(r"/login/"))
    expect(stranger.locator(".form-error")).to_be_visible()

    # Create a department.
    page.get_by_role("navigation", name=words["admin"]).get_by_role(
        "link", name=words["departments"]).click()
    name = f"Dept {uuid.uuid4().hex[:6]}"
    page.get_by_label(words["dept_name"], exact=True).fill(name)
    page.get_by_role("button", name=words["create"]).click()
    expect(page.get_by_text(words["created"])).to_be_visible()
    expect(page.get_by_role("heading", level=2, name=name)).to_be_visible()
    _fits(page, width)
