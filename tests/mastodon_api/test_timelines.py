"""Timelines and their pagination: max_id, since_id, min_id, limit and Link headers."""

from __future__ import annotations

from essaim.graph.actions import do_add_to_list, do_create_list, do_follow
from essaim.posts.actions import do_bookmark, do_create_post, do_like

from .helpers import ids, links, query_of


def _posts(author, count: int, **kwargs) -> list[str]:
    return [str(do_create_post(author, f"Post {i}", **kwargs).id) for i in range(count)]


def test_it_pages_the_home_timeline_newest_first_with_next_and_prev_links(masto, alice, bob):
    do_follow(alice, bob)
    posted = _posts(bob, 5)
    client = masto(alice)
    first = client.get("/api/v1/timelines/home", {"limit": 2})
    assert ids(first) == [posted[4], posted[3]]
    found = links(first)
    assert found["next"].startswith("http://testserver/api/v1/timelines/home?")
    assert query_of(found["next"]) == {"limit": ["2"], "max_id": [posted[3]]}
    assert query_of(found["prev"])["min_id"] == [posted[4]]
    second = client.get(found["next"])
    assert ids(second) == [posted[2], posted[1]]
    last = client.get(links(second)["next"])
    assert ids(last) == [posted[0]]
    assert "next" not in links(last)  # a partial page is the end


def test_it_honours_since_id_and_min_id_exactly(masto, alice, bob):
    do_follow(alice, bob)
    posted = _posts(bob, 6)
    client = masto(alice)
    since = client.get("/api/v1/timelines/home", {"since_id": posted[1], "limit": 2})
    assert ids(since) == [posted[5], posted[4]]  # the newest ones after the cursor
    after = client.get("/api/v1/timelines/home", {"min_id": posted[1], "limit": 2})
    assert ids(after) == [posted[3], posted[2]]  # the page right after it, newest first
    between = client.get("/api/v1/timelines/home", {"max_id": posted[4], "since_id": posted[1]})
    assert ids(between) == [posted[3], posted[2]]


def test_it_clamps_the_limit_and_ignores_nonsense_cursors(masto, alice):
    _posts(alice, 45)
    client = masto(alice)
    assert len(client.get("/api/v1/timelines/home", {"limit": 500}).json()) == 40
    assert len(client.get("/api/v1/timelines/home", {"limit": "x"}).json()) == 20
    assert len(client.get("/api/v1/timelines/home", {"max_id": "abc"}).json()) == 20


def test_it_gives_no_links_for_an_empty_page(masto, alice):
    response = masto(alice).get("/api/v1/timelines/home")
    assert response.json() == [] and "Link" not in response


def test_it_shows_the_company_flow_as_the_public_timeline(masto, alice, bob):
    company = do_create_post(bob, "Company news", visibility="company")
    public = do_create_post(bob, "Public news", visibility="public")
    reply = do_create_post(alice, "A reply", in_reply_to=public, visibility="public")
    signed_in = ids(masto(alice).get("/api/v1/timelines/public"))
    assert signed_in == [str(public.id), str(company.id)]
    assert str(reply.id) not in signed_in
    assert masto(None).get("/api/v1/timelines/public").status_code == 401
    assert masto(alice).get("/api/v1/timelines/public", {"remote": "true"}).json() == []


def test_it_reads_hashtag_and_list_timelines(masto, alice, bob, carol):
    tagged = do_create_post(bob, "Launch day #release")
    do_create_post(bob, "No tag here")
    client = masto(alice)
    assert ids(client.get("/api/v1/timelines/tag/Release")) == [str(tagged.id)]
    team = do_create_list(alice, "Team")
    do_add_to_list(alice, team.id, [carol])
    from_carol = do_create_post(carol, "Carol's update")
    assert ids(client.get(f"/api/v1/timelines/list/{team.id}")) == [str(from_carol.id)]
    assert masto(bob).get(f"/api/v1/timelines/list/{team.id}").status_code == 404


def test_it_lists_favourites_and_bookmarks_with_their_own_cursors(masto, alice, bob):
    posts = [do_create_post(bob, f"Idea {i}") for i in range(3)]
    for post in posts:
        do_like(alice, post.id)
    do_bookmark(alice, posts[0].id)
    client = masto(alice)
    favourites = client.get("/api/v1/favourites", {"limit": 2})
    assert ids(favourites) == [str(posts[2].id), str(posts[1].id)]
    assert all(s["favourited"] for s in favourites.json())
    rest = client.get(links(favourites)["next"])
    assert ids(rest) == [str(posts[0].id)]
    assert ids(client.get("/api/v1/bookmarks")) == [str(posts[0].id)]


def test_a_client_back_after_thirty_days_gets_its_home_timeline(masto, alice, bob):
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from essaim.timelines.store import timeline_store

    do_follow(alice, bob)
    client = masto(alice)
    when = timezone.now() - timedelta(days=30)
    get_user_model().objects.filter(pk=alice.pk).update(
        last_active_at=when, date_joined=when - timedelta(days=30))
    missed = _posts(bob, 3)
    assert ids(client.get("/api/v1/timelines/home")) == missed[::-1]
    stored = [str(pid) for pid, _source in timeline_store().entries(alice.id)]
    assert stored == missed[::-1]  # rebuilt, so later pages and pushes come from the store
