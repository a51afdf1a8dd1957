"""The shared text analysis: what a "word" is for search, watches and trends."""

from essaim import text
from essaim.text import (
    detect_language,
    fold,
    index_terms,
    languages_for,
    ngrams,
    phrases,
    query_terms,
    stem,
    tokenize,
    words,
)


def _matches(query_word: str, document: str, language: str | None = None) -> bool:
    return bool(set(query_terms(query_word)) & set(index_terms(document, language)))


def test_it_folds_case_and_accents():
    assert fold("Événements") == "evenements"
    assert fold("ŒUVRE à Noël") == "oeuvre a noel"
    assert fold("Straße") == "strasse"


def test_it_finds_evenement_in_evenements():
    assert _matches("evenement", "Les Événements de la semaine", "fr")


def test_it_drops_french_elisions():
    assert words("l'entreprise d’abord qu'il jusqu'au") == ["entreprise", "abord", "il", "au"]
    assert _matches("entreprise", "Bienvenue dans l'entreprise", "fr")
    assert _matches("l'entreprise", "Une entreprise de confiance", "fr")


def test_it_keeps_apostrophes_that_are_not_elisions_harmless():
    assert "don" in words("don't")


def test_it_recognises_urls_hashtags_and_mentions():
    source = "Voir https://ex.com/page et #Salon avec @Marie.D"
    kinds = [(t.kind, t.value) for t in tokenize(source)]
    assert kinds == [("word", "voir"), ("url", "https://ex.com/page"), ("word", "et"),
                     ("hashtag", "salon"), ("word", "avec"), ("mention", "marie.d")]


def test_a_tag_inside_a_url_is_not_a_hashtag():
    tokens = tokenize("https://example.com/page#section and text#notatag")
    assert [t.kind for t in tokens if t.kind == "hashtag"] == []
    assert tokens[0].value == "https://example.com/page#section"


def test_it_reports_offsets_of_what_was_written():
    source = "Bonjour l'équipe"
    token = tokenize(source)[1]
    assert source[token.start:token.end] == "équipe"


def test_it_removes_stop_words_of_the_language():
    assert index_terms("le salon de la entreprise", "fr") == ["salon", "entrepris"]
    assert index_terms("the salon of the company", "en") == ["salon", "compani"]
    assert text.is_stop_word("the") and text.is_stop_word("les")
    assert not text.is_stop_word("pas")


def test_it_stems_french_plurals_and_conjugations():
    assert stem("salons", "fr") == stem("salon", "fr")
    assert stem("travailler", "fr") == stem("travaillent", "fr")
    assert _matches("travailler", "Ils travaillent ensemble sur le projet", "fr")
    assert _matches("salons", "Le salon du cloud", "fr")


def test_it_keeps_french_nouns_in_ment_whole():
    assert stem("moment", "fr") != "mom"


def test_it_stems_english_forms():
    assert stem("hire", "en") == stem("hiring", "en")
    assert _matches("hire", "We are hiring two engineers this month", "en")


def test_it_detects_french_and_english():
    assert detect_language("Nous préparons le salon de l'entreprise la semaine prochaine") == "fr"
    assert detect_language("We are hiring a new engineer for the cloud team") == "en"


def test_it_does_not_guess_on_short_text():
    assert detect_language("SecNumCloud") is None
    assert languages_for("SecNumCloud") == ("fr", "en")
    assert languages_for("anything", "en-GB") == ("en",)


def test_ambiguous_text_is_indexed_in_both_languages():
    terms = index_terms("hiring engineers")
    assert stem("hiring", "en") in terms and stem("hiring", "fr") in terms


def test_hashtags_are_indexed_as_words():
    assert _matches("salon", "Rendez-vous au #Salons", "fr")


def test_a_query_of_stop_words_has_no_terms():
    assert query_terms("the", ("en",)) == []
    assert query_terms("les") == []


def test_ngrams_have_no_stop_word_at_their_edges():
    grams = ngrams(["salon", "du", "cloud", "souverain"], max_n=3)
    assert ("salon", "du", "cloud") in grams
    assert ("salon", "du") not in grams and ("du", "cloud") not in grams
    assert ("cloud", "souverain") in grams
    assert all(len(g) <= 3 for g in grams)


def test_phrases_do_not_cross_sentences_or_links():
    found = {p.text for p in phrases("Le salon cloud. Demain https://ex.com revue", "fr")}
    assert "salon cloud" in found
    assert "cloud demain" not in found and "demain revue" not in found


def test_phrase_keys_agree_across_inflections():
    one = {p.key for p in phrases("les salons professionnels", "fr")}
    other = {p.key for p in phrases("le salon professionnel", "fr")}
    assert "salon professionnel" in other and one & other
