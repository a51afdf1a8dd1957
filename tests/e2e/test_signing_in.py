"""Signing in with a username or an e-mail, a wrong password, signing out."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import PASSWORD

pytestmark = pytest.mark.e2e


def fill_login(page, ident: str, password: str) -> None:
    page.goto("/login/")
    page.get_by_label("Username or e-mail").fill(ident)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_a_person_signs_in_with_their_username_and_signs_out(new_page, server):
    page = new_page()
    fill_login(page, "alice", PASSWORD)
    expect(page).to_have_url(f"{server}/")
    expect(page.get_by_role("heading", name="Home", level=1)).to_be_visible()
    expect(page.locator(".sidebar-me")).to_contain_text("@alice")

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login/$"))
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login/\?next=/$"))
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def test_a_person_signs_in_with_their_email(new_page, server):
    page = new_page()
    fill_login(page, "bob@example.com", PASSWORD)
    expect(page).to_have_url(f"{server}/")
    expect(page.locator(".sidebar-me")).to_contain_text("@bob")


def test_a_wrong_password_shows_an_error_and_signs_nobody_in(new_page):
    page = new_page()
    fill_login(page, "alice", "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text(
        "This username or e-mail and password do not match")
    expect(page).to_have_url(re.compile(r"/login/$"))
    expect(page.get_by_label("Username or e-mail")).to_have_value("alice")
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login/\?next=/$"))
