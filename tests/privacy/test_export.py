"""Exporting one's data: a ZIP of one's own data and uploads, ready when notified,
downloadable by oneself for 7 days, never holding other people's private content."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from essaim.notifications.models import Notification
from essaim.posts.actions import do_create_post, do_like
from essaim.privacy.models import DataExport

pytestmark = pytest.mark.django_db


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _archive(client, export) -> zipfile.ZipFile:
    response = client.get(f"/settings/export/{export.id}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_an_export_holds_ones_posts_likes_network_and_watches(alice, bob):
    from essaim.graph.actions import do_follow
    from essaim.watches.actions import do_create_watch

    mine = do_create_post(alice, "Mon premier message", rate_limit=False)
    theirs = do_create_post(bob, "Le message de Bob", rate_limit=False)
    do_create_post(bob, "Secret de Bob", visibility="direct", rate_limit=False)
    do_like(alice, theirs.id)
    do_follow(alice, bob)
    do_create_watch(alice, "salon")
    client = _signed_in(alice)
    assert client.post("/settings/export/").status_code == 302
    export = DataExport.objects.get(user=alice)
    assert export.state == "ready" and export.expires_at > timezone.now() + timedelta(days=6)
    note = Notification.objects.get(recipient=alice, kind="export")
    assert note.link == f"/settings/export/{export.id}/download/"
    archive = _archive(client, export)
    posts = json.loads(archive.read("posts.json"))
    assert [p["text"] for p in posts] == ["Mon premier message"] and posts[0]["id"] == \
        str(mine.id)
    assert json.loads(archive.read("likes.json"))[0]["text"] == "Le message de Bob"
    assert json.loads(archive.read("network.json"))["following"] == ["bob"]
    assert json.loads(archive.read("watches_and_filters.json"))["watches"][0]["query"] == \
        "salon"
    everything = b"".join(archive.read(n) for n in archive.namelist())
    assert b"Secret de Bob" not in everything
    assert json.loads(archive.read("profile.json"))["username"] == "alice"


def test_uploads_come_with_the_export(alice):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from essaim.demo.files import pdf_bytes
    from essaim.media.actions import do_upload_media

    do_upload_media(alice, SimpleUploadedFile("offre.pdf", pdf_bytes("Offre"),
                                              content_type="application/pdf"), kind="file")
    client = _signed_in(alice)
    client.post("/settings/export/")
    archive = _archive(client, DataExport.objects.get(user=alice))
    names = [n for n in archive.namelist() if n.startswith("media/")]
    assert len(names) == 1 and archive.read(names[0]).startswith(b"%PDF")


def test_nobody_else_downloads_it_and_it_expires(alice, bob):
    client = _signed_in(alice)
    client.post("/settings/export/")
    export = DataExport.objects.get(user=alice)
    assert _signed_in(bob).get(f"/settings/export/{export.id}/download/").status_code == 404
    assert Client().get(f"/settings/export/{export.id}/download/").status_code == 302
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now())
    assert client.get(f"/settings/export/{export.id}/download/").status_code == 404


def test_asking_twice_while_one_is_prepared_is_refused(alice):
    from essaim.core.errors import ValidationFailed
    from essaim.privacy.actions import do_request_export

    DataExport.objects.create(user=alice)  # one waiting for the worker
    with pytest.raises(ValidationFailed):
        do_request_export(alice)
    page = _signed_in(alice).post("/settings/export/", follow=True).content.decode()
    assert "already being prepared" in page
    assert DataExport.objects.filter(user=alice).count() == 1


def test_the_request_and_the_download_are_audit_logged(alice):
    from essaim.audit.models import AuditEntry

    client = _signed_in(alice)
    client.post("/settings/export/")
    _archive(client, DataExport.objects.get(user=alice))
    assert set(AuditEntry.objects.values_list("action", flat=True)) >= {
        "privacy.export_requested", "privacy.export_downloaded"}
