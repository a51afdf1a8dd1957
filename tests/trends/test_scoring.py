"""Trend scores: distinct people against the term's own baseline."""

from __future__ import annotations

from essaim.trends import queries
from essaim.trends.models import COMPANY, Bucket, TermUse


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
    assert items[0].history[0]["accounts"] == 6


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
