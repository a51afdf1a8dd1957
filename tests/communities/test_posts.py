"""Community posts: members only, on the community's timeline and followers' homes, never on
the company timeline; mentions of non-members leak nothing; pins and questions."""

from __future__ import annotations

import pytest

from essaim import visibility as policy
from essaim.communities import actions
from essaim.communities import queries as community_queries
from essaim.core.errors import NotFound, PermissionDenied, ValidationFailed
from essaim.core.pagination import Cursor
from essaim.graph.actions import do_follow, do_follow_hashtag
from essaim.notifications.models import Notification
from essaim.posts.actions import do_create_post, do_delete_post, do_edit_post, do_relay
from essaim.timelines import queries as timelines
from essaim.timelines.store import timeline_store


def ids(page) -> list[int]:
    return [p.id for p in page.posts]


def home_ids(user) -> list[int]:
    return ids(timelines.home(user, Cursor(limit=40)))


def test_a_community_post_is_for_members_only(make_community, alice, bob, carol):
    community = make_community(alice, members=[bob])
    post = do_create_post(bob, "Kick-off on Monday #atlas", community=community)
    assert post.visibility == "community" and post.community == community
    assert policy.can_see_post(alice, post)
    assert not policy.can_see_post(carol, post)
    with pytest.raises(NotFound):
        policy.access_post(carol, post.id)


def test_only_members_can_post_in_a_community(make_community, alice, carol):
    community = make_community(alice)
    with pytest.raises(PermissionDenied):
        do_create_post(carol, "Let me in", community=community)
    with pytest.raises(ValidationFailed):
        do_create_post(alice, "Where to?", visibility="community")


def test_community_posts_reach_the_home_of_members_who_follow_the_community(
        make_community, alice, bob, carol):
    do_follow(carol, bob)  # following the author is not enough
    community = make_community(alice, members=[bob])
    post = do_create_post(bob, "For the team", community=community)
    assert post.id in home_ids(alice)
    assert post.id in home_ids(bob)
    assert post.id not in home_ids(carol)


def test_unfollowing_a_community_takes_its_posts_out_of_home_and_fan_out_agrees_with_rebuild(
        make_community, alice, bob):
    community = make_community(alice, members=[bob])
    post = do_create_post(alice, "Weekly notes", community=community)
    actions.do_set_following(bob, community, False)
    assert post.id not in home_ids(bob)
    later = do_create_post(alice, "More notes", community=community)
    assert later.id not in home_ids(bob)
    assert [p.id for p in community_queries.timeline(bob, community, Cursor())] == [
        later.id, post.id]  # still on the community's own timeline
    actions.do_set_following(bob, community, True)
    fanned = set(home_ids(bob))
    timeline_store().rebuild(bob.id)
    assert set(home_ids(bob)) == fanned >= {post.id, later.id}


def test_joining_brings_recent_community_posts_home_and_leaving_hides_them(make_community,
                                                                         alice, bob):
    community = make_community(alice)
    post = do_create_post(alice, "Welcome, newcomers", community=community)
    actions.do_join(bob, community)
    assert post.id in home_ids(bob)
    actions.do_leave(bob, community)
    assert post.id not in home_ids(bob)
    assert not policy.can_see_post(bob, post)


def test_community_posts_never_appear_on_the_company_timeline_hashtags_or_profiles_of_outsiders(
        make_community, alice, bob, carol):
    community = make_community(alice, members=[bob])
    do_follow_hashtag(carol, "atlas")
    post = do_create_post(bob, "Internal to the team #atlas", community=community)
    for viewer in (alice, bob, carol):
        assert post.id not in ids(timelines.company(viewer, Cursor(limit=40),
                                                    with_replies=True))
    assert post.id in ids(timelines.hashtag(alice, "atlas", Cursor()))
    assert post.id not in ids(timelines.hashtag(carol, "atlas", Cursor()))
    assert post.id not in ids(timelines.profile(carol, bob, Cursor()))
    assert post.id in ids(timelines.profile(alice, bob, Cursor()))
    assert post.id not in ids(timelines.search_posts(carol, "Internal", Cursor()))
    assert post.id not in home_ids(carol)


def test_a_mention_of_a_non_member_does_not_notify_them_nor_show_them_the_post(
        make_community, alice, bob, carol):
    community = make_community(alice, members=[bob])
    post = do_create_post(alice, "@bob and @carol, have a look", community=community)
    assert set(post.mentions.values_list("username", flat=True)) == {"bob"}
    assert Notification.objects.filter(recipient=bob, kind="mention", post=post).exists()
    assert not Notification.objects.filter(recipient=carol).exists()
    assert not policy.can_see_post(carol, post)
    do_edit_post(alice, post.id, "@carol still nothing for you")
    assert not Notification.objects.filter(recipient=carol).exists()


def test_a_reply_stays_in_the_community_of_the_post_it_answers(make_community, alice, bob,
                                                               carol):
    community = make_community(alice, members=[bob])
    post = do_create_post(alice, "Question for the team", community=community)
    reply = do_create_post(bob, "Answer", in_reply_to=post, visibility="public")
    assert reply.community == community and reply.visibility == "community"
    assert not policy.can_see_post(carol, reply)
    other = make_community(alice, "Other")
    with pytest.raises(ValidationFailed):
        do_create_post(alice, "Crossing over", in_reply_to=post, community=other)


def test_community_posts_cannot_be_relayed_or_quoted(make_community, alice, bob):
    community = make_community(alice, members=[bob])
    post = do_create_post(alice, "Stays here", community=community)
    with pytest.raises(PermissionDenied):
        do_relay(bob, post.id)
    with pytest.raises(PermissionDenied):
        do_create_post(bob, "Look", quote_of=post)


def test_animators_pin_announcements_and_remove_posts(make_community, alice, bob, carol):
    community = make_community(alice, members=[bob, carol])
    announcement = do_create_post(alice, "Read me first", community=community)
    noise = do_create_post(carol, "Off topic", community=community)
    with pytest.raises(PermissionDenied):
        actions.do_pin_announcement(bob, announcement.id)
    actions.do_pin_announcement(alice, announcement.id)
    assert [p.id for p in community_queries.pinned(bob, community)] == [announcement.id]
    with pytest.raises(PermissionDenied):
        do_delete_post(bob, noise.id)
    actions.do_set_role(alice, community, bob, "animator")
    do_delete_post(bob, noise.id)
    assert not community.posts.filter(pk=noise.pk).exists()


def test_a_question_gets_an_accepted_answer_from_the_asker_or_an_animator(make_community,
                                                                         alice, bob, carol):
    community = make_community(alice, members=[bob, carol])
    asked = do_create_post(bob, "Who knows our VAT rules in Italy?", community=community)
    question = actions.do_mark_question(bob, asked.id)
    assert list(community_queries.questions(carol, community)) == [question]
    answer = do_create_post(carol, "Ask Sofia, she did the Milan deal", in_reply_to=asked)
    assert list(community_queries.questions(carol, community)) == []  # answered
    assert list(community_queries.questions(carol, community, which="open")) == [question]
    with pytest.raises(PermissionDenied):
        actions.do_accept_answer(carol, asked.id, answer.id)
    unrelated = do_create_post(carol, "Elsewhere", community=community)
    with pytest.raises(ValidationFailed):
        actions.do_accept_answer(bob, asked.id, unrelated.id)
    accepted = actions.do_accept_answer(bob, asked.id, answer.id)
    assert accepted.accepted_answer == answer
    assert list(community_queries.questions(carol, community, which="open")) == []
