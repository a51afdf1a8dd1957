"""The write path publishes on the real-time channels (after commit)."""

from __future__ import annotations

import pytest

from essaim.graph.actions import do_add_to_list, do_create_list, do_follow
from essaim.posts.actions import do_create_post, do_delete_post, do_edit_post, do_like
from essaim.realtime import channels

from .streams import collect


@pytest.fixture(autouse=True)
def _broker(fresh_broker):
    """Every test here listens on a new in-process broker."""


_collect = collect


def test_a_new_post_reaches_followers_public_hashtag_and_list_channels(alice, bob, carol):
    do_follow(bob, alice)
    team = do_create_list(carol, "Team")
    do_add_to_list(carol, team.id, [alice])
    listen = [channels.user(bob.id), channels.user(carol.id), channels.public(),
              channels.hashtag("launch"), channels.account_list(team.id)]
    posts = []
    got = _collect(listen, lambda: posts.append(do_create_post(alice, "We #Launch today")))
    sent_to = {channel for channel, message in got if message["event"] == "update"}
    assert sent_to == {channels.user(bob.id), channels.public(), channels.hashtag("launch"),
                       channels.account_list(team.id)}
    assert {m["id"] for _c, m in got} == {str(posts[0].id)}


def test_a_direct_post_goes_to_the_direct_channels_of_the_people_it_names(alice, bob, carol):
    listen = [channels.direct(bob.id), channels.direct(carol.id), channels.public()]
    got = _collect(listen, lambda: do_create_post(alice, "Psst @bob", visibility="direct"))
    assert [c for c, _m in got] == [channels.direct(bob.id)]


def test_edits_deletes_and_notifications_are_published(alice, bob):
    do_follow(bob, alice)
    post = do_create_post(alice, "Draft")
    events = _collect([channels.user(bob.id), channels.user(alice.id)], lambda: (
        do_edit_post(alice, post.id, "Final"), do_like(bob, post.id),
        do_delete_post(alice, post.id)))
    kinds = [(c, m["event"]) for c, m in events]
    assert (channels.user(bob.id), "status.update") in kinds
    assert (channels.user(alice.id), "notification") in kinds
    assert (channels.user(bob.id), "delete") in kinds


def test_nothing_is_published_when_the_transaction_rolls_back(transactional_db, alice):
    from django.db import transaction

    def failing():
        try:
            with transaction.atomic():
                do_create_post(alice, "Never happened")
                raise RuntimeError("rollback")
        except RuntimeError:
            pass

    assert _collect([channels.user(alice.id), channels.public()], failing) == []
    committed = _collect([channels.user(alice.id)], lambda: do_create_post(alice, "Real"))
    assert [m["event"] for _c, m in committed] == ["update"]
