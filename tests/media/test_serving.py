"""Post images are served through the visibility policy, and go away with their post."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from essaim.media.actions import do_upload_media
from essaim.posts.actions import do_create_post, do_delete_post
from tests.communities.conftest import build_community


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (15, 118, 110)).save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def _post_with_image(author, visibility="company", community=None):
    media = do_upload_media(author, _png(), description="A teal square")
    post = do_create_post(author, "Look", visibility=visibility, community=community,
                          media_ids=[media.id])
    media.refresh_from_db()
    return post, media


def _urls(media) -> list[str]:
    return [f"/media/attachments/{media.id}/original", f"/media/attachments/{media.id}/preview"]


def _status(client, user, url) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


@pytest.fixture
def admin(make_user):
    return make_user("root", admin=True)


def test_a_company_post_image_is_for_employees_only(client, alice, bob, guest, admin):
    _post, media = _post_with_image(alice)
    for url in _urls(media):
        assert _status(client, alice, url) == 200
        assert _status(client, bob, url) == 200
        assert _status(client, admin, url) == 200
        assert _status(client, guest, url) == 404
        assert _status(client, None, url) == 404


def test_the_old_public_file_address_no_longer_serves_it(client, alice):
    _post, media = _post_with_image(alice)
    assert client.get(f"/media/{media.file.name}").status_code == 404
    assert client.get(f"/media/{media.preview.name}").status_code == 404


def test_a_public_post_image_stays_public(client, alice):
    _post, media = _post_with_image(alice, visibility="public")
    response = client.get(_urls(media)[0])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png" or response["Content-Type"].startswith("image/")
    assert b"".join(response.streaming_content)


def test_a_community_post_image_is_for_its_members(client, alice, bob, make_user):
    member_guest = make_user("gwen", guest_of="Acme Corp")
    other_guest = make_user("otto", guest_of="Other Ltd")
    community = build_community(alice, "Atlas", kind="external", guests=[member_guest])
    build_community(bob, "Elsewhere", kind="external", guests=[other_guest])
    _post, media = _post_with_image(alice, visibility="community", community=community)
    url = _urls(media)[0]
    assert _status(client, member_guest, url) == 200
    assert _status(client, other_guest, url) == 404
    assert _status(client, None, url) == 404


def test_an_unattached_upload_is_for_its_owner_only(client, alice, bob):
    media = do_upload_media(alice, _png())
    assert _status(client, alice, _urls(media)[0]) == 200
    assert _status(client, bob, _urls(media)[0]) == 404


def test_deleting_the_post_deletes_its_files(client, alice, bob, settings):
    post, media = _post_with_image(alice)
    paths = [Path(media.file.path), Path(media.preview.path)]
    assert all(p.exists() for p in paths)
    do_delete_post(alice, post.id)
    for url in _urls(media):
        assert _status(client, alice, url) == 404
        assert _status(client, bob, url) == 404
    assert not any(p.exists() for p in paths)


def test_mastodon_clients_get_signed_addresses_that_work_without_a_session(client, alice, bob):
    from essaim.oauth.actions import do_issue_token

    post, media = _post_with_image(alice)
    _token, raw = do_issue_token(bob, "read")
    status = client.get(f"/api/v1/statuses/{post.id}",
                        HTTP_AUTHORIZATION=f"Bearer {raw}").json()
    url, preview = status["media_attachments"][0]["url"], status["media_attachments"][0][
        "preview_url"]
    assert "sig=" in url and "sig=" in preview
    client.logout()
    assert client.get(url).status_code == 200
    assert client.get(preview).status_code == 200
    assert client.get(url.replace("sig=", "sig=x")).status_code == 404
    assert client.get(url.replace("/original", "/preview")).status_code == 404


@pytest.mark.parametrize(("mode", "header"), [("x-accel-redirect", "X-Accel-Redirect"),
                                              ("x-sendfile", "X-Sendfile")])
def test_the_web_server_can_send_the_file_once_the_policy_said_yes(client, alice, bob, guest,
                                                                   settings, mode, header):
    settings.ESSAIM_MEDIA_OFFLOAD = mode
    _post, media = _post_with_image(alice)
    client.force_login(bob)
    response = client.get(_urls(media)[0])
    assert response.status_code == 200
    assert response[header].endswith(media.file.name)
    assert response.content == b""
    client.force_login(guest)
    refused = client.get(_urls(media)[0])
    assert refused.status_code == 404 and header not in refused
