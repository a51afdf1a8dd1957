"""Reach of a post and the maturity dashboard: what they count and who may read them."""

from __future__ import annotations

from django.test import Client

from essaim.advocacy import impressions
from essaim.advocacy.actions import do_set_badge, do_set_communication, do_share
from essaim.advocacy.models import PostView
from essaim.posts.actions import do_relay

from .conftest import api, signed_in

BROWSER = "Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Safari/605.1.15"


def _views_of(post, *people):
    for person in people:
        signed_in(person).get(f"/posts/{post.id}/")
    impressions.flush()


def test_a_colleague_who_opens_a_post_twice_in_a_day_is_one_internal_view(
        official_post, bob, carol):
    _views_of(official_post, bob, bob, carol)
    assert PostView.objects.filter(post=official_post).count() == 2


def test_a_timeline_page_counts_as_a_view_without_writing_in_the_request(
        official_post, bob):
    api(bob).get("/api/essaim/v1/timelines/company")
    assert PostView.objects.count() == 0  # only noted so far
    assert impressions.pending() >= 1
    impressions.flush()
    assert PostView.objects.filter(post=official_post, user=bob).exists()


def test_the_author_reads_the_reach_of_a_post(official_post, alice, bob, carol):
    _views_of(official_post, bob, carol)
    do_relay(carol, official_post.id)
    do_share(bob, official_post.id, "linkedin")
    link, _url = do_share(bob, official_post.id, "x")
    Client(HTTP_USER_AGENT=BROWSER).get(f"/s/{link.code}")
    Client(HTTP_USER_AGENT="Twitterbot/1.0").get(f"/s/{link.code}")
    body = api(alice).get(f"/api/essaim/v1/posts/{official_post.id}/reach").json()
    assert body == {"relays": 1, "relayers": 1, "sharers": 1,
                    "shares_by_network": {"linkedin": 1, "x": 1}, "internal_views": 2,
                    "external_visits": 1, "previews": 1}


def test_reach_is_refused_to_other_colleagues_and_guests(official_post, bob, guest):
    assert api(bob).get(f"/api/essaim/v1/posts/{official_post.id}/reach").status_code == 403
    assert api(guest).get(f"/api/essaim/v1/posts/{official_post.id}/reach").status_code == 403
    assert Client().get(f"/api/essaim/v1/posts/{official_post.id}/reach").status_code == 401


def test_an_admin_reads_the_reach_of_any_post_they_can_see(official_post, make_user):
    admin = make_user("boss", admin=True)
    assert api(admin).get(f"/api/essaim/v1/posts/{official_post.id}/reach").status_code == 200


def test_the_author_sees_how_many_colleagues_saw_the_post(official_post, alice, bob, carol):
    _views_of(official_post, bob, carol)
    html = signed_in(alice).get(f"/posts/{official_post.id}/").content.decode()
    assert "Seen by 2 colleagues" in html
    other = signed_in(bob).get(f"/posts/{official_post.id}/").content.decode()
    assert "Seen by" not in other


def _company(make_user, n=6, department="Sales"):
    return [make_user(f"{department.lower()}{i}", department=department) for i in range(n)]


def test_ambassadors_are_the_employees_who_relayed_or_shared_an_official_post(
        official_post, make_user):
    sales = _company(make_user)
    do_relay(sales[0], official_post.id)
    do_share(sales[1], official_post.id, "linkedin")
    do_share(sales[1], official_post.id, "x")
    admin = make_user("boss", admin=True)
    body = api(admin).get("/api/essaim/v1/analytics/advocacy?days=30").json()
    assert body["ambassadors"] == 2
    assert body["employees"] >= 6
    assert 0 < body["participation_rate"] < 1
    assert set(body["impressions"]) == {"internal", "external"}
    assert {"by_department", "by_week", "top_posts", "earned_media_value"} <= set(body)
    sales_row = next(r for r in body["by_department"] if r["department"] == "Sales")
    assert sales_row["ambassadors"] == 2 and sales_row["employees"] == 6


def test_departments_under_five_people_are_never_named(official_post, make_user):
    _company(make_user, 5, "Sales")
    tiny = _company(make_user, 2, "Legal")
    do_relay(tiny[0], official_post.id)
    admin = make_user("boss", admin=True)
    rows = api(admin).get("/api/essaim/v1/analytics/advocacy").json()["by_department"]
    assert "Legal" not in [r["department"] for r in rows]


def test_ambassadors_are_named_only_when_they_show_their_badge(official_post, make_user):
    sales = _company(make_user)
    do_relay(sales[0], official_post.id)
    do_relay(sales[1], official_post.id)
    do_set_badge(sales[1], True)
    admin = make_user("boss", admin=True)
    listed = api(admin).get("/api/essaim/v1/analytics/advocacy").json()["listed_ambassadors"]
    assert [a["username"] for a in listed] == [sales[1].username]


def test_the_dashboard_is_for_admins_and_the_communication_team(make_user, bob, guest):
    admin = make_user("boss", admin=True)
    assert api(bob).get("/api/essaim/v1/analytics/advocacy").status_code == 403
    assert api(guest).get("/api/essaim/v1/analytics/advocacy").status_code == 403
    assert Client().get("/api/essaim/v1/analytics/advocacy").status_code == 401
    do_set_communication(admin, bob, True)
    assert api(bob).get("/api/essaim/v1/analytics/advocacy").status_code == 200
    assert signed_in(bob).get("/advocacy/").status_code == 200
    assert signed_in(guest).get("/advocacy/").status_code == 403


def test_a_period_out_of_range_is_refused_with_a_message(make_user):
    admin = make_user("boss", admin=True)
    response = api(admin).get("/api/essaim/v1/analytics/advocacy?days=0")
    assert response.status_code == 422
    assert "365" in response.json()["error"]
    assert signed_in(admin).get("/advocacy/?days=abc").status_code == 422


def test_the_dashboard_page_draws_its_charts_and_exports_csv(official_post, make_user):
    admin = make_user("boss", admin=True)
    html = signed_in(admin).get("/advocacy/").content.decode()
    assert "data-chart" in html and "vendor/plotly.min.js" in html
    csv = signed_in(admin).get("/advocacy.csv?days=30")
    assert csv["Content-Type"].startswith("text/csv")
    assert csv.content.decode().startswith("week,ambassadors")
