"""Image attachments and polls."""

from __future__ import annotations

import io

from PIL import Image

from essaim.posts.actions import do_create_post


def _image(kind: str = "PNG", size=(120, 80), mode="RGB") -> io.BytesIO:
    data = io.BytesIO()
    Image.new(mode, size, (10, 20, 30)).save(data, format=kind)
    data.seek(0)
    data.name = f"picture.{kind.lower()}"
    return data


def test_it_uploads_describes_and_attaches_an_image(masto, alice, bob):
    client = masto(alice)
    uploaded = client.post("/api/v2/media", {"file": _image(), "description": "A chart",
                                             "focus": "0.5,-0.25"})
    media = uploaded.json()
    assert uploaded.status_code == 200 and media["type"] == "image"
    assert media["meta"]["original"]["width"] == 120 and media["meta"]["focus"] == {
        "x": 0.5, "y": -0.25}
    assert media["url"].startswith("http://testserver/media/attachments/")
    updated = client.put(f"/api/v1/media/{media['id']}", {"description": "A better chart"})
    assert updated.json()["description"] == "A better chart"
    assert masto(bob).get(f"/api/v1/media/{media['id']}").status_code == 404
    status = client.post("/api/v1/statuses", {"status": "See the chart",
                                              "media_ids[]": [media["id"]]}).json()
    assert [m["id"] for m in status["media_attachments"]] == [media["id"]]
    again = client.post("/api/v1/statuses", {"status": "Twice", "media_ids[]": [media["id"]]})
    assert again.status_code == 422


def test_it_refuses_what_is_neither_an_image_nor_an_accepted_document(masto, alice):
    for name, body in (("doc.pdf", b"<html>not a pdf</html>"), ("page.html", b"<p>hi</p>"),
                       ("photo.png", b"%PDF-1.4 not an image")):
        fake = io.BytesIO(body)
        fake.name = name
        response = masto(alice).post("/api/v2/media", {"file": fake})
        assert response.status_code == 422 and response.json()["error"], name
    assert masto(alice).post("/api/v2/media", {}).status_code == 422


def test_it_re_encodes_images_without_their_metadata(masto, alice):
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # camera maker
    data = io.BytesIO()
    Image.new("RGB", (40, 40)).save(data, format="JPEG", exif=exif.tobytes())
    data.seek(0)
    data.name = "photo.jpg"
    media = masto(alice).post("/api/v2/media", {"file": data}).json()
    from essaim.media.models import MediaAttachment

    stored = MediaAttachment.objects.get(pk=int(media["id"]))
    assert b"SecretCam" not in stored.file.read()


def test_it_creates_a_poll_and_counts_one_ballot_per_account(masto, alice, bob, carol):
    status = masto(alice).post("/api/v1/statuses", {
        "status": "Where should we meet?", "poll": {"options": ["Paris", "Lyon", "Lille"],
                                                    "expires_in": 3600, "multiple": True}},
        as_json=True).json()
    poll = status["poll"]
    assert [o["title"] for o in poll["options"]] == ["Paris", "Lyon", "Lille"]
    assert poll["multiple"] is True and poll["expires_at"]
    voted = masto(bob).post(f"/api/v1/polls/{poll['id']}/votes", {"choices[]": ["0", "2"]})
    assert voted.json()["own_votes"] == [0, 2] and voted.json()["voters_count"] == 1
    twice = masto(bob).post(f"/api/v1/polls/{poll['id']}/votes", {"choices[]": ["1"]})
    assert twice.status_code == 422
    seen = masto(carol).get(f"/api/v1/polls/{poll['id']}").json()
    assert [o["votes_count"] for o in seen["options"]] == [1, 0, 1] and seen["voted"] is False


def test_it_accepts_poll_fields_from_a_form(masto, alice):
    status = masto(alice).post("/api/v1/statuses", {
        "status": "Lunch?", "poll[options][]": ["Yes", "No"], "poll[expires_in]": "600"}).json()
    assert [o["title"] for o in status["poll"]["options"]] == ["Yes", "No"]
    refused = masto(alice).post("/api/v1/statuses", {
        "status": "Bad", "poll[options][]": ["Only one"], "poll[expires_in]": "600"})
    assert refused.status_code == 422


def test_it_hides_a_poll_whose_post_is_hidden(masto, alice, guest):
    post = do_create_post(alice, "Internal poll")
    from essaim.polls.actions import do_create_poll

    poll = do_create_poll(alice, post, ["A", "B"], 3600)
    assert masto(guest).get(f"/api/v1/polls/{poll.id}").status_code == 404
    assert masto(guest).post(f"/api/v1/polls/{poll.id}/votes", {"choices[]": ["0"]}
                             ).status_code == 404


def test_a_status_may_be_images_alone_but_a_poll_needs_its_question(masto, alice, bob):
    from essaim.graph.actions import do_follow

    do_follow(bob, alice)
    client = masto(alice)
    media = client.post("/api/v2/media", {"file": _image()}).json()
    posted = client.post("/api/v1/statuses", {"media_ids[]": [media["id"]]})
    assert posted.status_code == 200
    assert [m["id"] for m in posted.json()["media_attachments"]] == [media["id"]]
    home = masto(bob).get("/api/v1/timelines/home").json()
    assert home[0]["id"] == posted.json()["id"] and home[0]["media_attachments"]
    assert client.post("/api/v1/statuses", {}).status_code == 422
    poll = client.post("/api/v1/statuses", {"poll[options][]": ["Yes", "No"],
                                            "poll[expires_in]": 3600})
    assert poll.status_code == 422 and "question" in poll.json()["error"]


def test_an_image_only_post_shows_in_the_web_timeline(masto, alice, bob, client):
    from essaim.graph.actions import do_follow

    do_follow(bob, alice)
    media = masto(alice).post("/api/v2/media", {"file": _image(),
                                                "description": "Team photo"}).json()
    masto(alice).post("/api/v1/statuses", {"media_ids[]": [media["id"]]})
    client.force_login(bob)
    page = client.get("/")
    assert page.status_code == 200 and b"Team photo" in page.content
