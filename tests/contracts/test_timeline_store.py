"""What every timeline store does, the database one and the Redis one alike.

Posts are written first (their delivery may fill the configured store, which can be the one
under test), then the timelines are cleared and filled by hand.
"""

from __future__ import annotations

from django.utils import timezone

from essaim.core.pagination import Cursor
from essaim.graph.actions import do_follow
from essaim.importers.company import PostRow, do_import_posts
from essaim.posts.actions import do_create_post


def posts_by(author, count: int) -> list[int]:
    """``count`` posts by ``author``, oldest first."""
    return [do_create_post(author, f"Post {i}", rate_limit=False).id for i in range(count)]


def same_millisecond_posts(author, count: int) -> list[int]:
    """Posts whose IDs follow each other (one millisecond, consecutive sequence numbers)."""
    when = timezone.now()
    rows = [PostRow(author_id=author.id, created_at=when, text=f"Burst {i}", salt=i + 1)
            for i in range(count)]
    return sorted(do_import_posts(rows))


def test_a_cleared_timeline_reads_what_was_pushed_newest_first(store, alice, bob):
    ids = posts_by(bob, 3)
    store.clear(alice.id)
    for pid in ids:
        store.push(pid, bob.id, [alice.id])
    assert store.page(alice.id, Cursor()) == ids[::-1]
    assert store.entries(alice.id) == [(pid, bob.id) for pid in ids[::-1]]


def test_pushing_a_post_twice_adds_it_once(store, alice, bob, carol):
    [pid] = posts_by(bob, 1)
    store.clear(alice.id)
    store.clear(carol.id)
    assert store.push(pid, bob.id, [alice.id, carol.id]) == 2
    assert store.push(pid, bob.id, [alice.id, carol.id, alice.id]) == 0
    assert store.entries(alice.id) == [(pid, bob.id)]


def test_cursors_are_exclusive_and_pages_newest_first(store, alice, bob):
    p = posts_by(bob, 5)
    store.clear(alice.id)
    for pid in p:
        store.push(pid, bob.id, [alice.id])

    def page(**kw):
        return store.page(alice.id, Cursor(**kw))

    assert page(max_id=p[2]) == [p[1], p[0]]
    assert page(since_id=p[2]) == [p[4], p[3]]
    assert page(since_id=p[0], limit=2) == [p[4], p[3]]
    assert page(min_id=p[0], limit=2) == [p[2], p[1]]
    assert page(max_id=p[4], since_id=p[0]) == [p[3], p[2], p[1]]
    assert page(max_id=p[4], min_id=p[1], limit=1) == [p[2]]
    assert page(min_id=p[4]) == [] and page(max_id=p[0]) == []
    assert page(max_id=2**63, limit=40) == p[::-1]
    assert page(since_id=10**30) == [] and page(min_id=2**63) == []


def test_ids_that_a_double_cannot_tell_apart_keep_their_exact_order(store, alice, bob):
    store.clear(alice.id)
    ids = same_millisecond_posts(bob, 5)
    assert ids[0] > 2**53 and ids[-1] - ids[0] == 4
    # What a set ordered by (double) scores would confuse:
    assert any(float(a) == float(b) for a, b in zip(ids, ids[1:], strict=False))
    for pid in reversed(ids):
        store.push(pid, bob.id, [alice.id])
    assert store.page(alice.id, Cursor()) == ids[::-1]
    assert store.page(alice.id, Cursor(max_id=ids[3], since_id=ids[1])) == [ids[2]]
    assert store.page(alice.id, Cursor(min_id=ids[0], limit=1)) == [ids[1]]


def test_holders_are_the_timelines_holding_any_of_the_posts(store, alice, bob, carol):
    first, second, third = posts_by(bob, 3)
    for person in (alice, bob, carol):
        store.clear(person.id)
    store.push(first, bob.id, [alice.id])
    store.push(second, bob.id, [carol.id])
    assert store.holders([alice.id, bob.id, carol.id], [first, second]) == {alice.id, carol.id}
    assert store.holders([alice.id, bob.id, carol.id], [third]) == set()


def test_removed_posts_leave_every_timeline(store, alice, bob, carol):
    kept, gone = posts_by(bob, 2)
    store.clear(alice.id)
    store.clear(carol.id)
    store.push(kept, bob.id, [alice.id, carol.id])
    store.push(gone, bob.id, [alice.id, carol.id])
    store.remove_posts([gone])
    assert store.page(alice.id, Cursor()) == [kept]
    assert store.page(carol.id, Cursor()) == [kept]


def test_removing_a_source_takes_only_what_it_brought_to_that_timeline(store, alice, bob, carol):
    from_bob, from_carol = posts_by(bob, 1)[0], posts_by(carol, 1)[0]
    store.clear(alice.id)
    store.clear(carol.id)
    store.push(from_bob, bob.id, [alice.id, carol.id])
    store.push(from_carol, carol.id, [alice.id])
    store.remove_source(alice.id, bob.id)
    assert store.page(alice.id, Cursor()) == [from_carol]
    assert store.page(carol.id, Cursor()) == [from_bob]


def test_a_trimmed_timeline_reads_its_older_pages_from_the_database(
        store, alice, bob, settings):
    settings.ESSAIM_TIMELINE_MAX = 3
    do_follow(alice, bob)
    posts = posts_by(bob, 8)
    assert store.rebuild(alice.id) == 3
    assert [pid for pid, _source in store.entries(alice.id)] == posts[:-4:-1]
    newest_first = posts[::-1]
    seen, cursor = [], Cursor(limit=2)
    while page := store.page(alice.id, cursor):
        seen += page
        cursor = Cursor(max_id=page[-1], limit=2)
    assert seen == newest_first
    seen, cursor = [], Cursor(min_id=0, limit=3)
    while page := store.page(alice.id, cursor):
        seen = page + seen
        cursor = Cursor(min_id=page[0], limit=3)
    assert seen == newest_first
    store.trim(alice.id, 1)
    assert store.entries(alice.id) == [(posts[-1], bob.id)]
    assert store.page(alice.id, Cursor(limit=40)) == newest_first


def test_a_rebuild_restores_what_fan_out_delivered(store, alice, bob, carol):
    do_follow(alice, bob)
    store.clear(alice.id)
    mine = do_create_post(alice, "Mine").id
    followed = do_create_post(bob, "Followed").id
    do_create_post(carol, "Not followed")
    assert store.rebuild(alice.id) == 2
    assert store.entries(alice.id) == [(followed, bob.id), (mine, alice.id)]
    assert store.page(alice.id, Cursor()) == [followed, mine]


def test_a_cleared_timeline_is_empty(store, alice, bob):
    do_follow(alice, bob)
    posts_by(bob, 2)
    store.rebuild(alice.id)
    store.clear(alice.id)
    assert store.entries(alice.id) == []
    assert store.page(alice.id, Cursor()) == []
