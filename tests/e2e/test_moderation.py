"""Reporting a post and handling it from the queue, in a real browser, in English and French:
the reporter is thanked, the moderator hides the post, and it is gone for its readers."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import publish, unique

pytestmark = pytest.mark.e2e

WORDS = {"en-US": {"report": "Report this post", "send": "Send the report",
                   "thanks": "moderators will look at your report", "spam": "Spam",
                   "moderation": "Moderation", "decision": "Decision",
                   "hidden": "Content hidden", "reason": "Reason (the author is told)",
                   "decide": "Decide", "resolved": "The report is resolved."},
         "fr-FR": {"report": "Signaler ce message", "send": "Envoyer le signalement",
                   "thanks": "les modérateurs vont examiner votre signalement",
                   "spam": "Spam", "moderation": "Modération", "decision": "Décision",
                   "hidden": "Contenu masqué", "reason": "Raison (communiquée à l'auteur)",
                   "decide": "Décider", "resolved": "Le signalement est traité."}}


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
def test_a_reported_post_is_hidden_from_the_queue_and_gone_for_readers(signed_in, locale):
    words = WORDS[locale]
    text = unique("Buy cheap watches at this address")
    post_id = publish(signed_in("alice"), text)

    bob = signed_in("bob", locale=locale, width=1366, height=900)
    bob.goto(f"/posts/{post_id}/")
    bob.get_by_role("link", name=words["report"]).first.click()
    bob.get_by_label(words["spam"]).check()
    bob.get_by_role("button", name=words["send"]).click()
    expect(bob.get_by_text(words["thanks"])).to_be_visible()

    ada = signed_in("ada", locale=locale, width=1366, height=900)
    ada.goto("/")
    ada.locator(".sidebar").get_by_role("link", name=words["moderation"]).click()
    report = ada.locator("[data-report]").filter(has_text=text[:30])
    report.get_by_label(words["decision"]).select_option("hide")
    report.get_by_label(words["reason"]).fill("Spam")
    report.get_by_role("button", name=words["decide"]).click()
    expect(ada.get_by_text(words["resolved"])).to_be_visible()

    response = bob.goto(f"/posts/{post_id}/")
    assert response.status == 404
