"""The French interface: a complete catalogue, and pages that follow the reader's language."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from essaim.accounts.actions import do_set_locale
from essaim.posts.models import Post

PACKAGE = Path(__file__).resolve().parent.parent / "essaim"
LOCALE_DIR = PACKAGE / "locale" / "fr" / "LC_MESSAGES"
# The project catalogue and every app's own one (new apps keep their strings in their folder).
CATALOGUES = sorted(PACKAGE.glob("**/locale/fr/LC_MESSAGES/django.po"))
# The keywords ``makemessages`` gives xgettext for the "django" domain.
XGETTEXT = ["xgettext", "--language=Python", "--from-code=UTF-8", "--keyword=gettext_noop",
            "--keyword=gettext_lazy", "--keyword=ngettext_lazy:1,2", "--keyword=pgettext:1c,2",
            "--keyword=npgettext:1c,2,3", "--keyword=pgettext_lazy:1c,2",
            "--keyword=npgettext_lazy:1c,2,3", "--output=-"]
PLACEHOLDER = re.compile(r"%\([A-Za-z_]\w*\)[-#0 +]*\d*(?:\.\d+)?[sdif]|%[sdif]|\{\w*\}")


@pytest.fixture(autouse=True)
def _back_to_the_default_language():
    """A French request leaves French active on the thread: later tests expect the default."""
    yield
    translation.deactivate()


def _catalogue() -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / "django.po"))


def _entries(path: Path = LOCALE_DIR / "django.po"):
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete]


def _all_entries():
    return [entry for path in CATALOGUES for entry in _entries(path)]


def _source_strings() -> polib.POFile:
    """Every translatable string of essaim/, found as ``makemessages`` finds them.

    Templates go through Django's own ``templatize`` (what makemessages does with them), then
    xgettext reads them and the Python modules with makemessages' keywords.
    """
    from django.utils.translation import templatize

    if shutil.which("xgettext") is None:
        pytest.fail("xgettext (GNU gettext) is needed to check the catalogues")
    python = [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]
    templates = [p for p in PACKAGE.rglob("templates/**/*") if p.suffix in {".html", ".txt"}]
    with tempfile.TemporaryDirectory() as work:
        files = [str(p) for p in python]
        for template in templates:
            target = Path(work) / (str(template.relative_to(PACKAGE)).replace("/", "~") + ".py")
            target.write_text(templatize(template.read_text(encoding="utf-8"),
                                         origin=str(template)), encoding="utf-8")
            files.append(str(target))
        listing = Path(work) / "files.txt"
        listing.write_text("\n".join(files), encoding="utf-8")
        result = subprocess.run([*XGETTEXT, "--files-from", str(listing)],
                                capture_output=True, text=True, check=True)
    return polib.pofile(result.stdout)


def _label(entry) -> str:
    return f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid


def _placeholders(text: str) -> Counter:
    return Counter(PLACEHOLDER.findall(text))


def _french() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="fr")


def signed_in(user, **headers) -> Client:
    client = Client(**headers)
    client.force_login(user)
    return client


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_french_catalogue_declares_the_french_plural_rule(path):
    metadata = polib.pofile(str(path)).metadata
    assert metadata["Language"] == "fr"
    assert metadata["Plural-Forms"].replace(" ", "") == "nplurals=2;plural=(n>1);"


def test_every_french_entry_is_translated_and_none_is_fuzzy():
    assert len(_entries()) > 400
    entries = _all_entries()
    untranslated = [_label(e) for e in entries if not e.translated()]
    fuzzy = [_label(e) for e in entries if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []


def test_every_translatable_string_of_the_code_and_templates_has_a_french_translation():
    translated = {(e.msgctxt, e.msgid) for e in _all_entries() if e.translated()}
    sources = [e for e in _source_strings() if e.msgid]
    assert len(sources) > 400
    missing = sorted({f"{_label(e)}  ({e.occurrences[0][0] if e.occurrences else '?'})"
                      for e in sources if (e.msgctxt, e.msgid) not in translated})
    assert missing == [], "strings without a French translation:\n" + "\n".join(missing)


def test_plural_entries_have_both_french_forms():
    for entry in (e for e in _all_entries() if e.msgid_plural):
        forms = entry.msgstr_plural
        assert sorted(forms) == [0, 1], _label(entry)
        assert all(text.strip() for text in forms.values()), _label(entry)


def test_every_translation_keeps_the_placeholders_of_its_source():
    wrong = []
    for entry in _all_entries():
        if entry.msgid_plural:
            expected = _placeholders(entry.msgid_plural)
            wrong += [(_label(entry), text) for text in entry.msgstr_plural.values()
                      if _placeholders(text) != expected]
        elif _placeholders(entry.msgstr) != _placeholders(entry.msgid):
            wrong.append((_label(entry), entry.msgstr))
    assert wrong == []


def test_markup_in_a_source_string_survives_in_its_translation():
    for entry in _all_entries():
        tags = re.findall(r"</?a\b", entry.msgid)
        if tags:
            assert re.findall(r"</?a\b", entry.msgstr) == tags, _label(entry)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_compiled_catalogue_matches_the_translations(path):
    mo = path.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run msgfmt -o django.mo django.po"
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
                for e in polib.mofile(str(mo)) if e.msgid}
    for entry in _entries(path):
        source = entry.msgstr_plural if entry.msgid_plural else entry.msgstr
        assert compiled.get((entry.msgctxt, entry.msgid)) == source, (
            f"{mo} is stale for {_label(entry)!r}: run msgfmt -o django.mo django.po")


def test_french_counts_use_the_singular_for_zero_and_one():
    with translation.override("fr"):
        words = [translation.ngettext("%(n)s reply", "%(n)s replies", n) % {"n": n}
                 for n in (0, 1, 2)]
    assert words == ["0 réponse", "1 réponse", "2 réponses"]


@pytest.mark.django_db
def test_the_sign_in_page_speaks_french_to_a_french_browser():
    response = _french().get(reverse("web:login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert "Se connecter" in html
    assert "Mot de passe" in html
    assert "Nom d’utilisateur ou e-mail" in html
    assert "Sign in" not in html


@pytest.mark.django_db
def test_a_wrong_password_is_explained_in_french(alice):
    response = _french().post(reverse("web:login"),
                              {"username": "alice", "password": "not the password"})
    html = response.content.decode()
    assert "ne correspond pas au mot de passe" in html
    assert not response.wsgi_request.user.is_authenticated


def test_a_person_who_chose_french_gets_a_french_home_page(alice):
    do_set_locale(alice, "fr")
    response = signed_in(alice).get(reverse("web:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    for text in ("Accueil", "Entreprise", "Annuaire", "Signets", "Paramètres",
                 "Nouvelle publication", "Publier", "Se déconnecter"):
        assert text in html, text
    assert ">Home<" not in html


def test_a_chosen_language_wins_over_the_browser_language(alice):
    do_set_locale(alice, "fr")
    html = signed_in(alice, HTTP_ACCEPT_LANGUAGE="en").get(reverse("web:home")).content.decode()
    assert '<html lang="fr">' in html
    assert "Accueil" in html


def test_french_does_not_leak_to_the_next_english_reader(alice, bob):
    do_set_locale(alice, "fr")
    signed_in(alice).get(reverse("web:home"))
    html = signed_in(bob, HTTP_ACCEPT_LANGUAGE="en").get(reverse("web:home")).content.decode()
    assert '<html lang="en">' in html
    assert "Home" in html
    assert "Accueil" not in html


@override_settings(ESSAIM_POST_MAX_CHARS=50)
def test_an_overlong_post_is_refused_in_french(alice):
    do_set_locale(alice, "fr")
    data = {"text": "x" * 51, "visibility": "company", "reply_policy": "everyone"}
    response = signed_in(alice).post(reverse("web:compose"), data)
    html = response.content.decode()
    assert response.status_code == 422
    assert "Une publication compte 50 caractères au maximum (celle-ci en compte 51)." in html
    assert not Post.objects.exists()


def test_a_confirmation_after_posting_is_in_french(alice):
    do_set_locale(alice, "fr")
    client = signed_in(alice)
    data = {"text": "Bonjour à toutes et à tous", "visibility": "company",
            "reply_policy": "everyone", "next": "/"}
    response = client.post(reverse("web:compose"), data)
    assert response.status_code == 302
    assert "Votre publication est en ligne." in client.get(response.url).content.decode()


@pytest.mark.django_db
def test_the_json_api_explains_a_missing_token_in_french():
    response = _french().get("/api/essaim/v1/timelines/home")
    assert response.status_code == 401
    assert response.json()["error"].startswith("Authentification requise")


DATE_PLACEHOLDER = re.compile(r"%\((?:when|date|time|deadline|due|until|starts|ends)\w*\)s\.")


def test_no_sentence_puts_a_period_right_after_a_date():
    """English dates may end with "p.m." or "a.m.": a period after them reads "p.m..\""""
    sources = [e.msgid for e in _source_strings() if e.msgid]
    assert [text for text in sources if DATE_PLACEHOLDER.search(text)] == []
