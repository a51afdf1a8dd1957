"""The demo shows a post with a document attached, a PDF that opens."""

from __future__ import annotations

from django.test import Client
from django.utils import timezone

from essaim.demo.files import NAME, seed_post_files
from essaim.media.models import MediaAttachment


def test_the_demo_shares_a_pdf_in_a_post_that_colleagues_can_download(make_user, bob):
    make_user("camille", department="Marketing")
    assert seed_post_files(timezone.now()) == 1
    media = MediaAttachment.objects.get(kind="file")
    assert media.filename == NAME and media.post.visibility == "company"
    client = Client()
    client.force_login(bob)
    response = client.get(f"/media/attachments/{media.id}/original")
    body = b"".join(response.streaming_content)
    assert response.status_code == 200 and body.startswith(b"%PDF-1.4")
    assert body.rstrip().endswith(b"%%EOF") and b"startxref" in body
