"""A post with a file attached, so that a newcomer sees what attaching a document looks like."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

TEXT = ("Voici le cahier des charges du stand pour le salon de Lyon : relisez la partie "
        "logistique avant jeudi, vos remarques en réponse à ce message. #salonlyon")
NAME = "Cahier des charges — stand salon de Lyon.pdf"


def pdf_bytes(title: str) -> bytes:
    """A small, valid one-page PDF saying ``title`` (ASCII only in the page's text)."""
    text = title.encode("ascii", "replace").decode()
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def seed_post_files(now: datetime) -> int:
    """Camille shares the stand's specification as a PDF; returns how many posts."""
    from essaim.media.actions import do_upload_media
    from essaim.posts.actions import do_create_post

    author = get_user_model().objects.filter(username="camille", is_active=True).first()
    if author is None:
        return 0
    upload = SimpleUploadedFile(NAME, pdf_bytes("Cahier des charges - stand salon de Lyon"),
                                content_type="application/pdf")
    media = do_upload_media(author, upload, kind="file")
    do_create_post(author, TEXT, visibility="company", language="fr", media_ids=[media.id],
                   created_at=now - timedelta(hours=20), rate_limit=False)
    return 1
