"""Random small worlds for property tests: people, follows, blocks, mutes and posts.

Everything is built through the real actions, so a world only holds states the product can
reach; an action that refuses (a guest following, a reply to a closed post...) is skipped.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from hypothesis import strategies as st

from essaim.accounts.actions import do_create_user, do_deactivate_user
from essaim.core.errors import EssaimError
from essaim.graph import actions as graph
from essaim.posts.actions import do_create_post, do_relay
from essaim.posts.models import ReplyPolicy, Visibility

MAX_USERS = 5
TAGS = ("alpha", "beta")
VISIBILITIES = [v.value for v in Visibility]
POLICIES = [p.value for p in ReplyPolicy]


@dataclass
class World:
    users: list = field(default_factory=list)
    posts: list = field(default_factory=list)
    communities: list = field(default_factory=list)


@contextmanager
def rolled_back():
    """Run one hypothesis example in a savepoint that is thrown away afterwards."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


user_index = st.integers(0, MAX_USERS - 1)
kinds = st.lists(st.sampled_from(["employee", "employee", "guest"]), min_size=2,
                 max_size=MAX_USERS)

graph_op = st.one_of(
    st.tuples(st.just("follow"), user_index, user_index),
    st.tuples(st.just("follow"), user_index, user_index),
    st.tuples(st.just("block"), user_index, user_index),
    st.tuples(st.just("mute"), user_index, user_index),
    st.tuples(st.just("follow_tag"), user_index, st.sampled_from(TAGS)),
)

post_op = st.one_of(
    st.tuples(
        st.just("post"), user_index, st.sampled_from(VISIBILITIES),
        st.frozensets(user_index, max_size=2), st.frozensets(st.sampled_from(TAGS), max_size=2),
        st.none() | st.integers(0, 20), st.sampled_from(POLICIES),
    ),
    st.tuples(st.just("relay"), user_index, st.integers(0, 20)),
)

community_index = st.integers(0, 3)
community_op = st.one_of(
    st.tuples(st.just("community"), user_index,
              st.sampled_from(["open", "closed", "secret", "external"])),
    st.tuples(st.just("join"), user_index, community_index),
    st.tuples(st.just("invite"), user_index, community_index, user_index),
    st.tuples(st.just("community_post"), user_index, community_index,
              st.frozensets(user_index, max_size=2), st.none() | st.integers(0, 20)),
    st.tuples(st.just("leave"), user_index, community_index),
    st.tuples(st.just("unfollow_community"), user_index, community_index),
)

late_op = st.one_of(
    graph_op,
    st.tuples(st.just("unfollow"), user_index, user_index),
    st.tuples(st.just("deactivate"), user_index),
)


def make_users(kinds_: list[str]) -> list:
    users = []
    for i, kind in enumerate(kinds_):
        user, _password = do_create_user(
            f"u{i}", password="pw", validate=False,
            guest_of="Outside Ltd" if kind == "guest" else None)
        users.append(user)
    return users


def apply(world: World, op: tuple) -> None:
    """Apply one operation; ops naming someone who does not exist, or refused ones, do nothing."""
    users = world.users
    name, actor = op[0], op[1]
    if actor >= len(users):
        return
    me = users[actor]
    me.refresh_from_db()
    try:
        if name in COMMUNITY_OPS:
            _community_op(world, me, name, op[2:])
        elif name == "post":
            _post(world, me, *op[2:])
        elif name == "relay":
            if world.posts:
                world.posts.append(do_relay(me, world.posts[op[2] % len(world.posts)].pk))
        elif name == "follow_tag":
            graph.do_follow_hashtag(me, op[2])
        elif name == "deactivate":
            do_deactivate_user(me)
        elif op[2] < len(users):
            other = users[op[2]]
            other.refresh_from_db()
            {"follow": graph.do_follow, "unfollow": graph.do_unfollow, "block": graph.do_block,
             "mute": graph.do_mute}[name](me, other)
    except EssaimError:
        pass


def _post(world: World, me, visibility, mentions, tags, reply_to, reply_policy) -> None:
    words = [f"@u{i}" for i in sorted(mentions) if i < len(world.users)]
    words += [f"#{t}" for t in sorted(tags)]
    parent = None
    if reply_to is not None and world.posts:
        parent = world.posts[reply_to % len(world.posts)]
    post = do_create_post(me, " ".join(["news", *words]), visibility=visibility,
                          reply_policy=reply_policy, in_reply_to=parent, rate_limit=False)
    world.posts.append(post)


COMMUNITY_OPS = {"community", "join", "invite", "community_post", "leave",
                 "unfollow_community"}


def _community_op(world: World, me, name: str, args: tuple) -> None:
    from essaim.communities import actions as community_actions

    if name == "community":
        world.communities.append(community_actions.do_create_community(
            me, f"c{len(world.communities)}", kind=args[0]))
        return
    if not world.communities:
        return
    community = world.communities[args[0] % len(world.communities)]
    community.refresh_from_db()
    if name == "join":
        community_actions.do_join(me, community)
    elif name == "invite" and args[1] < len(world.users):
        other = world.users[args[1]]
        other.refresh_from_db()
        community_actions.do_invite_account(me, community, other)
    elif name == "leave":
        community_actions.do_leave(me, community)
    elif name == "unfollow_community":
        community_actions.do_set_following(me, community, False)
    elif name == "community_post":
        words = [f"@u{i}" for i in sorted(args[1]) if i < len(world.users)]
        parent = None
        if args[2] is not None and world.posts:
            parent = world.posts[args[2] % len(world.posts)]
        world.posts.append(do_create_post(me, " ".join(["inside", *words]),
                                          community=None if parent else community,
                                          in_reply_to=parent, rate_limit=False))


def build(kinds_: list[str], *op_lists) -> World:
    world = World(users=make_users(kinds_))
    for ops in op_lists:
        for op in ops:
            apply(world, op)
    for user in world.users:
        user.refresh_from_db()
    return world
