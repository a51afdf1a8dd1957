"""The home composer attaches images and creates polls through the one compose action."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from essaim.media.models import MediaAttachment
from essaim.polls.models import Poll
from essaim.posts.models import Post


def _png(name="photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (15, 118, 110)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


BASE = {"visibility": "company", "reply_policy": "everyone", "poll_expires_in": "86400"}


def test_the_home_composer_offers_images_and_a_poll(alice, signed_in):
    page = signed_in(alice).get("/").content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'name="images"' in page and 'name="poll_options"' in page


def test_an_employee_publishes_images_with_their_description_from_the_composer(
        alice, bob, signed_in):
    response = signed_in(alice).post("/compose/", {
        **BASE, "text": "Our new office", "image_description": "A teal wall",
        "images": [_png("a.png"), _png("b.png")]})
    assert response.status_code == 302
    post = Post.objects.get()
    media = list(post.media_attachments.order_by("position"))
    assert len(media) == 2 and {m.description for m in media} == {"A teal wall"}
    home = signed_in(bob).get(f"/posts/{post.id}/").content.decode()
    assert f"/media/attachments/{media[0].id}/" in home


def test_a_post_of_images_alone_is_accepted(alice, signed_in):
    response = signed_in(alice).post("/compose/", {**BASE, "text": "", "images": [_png()]})
    assert response.status_code == 302
    assert Post.objects.get().media_attachments.count() == 1


def test_more_than_four_images_are_refused_before_anything_is_stored(alice, signed_in):
    response = signed_in(alice).post("/compose/", {
        **BASE, "text": "Too many", "images": [_png(f"{i}.png") for i in range(5)]})
    assert response.status_code == 422
    assert "at most 4 images" in response.content.decode()
    assert not Post.objects.exists() and not MediaAttachment.objects.exists()


def test_a_file_that_is_not_an_image_is_refused_with_a_message(alice, signed_in):
    fake = SimpleUploadedFile("notes.pdf", b"%PDF-1.4 not an image",
                              content_type="application/pdf")
    response = signed_in(alice).post("/compose/", {**BASE, "text": "Doc", "images": [fake]})
    assert response.status_code == 422
    assert not Post.objects.exists()


def test_an_employee_creates_a_poll_from_the_composer(alice, signed_in):
    response = signed_in(alice).post("/compose/", {
        **BASE, "text": "Which day for the offsite?", "poll_options": "Tuesday\nThursday\n",
        "poll_expires_in": "3600", "poll_multiple": "on"})
    assert response.status_code == 302
    poll = Poll.objects.get(post=Post.objects.get())
    assert poll.multiple
    assert [o.title for o in poll.options.order_by("position")] == ["Tuesday", "Thursday"]


def test_a_poll_with_one_option_is_refused_with_a_message(alice, signed_in):
    response = signed_in(alice).post("/compose/", {
        **BASE, "text": "Which day?", "poll_options": "Tuesday"})
    assert response.status_code == 422
    assert "at least two options" in response.content.decode()
    assert not Post.objects.exists()


def test_images_and_a_poll_together_are_refused(alice, signed_in):
    response = signed_in(alice).post("/compose/", {
        **BASE, "text": "Both", "poll_options": "A\nB", "images": [_png()]})
    assert response.status_code == 422
    assert not Post.objects.exists()
