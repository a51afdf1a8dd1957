"""Fan-out asks the policy: in random worlds, every recipient of a post may see it, and every
follower of its author who may see it (and gets the author's posts: reply rule, no mute) is a
recipient; the policy's reverse form agrees with its per-object form for every account."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essaim import visibility as policy
from essaim.graph.models import Follow, Mute
from essaim.posts.models import Post, Visibility
from essaim.timelines.recipients import recipients
from tests.core import worlds

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
OPS = st.lists(st.one_of(worlds.graph_op, worlds.post_op, worlds.post_op, worlds.community_op),
               min_size=2, max_size=14)
LATE = st.lists(worlds.late_op, max_size=4)


def _gets_authors_posts(follower_id: int, post: Post) -> bool:
    """The home rule for a follower of the author: what fan-out owes them."""
    if post.community_id is not None or post.visibility == Visibility.DIRECT:
        return False
    if post.relay_of_id is not None and post.relay_of.author_id == follower_id:
        return False
    replied = post.in_reply_to_account_id
    if replied and replied != post.author_id and replied != follower_id and not \
            Follow.objects.filter(follower_id=follower_id, followee_id=replied).exists():
        return False
    authors = {post.author_id} | ({post.relay_of.author_id} if post.relay_of_id else set())
    return not Mute.objects.filter(muter_id=follower_id, muted_id__in=authors).exists()


@SETTINGS
@given(kinds=worlds.kinds, ops=OPS, late=LATE)
def test_every_recipient_may_see_the_post_and_every_reading_follower_receives_it(
        db, kinds, ops, late):
    with worlds.rolled_back():
        cache.clear()
        world = worlds.build(kinds, ops, late)
        for post in Post.objects.select_related("author", "relay_of", "relay_of__author"):
            got = recipients(post)
            everyone = {u.id: u for u in get_user_model().objects.all()}
            for user_id in got:
                assert policy.can_see_post(everyone[user_id], post), (user_id, post.id)
            followers = Follow.objects.filter(followee_id=post.author_id)
            for follower_id in followers.values_list("follower_id", flat=True):
                follower = everyone[follower_id]
                if policy.can_see_post(follower, post) and _gets_authors_posts(follower_id,
                                                                               post):
                    assert follower_id in got, (follower_id, post.id)
        assert world.users


@SETTINGS
@given(kinds=worlds.kinds, ops=OPS, late=LATE)
def test_the_reverse_form_of_the_policy_agrees_with_the_per_object_form(db, kinds, ops, late):
    with worlds.rolled_back():
        cache.clear()
        worlds.build(kinds, ops, late)
        users = list(get_user_model().objects.all())
        for post in Post.objects.select_related("author", "relay_of", "relay_of__author"):
            readers = set(get_user_model().objects.filter(policy.readers_filter(post))
                          .values_list("id", flat=True))
            assert readers == {u.id for u in users if policy.can_see_post(u, post)}, post.id
