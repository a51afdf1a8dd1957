"""Request bodies as clients send them: form, multipart and JSON, on every method."""

from __future__ import annotations

import json

import pytest
from django.test import RequestFactory
from django.test.client import MULTIPART_CONTENT
from django.utils.datastructures import MultiValueDict

from essaim.core.errors import ValidationFailed
from essaim.mastodon_api.params import parse

factory = RequestFactory()


def _form(method: str, body: str):
    return parse(getattr(factory, method)("/x", body,
                                          content_type="application/x-www-form-urlencoded"))


def test_it_reads_arrays_with_or_without_brackets():
    assert _form("post", "id[]=1&id[]=2").getlist("id") == ["1", "2"]
    assert _form("post", "id=1&id=2").getlist("id") == ["1", "2"]
    assert _form("post", "id=7").getlist("id") == ["7"]
    assert parse(factory.get("/x?types[]=mention&types[]=follow")).getlist("types") == [
        "mention", "follow"]


def test_it_nests_rails_style_keys_like_json():
    form = _form("post", "poll[options][]=a&poll[options][]=b&poll[expires_in]=300"
                         "&source[privacy]=private")
    as_json = parse(factory.post("/x", json.dumps({"poll": {"options": ["a", "b"],
                                                            "expires_in": 300}}),
                                 content_type="application/json"))
    for params in (form, as_json):
        assert params.dict("poll").getlist("options") == ["a", "b"]
        assert params.dict("poll").int("expires_in") == 300
    assert form.dict("source").get("privacy") == "private"
    indexed = _form("post", "poll[options][0]=x&poll[options][1]=y")
    assert indexed.dict("poll").getlist("options") == ["x", "y"]


@pytest.mark.parametrize(("raw", "expected"), [
    ("1", True), ("0", False), ("true", True), ("false", False), ("True", True),
    ("False", False), ("on", True), ("", False),
])
def test_it_reads_booleans_the_way_clients_write_them(raw, expected):
    assert _form("post", f"sensitive={raw}").bool("sensitive") is expected


def test_it_reads_json_booleans_and_defaults():
    params = parse(factory.post("/x", json.dumps({"sensitive": True}),
                                content_type="application/json; charset=utf-8"))
    assert params.bool("sensitive") is True and params.bool("missing", default=True) is True


def test_it_reads_bodies_of_put_patch_and_delete():
    assert _form("put", "title=New").get("title") == "New"
    assert _form("delete", "account_ids[]=3").getlist("account_ids") == ["3"]
    patched = parse(factory.patch("/x", json.dumps({"note": "hi"}),
                                  content_type="application/json"))
    assert patched.get("note") == "hi"


def test_it_reads_multipart_with_files_on_patch():
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test.client import encode_multipart

    upload = SimpleUploadedFile("a.txt", b"hello")
    body = encode_multipart("XyZ", {"display_name": "Ann", "avatar": upload})
    params = parse(factory.patch("/x", body, content_type="multipart/form-data; boundary=XyZ"))
    assert params.get("display_name") == "Ann" and params.file("avatar").read() == b"hello"
    posted = parse(factory.post("/x", {"file": SimpleUploadedFile("b.txt", b"x")},
                                content_type=MULTIPART_CONTENT))
    assert isinstance(posted.files, MultiValueDict) and posted.file("file") is not None


def test_it_refuses_broken_json_and_bad_numbers():
    with pytest.raises(ValidationFailed):
        parse(factory.post("/x", "{not json", content_type="application/json"))
    with pytest.raises(ValidationFailed):
        parse(factory.post("/x", "[1, 2]", content_type="application/json"))
    with pytest.raises(ValidationFailed):
        _form("post", "limit=ten").int("limit")


def test_it_answers_422_for_a_broken_json_body(masto, alice):
    response = masto(alice).client.post("/api/v1/statuses", "{oops",
                                        content_type="application/json")
    assert response.status_code == 422 and "JSON" in response.json()["error"]
