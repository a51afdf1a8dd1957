"""Everyone accepts the current code of conduct before contributing; reading stays open."""

from __future__ import annotations

import pytest
from django.test import Client

from essaim.moderation import conduct
from essaim.moderation.conduct import ConductNotAccepted
from essaim.oauth.actions import do_issue_token
from essaim.posts.actions import do_create_post, do_like, do_relay

CODE_EN = """Our rules:

- Be kind — criticise ideas, not people
- Keep confidential information inside the company
- Stay on topic in communities
"""
CODE_FR = """Nos règles :

- Soyez bienveillants — critiquez les idées, pas les personnes
- Gardez les informations confidentielles dans l'entreprise
- Restez dans le sujet des communautés
"""


@pytest.fixture
def admin(make_user):
    return make_user("root", department="IT", admin=True)


@pytest.fixture
def published(admin):
    return conduct.do_publish(admin, CODE_EN, CODE_FR)


def _masto(user) -> Client:
    _token, raw = do_issue_token(user, "read write follow push")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_without_a_published_code_everyone_posts_as_before(alice):
    assert do_create_post(alice, "Nothing to accept yet")


def test_posting_replying_relaying_and_liking_wait_for_acceptance(published, alice, bob):
    post = do_create_post(bob, "Hello") if conduct.do_accept(bob) else None
    for attempt in (lambda: do_create_post(alice, "Hi"), lambda: do_like(alice, post.id),
                    lambda: do_relay(alice, post.id),
                    lambda: do_create_post(alice, "Re", in_reply_to=post.id)):
        with pytest.raises(ConductNotAccepted):
            attempt()
    conduct.do_accept(alice)
    assert do_create_post(alice, "Hi, I accepted")


def test_a_new_version_must_be_accepted_again(published, admin, alice):
    conduct.do_accept(alice)
    do_create_post(alice, "Fine")
    conduct.do_publish(admin, CODE_EN + "- Be on time\n", CODE_FR + "- Soyez à l'heure\n")
    with pytest.raises(ConductNotAccepted):
        do_create_post(alice, "Not yet")


def test_accepting_an_outdated_version_is_refused_with_a_message(published, admin, alice):
    conduct.do_publish(admin, CODE_EN + "- More\n", CODE_FR + "- Plus\n")
    with pytest.raises(Exception, match="newer version"):
        conduct.do_accept(alice, version=published.version)


def test_an_app_posting_before_acceptance_gets_a_403_with_the_url(published, alice):
    response = _masto(alice).post("/api/v1/statuses", {"status": "From my phone"})
    assert response.status_code == 403
    assert "/about/rules/" in response.json()["error"]


def test_mastodon_apps_list_the_rules_in_the_readers_language(published, alice):
    rules = Client().get("/api/v1/instance/rules").json()
    assert [r["text"] for r in rules][0] == "Be kind"
    assert rules[0]["hint"] == "criticise ideas, not people" and rules[0]["id"] == "1"
    french = Client().get("/api/v1/instance/rules", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert french[0]["text"] == "Soyez bienveillants"


def test_the_rules_page_shows_the_code_and_accepts_it(published, client, alice):
    assert "Be kind" in client.get("/about/rules/").content.decode()  # open to visitors
    client.force_login(alice)
    page = client.get("/about/rules/").content.decode()
    assert "I accept the code of conduct" in page
    client.post("/about/rules/", {"version": published.version})
    assert conduct.has_accepted(alice)
    assert "You accepted this version" in client.get("/about/rules/").content.decode()


def test_the_native_api_says_whether_i_accepted_and_accepts(published, client, alice):
    client.force_login(alice)
    before = client.get("/api/essaim/v1/code-of-conduct").json()
    assert before["version"] == published.version and before["accepted"] is False
    after = client.post("/api/essaim/v1/code-of-conduct/accept").json()
    assert after["accepted"] is True


def test_only_administrators_publish_and_publishing_is_audited(alice, admin):
    from essaim.audit.models import AuditEntry
    from essaim.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        conduct.do_publish(alice, CODE_EN, CODE_FR)
    conduct.do_publish(admin, CODE_EN, CODE_FR)
    assert AuditEntry.objects.filter(action="conduct.publish").exists()


def test_an_administrator_publishes_a_version_from_the_administration(client, admin, alice):
    client.force_login(admin)
    assert client.get("/manage/rules/").status_code == 200
    client.post("/manage/rules/", {"text_en": CODE_EN, "text_fr": CODE_FR})
    assert conduct.current().version == 1
    assert client.post("/manage/rules/", {"text_en": "", "text_fr": ""}).status_code == 422
    client.force_login(alice)
    assert client.get("/manage/rules/").status_code == 403


def test_a_rule_written_over_two_lines_keeps_its_whole_hint(admin):
    code = conduct.do_publish(
        admin,
        "- Keep secrets — customers' data and results\n  stay out of public posts\n- Be kind\n",
        "- Gardez les secrets\n- Soyez bienveillants\n",
    )
    listed = conduct.rules(code, "en")
    assert listed[0]["hint"] == "customers' data and results stay out of public posts"
    assert [r["text"] for r in listed] == ["Keep secrets", "Be kind"]
