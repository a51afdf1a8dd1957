"""Files attached to posts: checked by content, shown on the post, downloaded only by those
who may see the post, and gone with it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from essaim.core.errors import ValidationFailed
from essaim.media.actions import do_upload_media
from essaim.media.documents import clean_filename
from essaim.oauth.actions import do_issue_token
from essaim.posts.actions import do_create_post, do_delete_post
from essaim.posts.models import Post
from tests.communities.conftest import build_community

BASE = {"visibility": "company", "reply_policy": "everyone", "poll_expires_in": "86400"}
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def _pdf(name="Offre technique.pdf", body=PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _post_with_file(author, visibility="company", community=None):
    media = do_upload_media(author, _pdf())
    post = do_create_post(author, "The bid", visibility=visibility, community=community,
                          media_ids=[media.id])
    media.refresh_from_db()
    return post, media


def _status(user, url) -> int:
    return (_signed_in(user) if user is not None else Client()).get(url).status_code


def test_a_file_attached_in_the_composer_shows_on_the_post_with_its_name_and_size(alice, bob):
    response = _signed_in(alice).post("/compose/", {**BASE, "text": "Our technical offer",
                                                    "files": [_pdf()]})
    assert response.status_code == 302
    media = Post.objects.get().media_attachments.get()
    assert media.is_file and media.filename == "Offre technique.pdf"
    page = _signed_in(bob).get("/company/").content.decode()
    assert "Offre technique.pdf" in page and f"/media/attachments/{media.id}/original" in page
    assert f"{len(PDF)}\xa0bytes" in page  # filesizeformat, with a no-break space


def test_the_file_downloads_as_an_attachment_that_never_runs_as_a_page(alice, bob):
    _post, media = _post_with_file(alice)
    response = _signed_in(bob).get(f"/media/attachments/{media.id}/original")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == PDF
    assert _status(bob, f"/media/attachments/{media.id}/preview") == 404


@pytest.mark.parametrize("name, body", [
    ("page.html", b"<script>alert(1)</script>"),
    ("setup.exe", b"MZ\x90\x00"),
    ("fake.pdf", b"<html>not a pdf</html>"),
    ("fake.docx", b"%PDF-1.4 a pdf in disguise"),
    ("notes.txt", b"\xff\xfe\x00\x00binary"),
    ("empty.pdf", b""),
])
def test_files_that_are_not_what_they_say_are_refused_with_a_message(alice, name, body):
    response = _signed_in(alice).post("/compose/", {**BASE, "text": "Doc",
                                                    "files": [_pdf(name, body)]})
    assert response.status_code == 422
    assert not Post.objects.exists()


def test_a_document_in_the_images_field_is_still_refused(alice):
    response = _signed_in(alice).post("/compose/", {**BASE, "text": "Doc", "images": [_pdf()]})
    assert response.status_code == 422


def test_a_post_has_at_most_four_attachments_in_all(alice):
    response = _signed_in(alice).post("/compose/", {
        **BASE, "text": "Too many", "files": [_pdf(f"{i}.pdf") for i in range(5)]})
    assert response.status_code == 422
    assert "at most 4 attachments" in response.content.decode()


def test_a_followers_only_posts_file_is_for_its_readers_only(alice, bob, carol):
    from essaim.graph.actions import do_follow

    do_follow(carol, alice)
    _post, media = _post_with_file(alice, visibility="followers")
    url = f"/media/attachments/{media.id}/original"
    assert _status(carol, url) == 200
    assert _status(bob, url) == 404
    assert _status(None, url) == 404


def test_a_community_posts_file_is_for_its_members(alice, bob, make_user):
    member_guest = make_user("gwen", guest_of="Acme Corp")
    other_guest = make_user("otto", guest_of="Other Ltd")
    community = build_community(alice, "Atlas", kind="external", guests=[member_guest])
    build_community(bob, "Elsewhere", kind="external", guests=[other_guest])
    _post, media = _post_with_file(alice, visibility="community", community=community)
    url = f"/media/attachments/{media.id}/original"
    assert _status(member_guest, url) == 200
    assert _status(other_guest, url) == 404


def test_the_name_people_see_is_cleaned_and_the_stored_name_is_generated(alice):
    assert clean_filename("../../etc/passwd.txt") == "passwd.txt"
    assert clean_filename("C:\\Users\\me\\Bid\x00 2026.pdf") == "Bid 2026.pdf"
    assert len(clean_filename("x" * 300 + ".pdf")) == 120
    media = do_upload_media(alice, _pdf("../../etc/Offre.pdf"))
    assert media.filename == "Offre.pdf" and "Offre" not in media.file.name


def test_deleting_the_post_deletes_its_file(alice):
    post, media = _post_with_file(alice)
    path = Path(media.file.path)
    assert path.exists()
    do_delete_post(alice, post.id)
    assert not path.exists()


def test_mastodon_apps_upload_documents_and_see_them_as_unknown_attachments(alice, bob):
    _token, raw = do_issue_token(alice, "read write")
    app = Client(headers={"Authorization": f"Bearer {raw}"})
    docx = SimpleUploadedFile("Planning.docx", b"PK\x03\x04" + b"\x00" * 60)
    uploaded = app.post("/api/v2/media", {"file": docx})
    assert uploaded.status_code == 200, uploaded.content
    entity = uploaded.json()
    assert entity["type"] == "unknown" and entity["preview_url"] is None
    status = app.post("/api/v1/statuses", {"status": "The planning",
                                           "media_ids[]": [entity["id"]]}).json()
    attachment = status["media_attachments"][0]
    assert attachment["meta"]["essaim"]["filename"] == "Planning.docx"
    assert "sig=" in attachment["url"]
    address = urlsplit(attachment["url"])
    assert Client().get(f"{address.path}?{address.query}").status_code == 200


def test_an_upload_that_must_be_a_file_refuses_other_kinds(alice):
    with pytest.raises(ValidationFailed):
        do_upload_media(alice, _pdf("photo.png", PDF), kind="file")


def test_search_tells_posts_with_files_from_posts_with_images(alice, bob):
    from essaim.search.queries import search

    post, _media = _post_with_file(alice)
    assert [p.id for p in search(bob, "bid has:file").items] == [post.id]
    assert search(bob, "bid has:image").items == []
