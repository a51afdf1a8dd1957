"""Two-factor authentication in a real browser: turn it on by scanning (here: reading) the
key, sign in with a code from the app, and with a recovery code when the phone is lost."""

from __future__ import annotations

import re

import pyotp
import pytest
from playwright.sync_api import expect

from .helpers import PASSWORD

pytestmark = pytest.mark.e2e


def _password(page, username: str = "erin") -> None:
    page.goto("/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_enrol_then_sign_in_with_a_code_and_with_a_recovery_code(new_page):
    page = new_page()
    _password(page)
    expect(page).to_have_url(re.compile(r"/$"))
    page.goto("/settings/two-factor/")
    page.get_by_role("button", name="Set up two-factor authentication").click()
    expect(page.locator(".two-factor-qr svg")).to_be_visible()
    secret = page.locator("#two-factor-secret").inner_text()
    page.get_by_label("Code from your app").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10

    fresh = new_page()
    _password(fresh)
    expect(fresh).to_have_url(re.compile(r"/login/two-factor/$"))
    fresh.get_by_label("Code from your authenticator app, or a recovery code").fill("000000")
    fresh.get_by_role("button", name="Sign in").click()
    expect(fresh.get_by_role("alert")).to_contain_text("does not match")
    fresh.get_by_label("Code from your authenticator app, or a recovery code").fill(codes[0])
    fresh.get_by_role("button", name="Sign in").click()
    expect(fresh).to_have_url(re.compile(r"/$"))
    expect(fresh.locator(".sidebar")).to_be_visible()
