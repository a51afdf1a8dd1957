"""Notifying many people of one post at once follows the rules of notifying one."""

from __future__ import annotations

import pytest

from essaim.accounts.actions import do_deactivate_user
from essaim.graph.actions import do_block, do_mute
from essaim.notifications.actions import do_notify_many
from essaim.notifications.models import Notification
from essaim.posts.actions import do_create_post

pytestmark = pytest.mark.django_db


def test_only_readers_who_neither_block_nor_mute_the_author_are_notified(make_user, alice):
    names = ["reader", "muter", "blocker", "blocked", "gone", "guest"]
    people = {n: make_user(n, name=n.title()) for n in names[:-1]}
    people["guest"] = make_user("gail", name="Gail", guest_of="Acme")
    do_mute(people["muter"], alice)
    do_block(people["blocker"], alice)
    do_block(alice, people["blocked"])
    do_deactivate_user(people["gone"])
    post = do_create_post(alice, "Inside news", visibility="company", rate_limit=False)
    sent = do_notify_many([(p, "Watch", "/watches/1/") for p in [*people.values(), alice]],
                          alice, Notification.Kind.WATCH, post)
    assert [n.recipient.username for n in sent] == ["reader"]
    note = Notification.objects.get()
    assert (note.recipient, note.subject, note.link, note.post_id) == (
        people["reader"], "Watch", "/watches/1/", post.id)


def test_a_link_outside_essaim_is_refused(alice, bob):
    post = do_create_post(alice, "x", rate_limit=False)
    with pytest.raises(ValueError):
        do_notify_many([(bob, "", "https://elsewhere.example/")], alice, "watch", post)
