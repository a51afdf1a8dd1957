"""One compose action: it takes IDs (reply and quote targets, media, poll), does its own access
checks, and every surface (web, native API, Mastodon API, communities) goes through it."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from essaim.communities.actions import do_post_in_community
from essaim.core.errors import NotFound, ValidationFailed
from essaim.media.actions import do_upload_media
from essaim.media.models import MediaAttachment
from essaim.oauth.actions import do_issue_token
from essaim.polls.models import Poll
from essaim.posts.actions import do_create_post
from essaim.posts.models import Post
from tests.communities.conftest import build_community


def _png(name="photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (15, 118, 110)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _masto(user) -> Client:
    _token, raw = do_issue_token(user, "read write follow push")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


POLL = {"options": ["Tuesday", "Thursday"], "expires_in": 3600}


def test_it_replies_and_quotes_by_id(alice, bob):
    original = do_create_post(alice, "Kick-off on Monday")
    reply = do_create_post(bob, "Count me in", in_reply_to=original.id)
    quote = do_create_post(bob, "Worth reading", quote_of=str(original.id))
    assert reply.in_reply_to_id == original.id and quote.quote_of_id == original.id
    original.refresh_from_db()
    assert (original.replies_count, original.quotes_count) == (1, 1)


def test_it_refuses_to_answer_a_post_the_caller_may_not_see(alice, bob, guest):
    hidden = do_create_post(alice, "Team only", visibility="followers")
    for target in ({"in_reply_to": hidden.id}, {"quote_of": hidden.id},
                   {"in_reply_to": 2 ** 70}, {"in_reply_to": "abc"}):
        with pytest.raises(NotFound):
            do_create_post(bob, "Let me see", **target)
    assert Post.objects.count() == 1


def test_it_attaches_the_callers_own_images_by_id(alice, bob):
    mine = do_upload_media(alice, _png(), description="A teal square")
    theirs = do_upload_media(bob, _png())
    post = do_create_post(alice, "", media_ids=[mine.id])
    assert list(post.media_attachments.values_list("id", flat=True)) == [mine.id]
    with pytest.raises(NotFound):
        do_create_post(alice, "Not mine", media_ids=[theirs.id])
    assert MediaAttachment.objects.get(pk=theirs.pk).post_id is None


def test_it_creates_a_poll_with_its_post(alice):
    post = do_create_post(alice, "Which day?", poll={**POLL, "multiple": True})
    poll = Poll.objects.get(post=post)
    assert poll.multiple and [o.title for o in poll.options.order_by("position")] == [
        "Tuesday", "Thursday"]


def test_it_writes_nothing_when_the_poll_or_images_are_wrong(alice):
    image = do_upload_media(alice, _png())
    with pytest.raises(ValidationFailed):
        do_create_post(alice, "Which day?", poll={"options": ["Only one"], "expires_in": 3600})
    with pytest.raises(ValidationFailed):
        do_create_post(alice, "Both", media_ids=[image.id], poll=POLL)
    with pytest.raises(ValidationFailed):
        do_create_post(alice, "", poll=POLL)
    assert not Post.objects.exists() and not Poll.objects.exists()


def test_a_community_post_goes_through_the_same_action(alice, bob, guest):
    community = build_community(alice, "Atlas", members=[bob])
    root = do_post_in_community(alice, community, "Which day?", poll_options=POLL["options"],
                                poll_expires_in=3600)
    assert Poll.objects.filter(post=root).exists() and root.visibility == "community"
    reply = do_post_in_community(bob, community, "Thursday", in_reply_to=root.id)
    assert reply.in_reply_to_id == root.id and reply.community_id == community.id
    elsewhere = do_create_post(alice, "Not in a community", visibility="followers")
    with pytest.raises(NotFound):
        do_post_in_community(bob, community, "Hm", in_reply_to=elsewhere.id)


@pytest.mark.parametrize("surface", ["web", "native", "mastodon"])
def test_every_surface_answers_404_for_a_reply_to_a_post_it_may_not_see(alice, bob, surface):
    hidden = do_create_post(alice, "Team only", visibility="followers")
    if surface == "web":
        response = _signed_in(bob).post("/compose/", {
            "text": "Let me see", "visibility": "company", "reply_policy": "everyone",
            "in_reply_to": hidden.id})
    elif surface == "native":
        response = _signed_in(bob).post(
            "/api/essaim/v1/posts", json.dumps({"text": "Let me see",
                                                "in_reply_to_id": hidden.id}),
            content_type="application/json")
    else:
        response = _masto(bob).post("/api/v1/statuses", {"status": "Let me see",
                                                         "in_reply_to_id": hidden.id})
    assert response.status_code == 404
    assert Post.objects.count() == 1


def test_a_reply_id_too_large_for_the_database_is_a_404_on_the_web(alice):
    response = _signed_in(alice).post("/compose/", {
        "text": "Hello", "visibility": "company", "reply_policy": "everyone",
        "in_reply_to": str(2 ** 64)})
    assert response.status_code == 404
    assert not Post.objects.exists()


def test_the_mastodon_api_publishes_images_and_polls_through_the_compose_action(alice):
    import importlib.util

    assert importlib.util.find_spec("essaim.mastodon_api.actions") is None  # writes nothing
    image = do_upload_media(alice, _png())
    status = _masto(alice).post("/api/v1/statuses", {"status": "", "media_ids[]": [image.id]})
    assert status.status_code == 200
    assert [m["id"] for m in status.json()["media_attachments"]] == [str(image.id)]
