"""The contract every search engine keeps: it runs on whichever database the suite uses
(SQLite FTS5, or PostgreSQL full-text with ESSAIM_TEST_DATABASE_URL)."""

from __future__ import annotations

import pytest
from django.db import connection

from essaim.core.errors import ValidationFailed
from essaim.posts.actions import do_delete_post, do_edit_post
from essaim.search.engine import search_engine
from essaim.search.indexing import reindex
from essaim.search.models import Document, Kind


def test_the_engine_follows_the_database(db):
    expected = "postgres" if connection.vendor == "postgresql" else "sqlite"
    assert search_engine().name == expected


@pytest.mark.parametrize(("query", "text"), [
    ("evenement", "Les Événements de la rentrée sont annoncés"),
    ("Événements", "un evenement sympa ce soir pour toute l'équipe"),
    ("entreprise", "Bienvenue dans l'entreprise, une belle aventure commence"),
    ("salons", "Nous serons présents au salon de Lyon la semaine prochaine"),
    ("travailler", "Les équipes travaillent ensemble sur le nouveau produit"),
    ("hire", "We are hiring two backend engineers this quarter"),
    ("hiring", "We hire people who love distributed systems"),
    ("SecNumCloud", "Notre offre vise la qualification SecNumCloud cette année"),
])
def test_language_aware_matching_finds_inflected_and_accented_forms(alice, say, found,
                                                                    query, text):
    post = say(alice, text)
    say(alice, "Un message sans rapport avec le sujet du jour")
    assert found(alice, query + " ") == [post.id]


def test_two_words_must_both_be_there(alice, say, found):
    both = say(alice, "Le salon de l'emploi ouvre ses portes demain")
    say(alice, "Le salon du livre est complet")
    say(alice, "Offres d'emploi publiées ce matin")
    assert found(alice, "salon emploi ") == [both.id]


def test_a_stop_word_typed_last_is_not_required(alice, say, found):
    post = say(alice, "Posez vos vacances d'été avant le 15 mai")
    assert found(alice, "vacances été") == [post.id]
    assert found(alice, "vacances été ") == [post.id]


def test_a_phrase_matches_words_in_that_order(alice, say, found):
    phrase = say(alice, "Rendez-vous au salon de l'emploi de Lyon")
    other = say(alice, "Un emploi du temps chargé pour le salon")
    assert found(alice, '"salon de l\'emploi"') == [phrase.id]
    assert set(found(alice, "salon emploi ")) == {phrase.id, other.id}


def test_a_minus_excludes_a_word(alice, say, found):
    keep = say(alice, "Réunion projet Atlas jeudi")
    say(alice, "Réunion projet Atlas annulée")
    assert found(alice, "atlas -annulée") == [keep.id]
    assert found(alice, 'atlas -"projet atlas"') == []


def test_or_finds_either_word(alice, say, found):
    one = say(alice, "Le kiosque ouvre lundi")
    two = say(alice, "La cafétéria ferme vendredi")
    say(alice, "Rien à voir ici")
    assert set(found(alice, "kiosque OR cafétéria ")) == {one.id, two.id}


def test_the_last_word_is_a_prefix_while_typing(alice, say, found):
    post = say(alice, "Kubernetes cluster upgraded tonight")
    assert found(alice, "kubern") == [post.id]
    assert found(alice, "kubern ") == []


def test_hashtags_are_found_by_word_and_by_filter(alice, say, found):
    tagged = say(alice, "Nouvelle version livrée #release")
    plain = say(alice, "La release notes sont en ligne")
    assert set(found(alice, "release ")) == {tagged.id, plain.id}
    assert found(alice, "#release") == [tagged.id]


def test_filters_narrow_by_author_language_and_date(alice, bob, say, found):
    mine = say(alice, "Budget prévisionnel validé", language="fr")
    old = say(bob, "Budget prévisionnel validé", days_ago=40, language="fr")
    english = say(bob, "Budget forecast approved today", language="en")
    assert found(alice, "budget from:@alice") == [mine.id]
    assert set(found(alice, "budget lang:en")) == {english.id}
    assert old.id not in found(alice, "budget after:" + _days_ago(10))
    assert found(alice, "budget before:" + _days_ago(20)) == [old.id]


def _days_ago(n: int) -> str:
    from datetime import timedelta

    from django.utils import timezone

    return (timezone.now() - timedelta(days=n)).date().isoformat()


def test_a_filter_alone_lists_the_newest(alice, bob, say, found):
    first = say(alice, "premier message", days_ago=2)
    second = say(alice, "second message", days_ago=1)
    say(bob, "pas de moi")
    assert found(alice, "from:alice") == [second.id, first.id]


def test_newest_order_sorts_by_date_and_relevant_by_score(alice, say, found):
    old = say(alice, "migration migration migration de la base", days_ago=3)
    new = say(alice, "petite migration", days_ago=0)
    assert found(alice, "migration ", order="newest") == [new.id, old.id]
    assert set(found(alice, "migration ", order="relevant")) == {new.id, old.id}


def test_edits_and_deletes_reach_the_index(alice, say, found):
    post = say(alice, "Le train part à midi")
    assert found(alice, "train ") == [post.id]
    do_edit_post(alice, post.id, "Le bus part à midi")
    assert found(alice, "train ") == []
    assert found(alice, "bus ") == [post.id]
    do_delete_post(alice, post.id)
    assert found(alice, "bus ") == []
    assert not Document.objects.filter(kind=Kind.POST, object_id=post.id).exists()


@pytest.mark.parametrize("query", [
    'NEAR(a b)', 'a* OR "b', 'col:value', '^start', 'x AND OR NOT', '"', "*", "a:b:c",
    "(((", "'", "-", "--x", "\\", "NEAR", "a + b", "{col}: x",
])
def test_syntax_characters_never_reach_the_engine(alice, say, query):
    say(alice, "un texte quelconque avec NEAR et AND et OR")
    from essaim.search.queries import search

    try:
        search(alice, query)
    except ValidationFailed as exc:
        assert exc.message


@pytest.mark.parametrize(("query", "message"), [
    ("", "Type something"),
    ("   ", "Type something"),
    ("x" * 501, "at most 500"),
    ('"salon de', "quotation mark"),
    ("color:red", "Unknown filter"),
    ("from:@nobody", "nobody called @nobody"),
    ("has:video", "has: accepts"),
    ("lang:de", "lang: accepts"),
    ("before:yesterday", "needs a date"),
    ("-word", "besides the excluded"),
    ("le la les ", "too common"),
])
def test_bad_input_gets_a_clear_message(alice, query, message):
    from essaim.search.queries import search

    with pytest.raises(ValidationFailed) as exc:
        search(alice, query)
    assert message in exc.value.message


def test_people_are_found_by_name_title_department_skills_and_bio(make_user, alice, found):
    from essaim.accounts.models import Skill

    expert = make_user("jdoe", name="Jeanne Dupuis", department="Cloud",
                       job_title="Architecte sécurité")
    expert.bio = "J'accompagne les projets d'hébergement souverain."
    expert.save()
    expert.skills.add(Skill.objects.create(name="secnumcloud"))
    for query in ("Jeanne", "dupuis", "jdoe", "architecte", "cloud", "SecNumCloud",
                  "hébergement souverain"):
        assert expert.id in found(alice, query + " ", "people"), query


def test_reindex_rebuilds_everything_and_fills_what_is_missing(alice, say, found):
    post = say(alice, "Séminaire annuel à Annecy")
    Document.objects.filter(kind=Kind.POST).delete()
    assert found(alice, "annecy ") == []
    report = reindex()
    assert report[Kind.POST] >= 1
    assert found(alice, "annecy ") == [post.id]
    report = reindex(everything=True)
    assert report[Kind.POST] >= 1 and report[Kind.ACCOUNT] >= 1
    assert found(alice, "annecy ") == [post.id]
    assert reindex()[Kind.POST] == 0  # nothing missing any more
