"""Trend scores: distinct people against the term's own baseline."""

from __future__ import annotations

import pytest

from essaim.trends import queries
from essaim.trends.models import COMPANY, Bucket, TermUse
from tests.trends.conftest import day_of


def _labels(viewer, **kwargs):
    return [t.label for t in queries.trends(viewer, COMPANY, **kwargs)]


def test_a_new_post_is_counted_in_its_hours_bucket_after_commit(crowd, say):
    post = say(crowd[0], "Le salon #Vivatech commence demain")
    assert TermUse.objects.filter(post=post, kind="tag", key="vivatech").exists()
    bucket = Bucket.objects.get(scope=COMPANY, kind="tag", key="vivatech")
    assert bucket.people == 1


def test_a_term_many_people_use_today_trends(crowd, say, refresh):
    for person in crowd[:6]:
        say(person, "Le salon #Vivatech commence, qui vient au stand ?")
    refresh()
    items = queries.trends(crowd[0], COMPANY, kind="tag")
    assert [t.label for t in items] == ["Vivatech"]
    assert items[0].people == 6
    assert day_of(items[0].history)["accounts"] == 6


def test_one_person_posting_sixty_times_never_trends(crowd, say, refresh):
    for i in range(60):
        say(crowd[0], f"#Kombucha fermentation day {i}", hours_ago=0.5 + i / 100)
    refresh()
    assert "Kombucha" not in _labels(crowd[1])
    assert "kombucha" not in [t.key for t in queries.trends(crowd[1], COMPANY)]


def test_stop_words_never_trend(crowd, say, refresh):
    for person in crowd:
        say(person, "Le la les de des et the and of #Vivatech")
    refresh()
    keys = {t.key for t in queries.trends(crowd[0], COMPANY, limit=40)}
    assert not keys & {"le", "la", "les", "de", "the", "and", "of", "et"}


def test_an_always_popular_term_does_not_trend_for_being_popular(crowd, say, refresh):
    for day in range(1, 15):
        for person in crowd[:8]:
            say(person, "Nouveau point client ce matin", hours_ago=24 * day + 2)
    for person in crowd[:8]:
        say(person, "Nouveau point client ce matin")
    refresh()
    assert "client" not in {t.key for t in queries.trends(crowd[0], COMPANY, limit=40)}


def test_a_deleted_post_stops_counting_at_the_next_refresh(crowd, say, refresh):
    from essaim.posts.actions import do_delete_post

    posts = [say(person, "Le salon #Vivatech commence") for person in crowd[:4]]
    refresh()
    assert _labels(crowd[5], kind="tag") == ["Vivatech"]
    do_delete_post(crowd[0], posts[0].id)
    do_delete_post(crowd[1], posts[1].id)
    refresh()
    assert _labels(crowd[5], kind="tag") == []


def test_a_deactivated_persons_posts_stop_counting_at_the_next_refresh(crowd, say, refresh):
    for person in crowd[:3]:
        say(person, "Le salon #Vivatech commence")
    refresh()
    crowd[0].is_active = False
    crowd[0].save(update_fields=["is_active"])
    refresh()
    assert _labels(crowd[5], kind="tag") == []


def test_the_minimum_of_people_is_the_administrators_choice(crowd, say, refresh, staff):
    from essaim.core.errors import PermissionDenied, ValidationFailed
    from essaim.trends.actions import do_set_min_people

    for person in crowd[:4]:
        say(person, "Le salon #Vivatech commence")
    with pytest.raises(PermissionDenied):
        do_set_min_people(crowd[0], 5)
    with pytest.raises(ValidationFailed):
        do_set_min_people(staff, 0)
    do_set_min_people(staff, 5)
    refresh()
    assert _labels(crowd[5], kind="tag") == []
    do_set_min_people(staff, 4)
    refresh()
    assert _labels(crowd[5], kind="tag") == ["Vivatech"]


def test_a_weekly_term_does_not_trend_on_its_day(crowd, say, refresh):
    for week in (1, 2):
        for person in crowd[:8]:
            say(person, "Notre #PointHebdo commence", hours_ago=24 * 7 * week + 1)
    for person in crowd[:8]:
        say(person, "Notre #PointHebdo commence")
    refresh()
    assert _labels(crowd[9], kind="tag") == []


def test_an_edit_replaces_a_posts_terms(crowd, say, refresh):
    from essaim.posts.actions import do_edit_post

    posts = [say(person, "Le salon #Vivatech commence") for person in crowd[:3]]
    do_edit_post(crowd[0], posts[0].id, "Finalement je parle de #Kestrel")
    assert not TermUse.objects.filter(post=posts[0], key="vivatech").exists()
    assert Bucket.objects.get(kind="tag", key="vivatech").people == 2


def test_the_trend_decays_with_a_four_hour_half_life(crowd, say, refresh, now):
    from datetime import timedelta

    from essaim.trends.models import TrendScore

    for person in crowd[:6]:
        say(person, "Le salon #Vivatech commence", hours_ago=2)
    refresh(now)
    first = TrendScore.objects.get(kind="tag", key="vivatech")
    refresh(now + timedelta(hours=4))
    later = TrendScore.objects.get(kind="tag", key="vivatech")
    assert later.max_score_at == first.max_score_at
    assert later.score == pytest.approx(first.score / 2)


def test_mastodon_trending_statuses_are_the_posts_drawing_most_people(crowd, say, refresh,
                                                                      client):
    from essaim.oauth.actions import do_issue_token
    from essaim.posts.actions import do_like

    post = say(crowd[0], "Une belle journée au salon")
    for person in crowd[1:6]:
        do_like(person, post.id)
    refresh()
    _token, raw = do_issue_token(crowd[7], "read")
    response = client.get("/api/v1/trends/statuses", headers={"Authorization": f"Bearer {raw}"})
    assert [s["id"] for s in response.json()] == [str(post.id)]


def test_mastodon_trending_links_have_a_history(crowd, say, refresh, client):
    from essaim.oauth.actions import do_issue_token

    for person in crowd[:4]:
        say(person, "À lire https://www.example.org/rapport?utm_source=x")
    refresh()
    _token, raw = do_issue_token(crowd[7], "read")
    links = client.get("/api/v1/trends/links", headers={"Authorization": f"Bearer {raw}"}).json()
    assert links[0]["url"] == "https://example.org/rapport"
    assert day_of(links[0]["history"])["accounts"] == "4"
