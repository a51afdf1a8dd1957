"""Daily and weekly digests: one notification per watch with news, counting only what the
owner may still see, never sent twice, and an e-mail when e-mail is configured."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from essaim.notifications.models import Notification
from essaim.watches.delivery import do_deliver_digests
from essaim.watches.models import Watch

pytestmark = pytest.mark.django_db


def _due(w, days=1):
    Watch.objects.filter(pk=w.pk).update(digest_sent_at=timezone.now() - timedelta(days=days,
                                                                                   minutes=1))


def test_a_daily_digest_counts_the_new_posts_once(alice, bob, say, watch):
    w = watch(alice, "salon", name="Salons", delivery="daily")
    say(bob, "Le salon ouvre")
    say(bob, "Le salon ferme")
    assert do_deliver_digests() == {"sent": 0, "quiet": 0}  # not due yet
    _due(w)
    assert do_deliver_digests() == {"sent": 1, "quiet": 0}
    note = Notification.objects.get(recipient=alice, kind="watch")
    assert note.post_id is None and note.link == f"/watches/{w.id}/"
    assert note.subject == "2 new posts in “Salons”"
    assert do_deliver_digests() == {"sent": 0, "quiet": 0}  # claimed: not sent again


def test_a_weekly_digest_waits_a_week(alice, bob, say, watch):
    w = watch(alice, "salon", delivery="weekly")
    say(bob, "Le salon ouvre")
    _due(w, days=3)
    assert do_deliver_digests()["sent"] == 0
    _due(w, days=7)
    assert do_deliver_digests()["sent"] == 1


def test_posts_the_owner_can_no_longer_see_are_not_counted(alice, bob, say, watch):
    from essaim.posts.actions import do_delete_post

    w = watch(alice, "salon", delivery="daily")
    post = say(bob, "Le salon ouvre")
    do_delete_post(bob, post.id)
    _due(w)
    assert do_deliver_digests() == {"sent": 0, "quiet": 1}
    assert not Notification.objects.filter(recipient=alice, kind="watch").exists()


def test_the_digest_goes_by_e_mail_in_the_owners_language_when_e_mail_is_on(alice, bob, say,
                                                                           watch, settings):
    settings.ESSAIM_EMAIL_ENABLED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    alice.email, alice.locale = "alice@example.com", "fr"
    alice.save(update_fields=["email", "locale"])
    w = watch(alice, "salon", name="Salons", delivery="daily")
    say(bob, "Le salon de Lyon ouvre demain")
    _due(w)
    do_deliver_digests()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    assert message.subject == "1 nouvelle publication dans « Salons »"
    assert "Le salon de Lyon ouvre demain" in message.body and f"/watches/{w.id}/" in \
        message.body


def test_the_cli_sends_due_digests_and_lists_a_persons_watches(alice, bob, say, watch,
                                                               capsys):
    import json

    from essaim.cli import main

    w = watch(alice, "salon", name="Salons", delivery="daily")
    say(bob, "Le salon ouvre")
    _due(w)
    assert main(["watches", "deliver", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"sent": 1, "quiet": 0}
    assert main(["watches", "list", "alice", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["unread"]) for r in rows] == [("Salons", 1)]
    assert main(["watches", "list", "nobody"]) == 1
    assert "nobody" in capsys.readouterr().err
