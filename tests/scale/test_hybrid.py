"""Hybrid delivery: posts of accounts with a very large audience are merged into homes when read.

The official account of ``company`` has more followers than ``ESSAIM_BROADCAST_FOLLOWERS``.
"""

from __future__ import annotations

from essaim.core.pagination import Cursor
from essaim.graph.actions import do_block, do_follow, do_follow_hashtag, do_mute, do_unfollow
from essaim.posts.actions import do_create_post, do_delete_post, do_relay
from essaim.timelines import queries as timelines
from essaim.timelines.store import timeline_store


def home_ids(user, **cursor) -> list[int]:
    return [p.id for p in timelines.home(user, Cursor(**cursor)).posts]


def stored_ids(user) -> list[int]:
    return [pid for pid, _source in timeline_store().entries(user.id)]


def test_an_announcement_is_in_every_home_at_once_without_fan_out(company):
    news, staff = company
    announcement = do_create_post(news, "The office is closed on Friday")
    for person in staff:
        assert home_ids(person)[0] == announcement.id
        assert announcement.id not in stored_ids(person)
    assert stored_ids(news) == [announcement.id]


def test_merged_pages_keep_max_id_since_id_and_min_id_exact(company, make_user):
    news, staff = company
    reader, colleague = staff[0], make_user("colleague")
    do_follow(reader, colleague)
    posted = []
    for i in range(4):
        posted.append(do_create_post(colleague, f"Colleague {i}").id)
        posted.append(do_create_post(news, f"News {i}").id)
    newest_first = posted[::-1]
    assert home_ids(reader, limit=40) == newest_first
    seen, cursor = [], {"limit": 3}
    while page := home_ids(reader, **cursor):
        seen += page
        cursor = {"max_id": page[-1], "limit": 3}
    assert seen == newest_first
    seen, cursor = [], {"min_id": 0, "limit": 3}
    while page := home_ids(reader, **cursor):
        seen = page + seen
        cursor = {"min_id": page[0], "limit": 3}
    assert seen == newest_first
    assert home_ids(reader, since_id=posted[4]) == newest_first[:3]
    assert home_ids(reader, max_id=posted[6], since_id=posted[1]) == posted[5:1:-1]


def test_muting_blocking_or_unfollowing_a_broadcaster_takes_its_posts_out(company):
    news, staff = company
    post = do_create_post(news, "Quarterly results")
    muter, blocker, leaver, reader = staff[:4]
    do_mute(muter, news)
    do_block(blocker, news)
    do_unfollow(leaver, news)
    for person in (muter, blocker, leaver):
        assert post.id not in home_ids(person)
    assert post.id in home_ids(reader)


def test_a_deleted_announcement_leaves_every_home(company):
    news, staff = company
    post = do_create_post(news, "Wrong date, sorry")
    do_delete_post(news, post.id)
    assert all(post.id not in home_ids(person) for person in staff)


def test_a_relayed_announcement_shows_once_for_those_who_follow_both(company, make_user):
    news, staff = company
    relayer, reader = make_user("relayer"), staff[0]
    do_follow(reader, relayer)
    post = do_create_post(news, "Welcome to our new colleagues")
    relay = do_relay(relayer, post.id)
    assert home_ids(reader) == [post.id]
    assert relay.id not in stored_ids(reader)
    timeline_store().rebuild(reader.id)
    assert home_ids(reader) == [post.id]


def test_a_broadcasters_replies_follow_the_usual_reply_rule(company, make_user):
    news, staff = company
    stranger = make_user("stranger")
    question = do_create_post(stranger, "When is the party?")
    answer = do_create_post(news, "Friday at six", in_reply_to=question)
    assert answer.id not in home_ids(staff[0])
    do_follow(staff[1], stranger)
    assert answer.id in home_ids(staff[1])


def test_a_broadcasters_direct_post_and_tagged_post_reach_those_they_concern(
        company, make_user):
    news, staff = company
    outsider, reader = make_user("outsider"), staff[0]
    do_follow_hashtag(outsider, "townhall")
    tagged = do_create_post(news, "Town hall at noon #townhall")
    direct = do_create_post(news, f"@{reader.username} your badge is ready",
                            visibility="direct")
    assert tagged.id in home_ids(outsider) and tagged.id in stored_ids(outsider)
    assert tagged.id in home_ids(reader) and tagged.id not in stored_ids(reader)
    assert direct.id in home_ids(reader) and direct.id in stored_ids(reader)
    assert direct.id not in home_ids(staff[1])


def test_fan_out_and_rebuild_agree_when_a_broadcaster_is_followed(company, make_user):
    news, staff = company
    reader, colleague = staff[0], make_user("colleague")
    do_follow(reader, colleague)
    do_follow_hashtag(reader, "news")
    do_create_post(news, "News #news")
    do_create_post(colleague, "Colleague")
    do_relay(colleague, do_create_post(news, "More news").id)
    delivered = set(timeline_store().entries(reader.id))
    timeline_store().rebuild(reader.id)
    assert set(timeline_store().entries(reader.id)) == delivered


def test_rebuilding_every_timeline_first_marks_the_accounts_followed_by_many(
        company, settings, capsys):
    from essaim.cli import main

    news, staff = company
    settings.ESSAIM_BROADCAST_FOLLOWERS = 100  # not yet a broadcaster: fanned out
    post = do_create_post(news, "Before the company grew")
    assert all(post.id in stored_ids(person) for person in staff)
    settings.ESSAIM_BROADCAST_FOLLOWERS = 5
    assert main(["timelines", "rebuild", "--all"]) == 0
    for person in staff:
        assert post.id not in stored_ids(person)
        assert home_ids(person) == [post.id]


def test_a_deactivated_broadcasters_posts_leave_every_home(company):
    from essaim.accounts.actions import do_deactivate_user

    news, staff = company
    colleague_post = do_create_post(staff[1], "Lunch?")
    do_follow(staff[0], staff[1])
    do_create_post(news, "Last words")
    do_deactivate_user(news)
    assert home_ids(staff[0]) == [colleague_post.id]


def test_posts_of_several_broadcasters_are_merged_in_order(company, make_user):
    news, staff = company
    ceo = make_user("ceo", name="The CEO", is_official=True)
    for person in staff:
        do_follow(person, ceo)
    posted = []
    for i in range(3):
        posted.append(do_create_post(news, f"News {i}").id)
        posted.append(do_create_post(ceo, f"Word from the CEO {i}").id)
    reader = staff[0]
    assert not set(posted) & set(stored_ids(reader))  # both merged, neither pushed
    assert home_ids(reader, limit=4) == posted[::-1][:4]
    assert home_ids(reader, max_id=posted[2], limit=4) == posted[1::-1]
    assert home_ids(reader, min_id=posted[1], limit=2) == posted[3:1:-1]
