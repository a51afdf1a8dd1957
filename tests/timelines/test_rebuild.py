"""The home timeline built by fan-out equals the one rebuilt from scratch.

``recipients.recipients`` decides who gets each new post; ``home.home_candidates`` decides what a
rebuilt timeline holds. They state the same rule twice, so random small worlds hold them to it.
"""

from __future__ import annotations

from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essaim.core.pagination import Cursor
from essaim.graph.actions import do_follow
from essaim.posts.actions import do_create_post
from essaim.timelines import queries as timelines
from essaim.timelines.store import timeline_store
from tests.core import worlds

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

late_op = st.one_of(
    st.tuples(st.just("mute"), worlds.user_index, worlds.user_index),
    st.tuples(st.just("follow_tag"), worlds.user_index, st.sampled_from(worlds.TAGS)),
    st.tuples(st.just("deactivate"), worlds.user_index),
)


def stored(user) -> set[tuple[int, int]]:
    return set(timeline_store().entries(user.id))


def shown(user) -> list[int]:
    return [p.id for p in timelines.home(user, Cursor(limit=40)).posts]


def test_a_rebuilt_timeline_equals_the_delivered_one(alice, bob, carol):
    do_follow(alice, bob)
    do_create_post(bob, "One")
    do_create_post(carol, "Two", in_reply_to=do_create_post(bob, "Three"))
    before = stored(alice)
    assert timeline_store().rebuild(alice.id) == len(before)
    assert stored(alice) == before


@SETTINGS
@given(kinds=worlds.kinds, graph_ops=st.lists(worlds.graph_op, max_size=10),
       post_ops=st.lists(worlds.post_op, max_size=10))
def test_fan_out_and_rebuild_agree_on_every_home_timeline(db, kinds, graph_ops, post_ops):
    with worlds.rolled_back():
        cache.clear()
        world = worlds.build(kinds, graph_ops, post_ops)
        for user in world.users:
            delivered = stored(user)
            timeline_store().rebuild(user.id)
            assert stored(user) == delivered, f"home of {user}"


@SETTINGS
@given(kinds=worlds.kinds, graph_ops=st.lists(worlds.graph_op, max_size=8),
       post_ops=st.lists(worlds.post_op, max_size=8), late_ops=st.lists(late_op, max_size=4))
def test_what_home_shows_survives_a_rebuild_after_mutes_and_deactivations(
        db, kinds, graph_ops, post_ops, late_ops):
    with worlds.rolled_back():
        cache.clear()
        world = worlds.build(kinds, graph_ops, post_ops, late_ops)
        for user in world.users:
            if not user.is_active:
                continue
            before = shown(user)
            timeline_store().rebuild(user.id)
            assert shown(user) == before, f"home of {user}"
