"""Fan-out and rebuild agree on home timelines in random worlds with communities in them."""

from __future__ import annotations

from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essaim import visibility as policy
from essaim.communities.models import Community
from essaim.posts.models import Post
from essaim.timelines.store import timeline_store
from tests.core import worlds

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
KINDS = st.sampled_from(["open", "closed", "secret", "external"])


@st.composite
def setup_ops(draw):
    """One or two communities made by the first person (an employee), most people in them."""
    ops = [("community", 0, draw(KINDS))]
    if draw(st.booleans()):
        ops.append(("community", 0, draw(KINDS)))
    for index in range(1, worlds.MAX_USERS):
        for community in range(len(ops)):
            if draw(st.booleans()):
                ops += [("invite", 0, community, index), ("join", index, community)]
    return ops


community_post = st.tuples(st.just("community_post"), worlds.user_index,
                           worlds.community_index, st.frozensets(worlds.user_index, max_size=2),
                           st.none() | st.integers(0, 20))
people = worlds.kinds.map(lambda kinds: ["employee", *kinds[: worlds.MAX_USERS - 1]])


def stored(user) -> set[tuple[int, int]]:
    return set(timeline_store().entries(user.id))


@SETTINGS
@given(kinds=people, setup=setup_ops(),
       ops=st.lists(st.one_of(community_post, community_post, worlds.community_op,
                              worlds.graph_op, worlds.post_op), min_size=2, max_size=14))
def test_fan_out_and_rebuild_agree_with_communities(db, kinds, setup, ops):
    with worlds.rolled_back():
        cache.clear()
        world = worlds.build(kinds, setup, ops)
        for user in world.users:
            delivered = stored(user)
            timeline_store().rebuild(user.id)
            assert stored(user) == delivered, f"home of {user}"


@SETTINGS
@given(kinds=people, setup=setup_ops(),
       ops=st.lists(st.one_of(worlds.community_op, worlds.graph_op), max_size=14))
def test_the_two_forms_of_the_community_policy_agree(db, kinds, setup, ops):
    with worlds.rolled_back():
        cache.clear()
        world = worlds.build(kinds, setup, ops)
        communities = list(Community.objects.all())
        posts = list(Post.objects.select_related("author", "relay_of__author"))
        for viewer in world.users:
            listed = set(policy.visible_communities(viewer).values_list("id", flat=True))
            assert listed == {c.id for c in communities
                              if policy.can_see_community(viewer, c)}
            seen = set(policy.visible_posts(viewer).values_list("id", flat=True))
            assert seen == {p.id for p in posts if policy.can_see_post(viewer, p)}
