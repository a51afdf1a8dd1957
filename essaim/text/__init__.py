"""The one text analysis shared by search, watches and trends (French and English).

Everything that turns text into comparable terms lives here, so that a post indexed by search,
a watch's query and a trend's counter all agree on what a "word" is.

API
---
``fold(text) -> str``
    Case and accent folding: ``fold("Événements") == "evenements"``; ligatures expanded
    (``œ`` → ``oe``), ``ß`` → ``ss``.
``tokenize(text) -> list[Token]``
    Tokens in order, each with ``kind`` (``"word"``, ``"url"``, ``"hashtag"``, ``"mention"``),
    ``text`` (as written), ``value`` (folded; for words the elision is removed, for hashtags and
    mentions the name without ``#``/``@``), ``start`` and ``end`` offsets. French elisions
    (``l'``, ``d'``, ``qu'``, ``j'``, ``jusqu'``…, straight or curly apostrophe) are dropped
    from the word. A ``#tag`` inside a URL is part of the URL, never a hashtag.
``words(text) -> list[str]``
    The folded words (elisions removed), URLs, hashtags and mentions left out.
``is_stop_word(word, languages) -> bool`` and ``STOP_WORDS`` (``{"fr": …, "en": …}``, folded).
``stem(word, language) -> str``
    Snowball stem of a folded word (``"fr"`` or ``"en"``); French third-person plural verb
    endings (``travaillent``) are reduced like the infinitive (``travailler``).
``detect_language(text) -> str | None``
    ``"fr"``, ``"en"`` or ``None`` when unsure (short or mixed text), with lingua in
    low-accuracy mode restricted to French and English (offline, a few MB, ~50 µs a post).
``languages_for(text, language=None) -> tuple[str, ...]``
    The languages to analyse ``text`` in: the given one when it is ``fr``/``en``, else the
    detected one, else both (``("fr", "en")``).
``index_terms(text, language=None) -> list[str]``
    Terms to index: for each language of :func:`languages_for`, the stems of the words that
    are not stop words, in order (one stream per language, so phrases match inside one
    stream); hashtag names are stemmed like words so ``salon`` finds ``#salons``.
``query_terms(word, languages=("fr", "en")) -> list[str]``
    The distinct stems of one query word in the given languages (empty when it is a stop
    word in any of them).
``ngrams(words, max_n=3, languages=("fr", "en")) -> list[tuple[str, ...]]``
    Every 1..max_n word sequence of ``words`` whose first and last words are not stop words.
``phrases(text, language=None, max_n=3) -> list[Phrase]``
    The n-grams of a text as :class:`Phrase` (``key``: the stems joined by spaces, comparable
    across inflections; ``text``: the folded words as written), hashtags and mentions
    excluded, a URL breaking the sequence.
"""

from __future__ import annotations

from essaim.text.analysis import (
    Phrase,
    Token,
    detect_language,
    fold,
    index_terms,
    is_stop_word,
    languages_for,
    ngrams,
    phrases,
    query_terms,
    stem,
    tokenize,
    words,
)
from essaim.text.stopwords import BY_LANGUAGE as STOP_WORDS

LANGUAGES = ("fr", "en")

__all__ = [
    "LANGUAGES", "STOP_WORDS", "Phrase", "Token", "detect_language", "fold", "index_terms",
    "is_stop_word", "languages_for", "ngrams", "phrases", "query_terms", "stem", "tokenize",
    "words",
]
