"""Implementation of :mod:`essaim.text` (see the package docstring for the API)."""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from essaim.text.stopwords import BY_LANGUAGE

LANGUAGES = ("fr", "en")
_SNOWBALL = {"fr": "french", "en": "english"}
ELISIONS = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
                      "puisqu", "quoiqu", "presqu", "quelqu"})
APOSTROPHES = "'’ʼ"
MAX_TERM = 60

_URL = r"(?P<url>https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]])"
_TAG = r"(?<![\w&/])#(?P<tag>[^\W_][\w]{0,99})"
_MENTION = r"(?<![\w/@])@(?P<user>[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,148}[A-Za-z0-9_])?)"
_WORD = r"(?P<word>[^\W_]+)"
_TOKEN_RE = re.compile(f"{_URL}|{_TAG}|{_MENTION}|{_WORD}", re.UNICODE)
_SPLIT_RE = re.compile(r"[^\W_]+", re.UNICODE)
# Between two words of one phrase: spaces, apostrophes, hyphens; anything else ends it.
_JOINER_RE = re.compile(rf"[\s{APOSTROPHES}\-]*")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o",
                            "đ": "d", "Đ": "d", "ł": "l", "Ł": "l"})


@dataclass(frozen=True)
class Token:
    kind: str  # "word", "url", "hashtag" or "mention"
    text: str  # as written
    value: str  # folded word / tag name / username (lower case) / the URL
    start: int
    end: int


@dataclass(frozen=True)
class Phrase:
    key: str  # stems joined by spaces
    text: str  # folded words joined by spaces
    n: int


def fold(text: str) -> str:
    """Lower case without accents: ``fold("Événements") == "evenements"``."""
    text = text.translate(_LIGATURES).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str) -> list[Token]:
    """Words, URLs, hashtags and mentions of ``text`` in order (elisions dropped)."""
    out: list[Token] = []
    for match in _TOKEN_RE.finditer(text or ""):
        if match.group("url"):
            out.append(Token("url", match.group(0), match.group("url"), *match.span()))
        elif match.group("tag"):
            out.append(Token("hashtag", match.group(0), fold(match.group("tag")),
                             *match.span()))
        elif match.group("user"):
            out.append(Token("mention", match.group(0), match.group("user").lower(),
                             *match.span()))
        else:
            word = fold(match.group("word"))
            end = match.end()
            if (word in ELISIONS and end + 1 < len(text) and text[end] in APOSTROPHES
                    and text[end + 1].isalpha()):
                continue  # l'entreprise → entreprise
            out.append(Token("word", match.group(0), word[:MAX_TERM], *match.span()))
    return out


def words(text: str) -> list[str]:
    return [t.value for t in tokenize(text) if t.kind == "word"]


def is_stop_word(word: str, languages=LANGUAGES) -> bool:
    """Whether the folded ``word`` is a stop word in any of ``languages``."""
    return any(word in BY_LANGUAGE[lang] for lang in languages)


_stemmers = threading.local()


def _stemmer(language: str):
    found = getattr(_stemmers, language, None)
    if found is None:  # snowballstemmer objects are not thread-safe: one per thread
        found = snowballstemmer.stemmer(_SNOWBALL[language])
        setattr(_stemmers, language, found)
    return found


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """Snowball stem of a folded word in ``language`` (``"fr"`` or ``"en"``)."""
    stemmed = _stemmer(language).stemWord(word)
    if (language == "fr" and stemmed == word and word.endswith("ent")
            and not word.endswith("ment") and len(word) >= 7):
        # Snowball leaves "-ent" verb forms alone (travaillent): reduce them like the
        # infinitive (travailler → travaill). Nouns in "-ent" keep a distinct stem.
        stemmed = word[:-3]
    return stemmed


_detector = None
_detector_lock = threading.Lock()


def _get_detector():
    global _detector
    if _detector is None:
        with _detector_lock:
            if _detector is None:
                from lingua import Language, LanguageDetectorBuilder

                _detector = (LanguageDetectorBuilder
                             .from_languages(Language.FRENCH, Language.ENGLISH)
                             .with_low_accuracy_mode().build())
    return _detector


_LINGUA_CODES = {"FRENCH": "fr", "ENGLISH": "en"}
MIN_WORDS_TO_DETECT = 4
MIN_CONFIDENCE = 0.8


def detect_language(text: str) -> str | None:
    """``"fr"``, ``"en"`` or ``None`` when the text is too short or too mixed to tell."""
    plain = [t.text for t in tokenize(text) if t.kind == "word"]
    if len(plain) < MIN_WORDS_TO_DETECT:
        return None
    values = _get_detector().compute_language_confidence_values(" ".join(plain))
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return _LINGUA_CODES.get(values[0].language.name)


def normalize_language(language: str | None) -> str | None:
    code = (language or "").lower()[:2]
    return code if code in LANGUAGES else None


def languages_for(text: str, language: str | None = None) -> tuple[str, ...]:
    known = normalize_language(language)
    if known:
        return (known,)
    detected = detect_language(text)
    return (detected,) if detected else LANGUAGES


def _host_words(url: str) -> list[str]:
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    labels = fold(host).split(".")
    return [w for w in labels[:-1] if w and w != "www" and w.isalnum()][-2:]


def index_terms(text: str, language: str | None = None) -> list[str]:
    """The terms to index ``text`` under (one stream per language, in order)."""
    tokens = tokenize(text)
    streams: list[list[str]] = []
    for lang in languages_for(text, language):
        terms: list[str] = []
        for token in tokens:
            if token.kind == "word":
                if token.value not in BY_LANGUAGE[lang]:
                    terms.append(stem(token.value, lang))
            elif token.kind == "hashtag":
                terms.extend(stem(part, lang) for part in _SPLIT_RE.findall(token.value))
            elif token.kind == "mention":
                terms.extend(fold(p) for p in _SPLIT_RE.findall(token.value))
            else:
                terms.extend(_host_words(token.value))
        if terms not in streams:
            streams.append(terms)
    return [term for stream in streams for term in stream]


def query_terms(word: str, languages=LANGUAGES) -> list[str]:
    """Distinct stems of one query word (folded, elision removed) in ``languages``; none when
    it is a stop word in any of them (a document in that language does not hold it)."""
    found: list[str] = []
    for value in words(word) or [fold(word)]:
        if is_stop_word(value, languages):
            continue
        for lang in languages:
            stemmed = stem(value, lang)
            if stemmed not in found:
                found.append(stemmed)
    return found


def ngrams(seq: list[str], max_n: int = 3, languages=LANGUAGES) -> list[tuple[str, ...]]:
    """1..max_n word sequences of ``seq`` without a stop word at either edge."""
    out: list[tuple[str, ...]] = []
    stops = [is_stop_word(w, languages) for w in seq]
    for i in range(len(seq)):
        if stops[i]:
            continue
        for n in range(1, max_n + 1):
            j = i + n
            if j > len(seq):
                break
            if not stops[j - 1]:
                out.append(tuple(seq[i:j]))
    return out


def _segments(text: str, tokens: list[Token]) -> list[list[Token]]:
    segments: list[list[Token]] = [[]]
    previous: Token | None = None
    for token in tokens:
        if token.kind != "word":
            segments.append([])
            previous = None
            continue
        if previous is not None:
            gap = text[previous.end:token.start]
            if not _JOINER_RE.fullmatch(gap) and segments[-1]:
                segments.append([])
        segments[-1].append(token)
        previous = token
    return [s for s in segments if s]


def phrases(text: str, language: str | None = None, max_n: int = 3) -> list[Phrase]:
    """The n-grams of ``text`` with a stem key comparable across inflections."""
    langs = languages_for(text, language)
    key_lang = langs[0]
    out: list[Phrase] = []
    for segment in _segments(text or "", tokenize(text)):
        seq = [t.value for t in segment]
        for gram in ngrams(seq, max_n, langs):
            key = " ".join(stem(w, key_lang) for w in gram)
            out.append(Phrase(key=key, text=" ".join(gram), n=len(gram)))
    return out
