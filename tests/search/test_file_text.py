"""Documents shared in a community are searched by their content, by its members only; what
cannot be read (broken, encrypted, a zip bomb, entity tricks) leaves the file findable by its
name and nothing fails."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from essaim.communities import actions
from essaim.demo.files import pdf_bytes
from essaim.search.extract import ExtractionFailed, extract_text
from essaim.search.models import FileText
from essaim.search.queries import search
from tests.communities.conftest import build_community

pytestmark = pytest.mark.django_db


def _zip(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(*paragraphs: str) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return _zip({"[Content_Types].xml": "<Types/>",
                 "word/document.xml": f"<w:document {W}><w:body>{body}</w:body></w:document>"})


def xlsx(*cells: str) -> bytes:
    strings = "".join(f"<si><t>{c}</t></si>" for c in cells)
    return _zip({"[Content_Types].xml": "<Types/>",
                 "xl/sharedStrings.xml": f'<sst xmlns="http://schemas.openxmlformats.org/'
                                         f'spreadsheetml/2006/main">{strings}</sst>',
                 "xl/worksheets/sheet1.xml": "<worksheet/>"})


def pptx(*slides: str) -> bytes:
    parts = {"[Content_Types].xml": "<Types/>"}
    for i, text in enumerate(slides, start=1):
        parts[f"ppt/slides/slide{i}.xml"] = (
            '<p:sld xmlns:p="p" xmlns:a="a"><a:p><a:r><a:t>' + text + "</a:t></a:r></a:p>"
            "</p:sld>")
    return _zip(parts)


def odt(text: str) -> bytes:
    return _zip({"mimetype": "application/vnd.oasis.opendocument.text",
                 "content.xml": '<office:document-content xmlns:office="o" xmlns:text="t">'
                                f"<office:body><text:p>{text} <text:span>suite</text:span>"
                                "</text:p></office:body></office:document-content>"})


def test_each_format_gives_its_text():
    assert "Calendrier de livraison" in extract_text(docx("Calendrier de livraison"), "",
                                                     "offre.docx")
    assert "Budget prévisionnel" in extract_text(xlsx("Budget prévisionnel", "2027"), "",
                                                 "budget.xlsx")
    text = extract_text(pptx("Première diapositive", "Conclusion"), "", "deck.pptx")
    assert "Première diapositive" in text and "Conclusion" in text
    assert "Mémoire technique suite" in extract_text(odt("Mémoire technique"), "",
                                                     "memoire.odt")
    assert "SECNUMCLOUD" in extract_text(pdf_bytes("Exigences SECNUMCLOUD"),
                                         "application/pdf", "cctp.pdf")
    assert extract_text("Notes de réunion".encode(), "text/plain", "notes.txt") == \
        "Notes de réunion"


def test_unreadable_documents_say_why():
    with pytest.raises(ExtractionFailed):
        extract_text(b"PK\x03\x04 broken", "", "offre.docx")
    with pytest.raises(ExtractionFailed):
        extract_text(b"%PDF-1.4 nothing else", "application/pdf", "x.pdf")
    laughs = ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document><w:t>&b;</w:t>'
              "</w:document>")
    with pytest.raises(ExtractionFailed):
        extract_text(_zip({"word/document.xml": laughs}), "", "bomb.docx")


def test_a_zip_bomb_is_refused_before_it_is_inflated(monkeypatch):
    from essaim.search import extract

    monkeypatch.setattr(extract, "MAX_INFLATED", 1000)
    with pytest.raises(ExtractionFailed, match="inflates"):
        extract_text(docx("x" * 5000), "", "big.docx")


def _upload(user, community, name, data):
    return actions.do_upload_file(user, community, SimpleUploadedFile(name, data))


def test_members_find_a_bid_document_by_its_content_and_others_do_not(make_user, alice, bob,
                                                                      carol):
    gail = make_user("gail", name="Gail", guest_of="Acme")
    otto = make_user("otto", name="Otto", guest_of="Other")
    horizon = build_community(alice, "Client Horizon", kind="external", members=[bob],
                              guests=[gail])
    build_community(alice, "Other deal", kind="external", guests=[otto])
    shared = _upload(alice, horizon, "Offre technique.docx",
                     docx("Notre réponse détaille l'hébergement qualifié SecNumCloud"))
    assert "SecNumCloud" in FileText.objects.get(file=shared).text
    for member in (alice, bob, gail):
        page = search(member, "secnumcloud", "files")
        assert [f.id for f in page.items] == [shared.id], member
    for outsider in (carol, otto):
        assert search(outsider, "secnumcloud", "files").total == 0, outsider


def test_a_new_version_is_read_again(alice):
    team = build_community(alice, "Team", kind="open")
    shared = _upload(alice, team, "plan.docx", docx("première version"))
    actions.do_upload_version(alice, shared, SimpleUploadedFile("plan.docx",
                                                                docx("hydrogène vert")))
    assert [f.id for f in search(alice, "hydrogene", "files").items] == [shared.id]
    assert search(alice, "premiere", "files").total == 0


def test_a_document_that_cannot_be_read_is_still_found_by_its_name(alice):
    team = build_community(alice, "Team", kind="open")
    data = _zip({"word/document.xml": "<not xml"})
    shared = _upload(alice, team, "Cahier des clauses.docx", data)
    assert FileText.objects.get(file=shared).error
    assert [f.id for f in search(alice, "clauses", "files").items] == [shared.id]


def test_the_web_result_shows_the_matching_words_of_the_document(client, alice):
    team = build_community(alice, "Team", kind="open")
    _upload(alice, team, "Mémoire.odt", odt("Le mémoire décrit la réversibilité"))
    client.force_login(alice)
    page = client.get("/search/", {"q": "réversibilité", "type": "files"}).content.decode()
    assert "<mark>réversibilité</mark>" in page
