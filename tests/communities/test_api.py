"""The native API for communities: the same rules as the web UI, JSON errors, OpenAPI."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from essaim.communities.models import Community

API = "/api/essaim/v1/communities"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def send(client, url, data=None, method="post"):
    return getattr(client, method)(url, data=json.dumps(data or {}),
                                   content_type="application/json")


def test_an_employee_creates_a_community_invites_and_a_colleague_accepts(as_user, alice, bob):
    client = as_user(alice)
    created = send(client, API, {"name": "Tender Metro", "template": "tender",
                                 "tags": ["tender"]})
    assert created.status_code == 201
    body = created.json()
    assert (body["kind"], body["role"], body["template"]) == ("closed", "owner", "tender")
    slug = body["slug"]
    invited = send(client, f"{API}/{slug}/invitations", {"username": "bob"})
    assert invited.status_code == 201
    bob_client = as_user(bob)
    mine = bob_client.get(f"{API}/invitations").json()
    assert [i["community"] for i in mine] == [slug]
    accepted = bob_client.post(f"{API}/invitations/{mine[0]['id']}/accept")
    assert accepted.status_code == 200 and accepted.json()["role"] == "member"
    members = bob_client.get(f"{API}/{slug}/members").json()
    assert {m["account"]["username"] for m in members} == {"alice", "bob"}


def test_joining_a_closed_community_is_a_request_until_approved(make_community, as_user,
                                                               alice, bob):
    community = make_community(alice, kind="closed")
    response = as_user(bob).post(f"{API}/{community.slug}/join")
    assert response.json() == {"status": "requested", "membership": None}
    assert as_user(bob).get(f"{API}/{community.slug}/posts").status_code == 403
    approved = as_user(alice).post(f"{API}/{community.slug}/requests/bob")
    assert approved.status_code == 200
    assert as_user(bob).get(f"{API}/{community.slug}/posts").status_code == 200


def test_a_secret_community_is_a_json_404_for_outsiders(make_community, as_user, alice, carol):
    community = make_community(alice, kind="secret")
    client = as_user(carol)
    for url in (f"{API}/{community.slug}", f"{API}/{community.slug}/posts",
                f"{API}/{community.slug}/files"):
        response = client.get(url)
        assert response.status_code == 404 and response.json()["error"]
    assert client.post(f"{API}/{community.slug}/join").status_code == 404
    assert community.slug not in {c["slug"] for c in client.get(API).json()}


def test_posting_with_a_poll_and_reading_the_timeline(make_community, as_user, alice, bob):
    community = make_community(alice, members=[bob])
    client = as_user(bob)
    created = send(client, f"{API}/{community.slug}/posts", {
        "text": "Lunch place?", "poll_options": ["Pizza", "Sushi"], "poll_expires_in": 3600})
    assert created.status_code == 201
    assert created.json()["visibility"] == "community"
    timeline = client.get(f"{API}/{community.slug}/posts").json()
    assert [p["text"] for p in timeline["items"]] == ["Lunch place?"]


def test_files_upload_download_and_a_disguised_upload_is_a_422(make_community, as_user,
                                                                alice, carol):
    community = make_community(alice)
    client = as_user(alice)
    uploaded = client.post(f"{API}/{community.slug}/files",
                           {"file": SimpleUploadedFile("bid.pdf", PDF)})
    assert uploaded.status_code == 201, uploaded.content
    file_id = uploaded.json()["id"]
    download = client.get(f"{API}/{community.slug}/files/{file_id}/download")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    detail = client.get(f"{API}/{community.slug}/files/{file_id}").json()
    assert detail["download_count"] == 1 and len(detail["versions"]) == 1
    bad = client.post(f"{API}/{community.slug}/files",
                      {"file": SimpleUploadedFile("bid.pdf", b"MZ" + b"\0" * 100)})
    assert bad.status_code == 422 and "executable" in bad.json()["error"]
    outsider = as_user(carol)
    assert outsider.get(f"{API}/{community.slug}/files/{file_id}/download").status_code == 404


def test_ideas_tasks_events_and_questions_through_the_api(make_community, as_user, alice,
                                                          bob, carol):
    community = make_community(alice, template="tender", members=[bob])
    client = as_user(bob)
    idea = send(client, f"{API}/{community.slug}/ideas", {"title": "Local partner"}).json()
    assert client.post(f"{API}/{community.slug}/ideas/{idea['id']}/vote").status_code == 200
    twice = client.post(f"{API}/{community.slug}/ideas/{idea['id']}/vote")
    assert twice.status_code == 422 and "already voted" in twice.json()["error"]
    lists = client.get(f"{API}/{community.slug}/tasks").json()
    refused = send(client, f"{API}/{community.slug}/tasks",
                   {"task_list_id": int(lists[0]["id"]), "title": "Pricing",
                    "assignee": "carol"})
    assert refused.status_code == 422
    task = send(client, f"{API}/{community.slug}/tasks",
                {"task_list_id": int(lists[0]["id"]), "title": "Pricing", "assignee": "bob"})
    assert task.status_code == 201
    assert [t["title"] for t in client.get(f"{API}/my-tasks").json()] == ["Pricing"]
    starts = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    event = send(client, f"{API}/{community.slug}/events",
                 {"title": "Review", "starts_at": starts.isoformat(),
                  "timezone": "Europe/Paris"}).json()
    rsvp = send(client, f"{API}/{community.slug}/events/{event['id']}/rsvp",
                {"answer": "going"})
    assert rsvp.json()["answer"] == "going"
    ics = client.get(f"{API}/{community.slug}/events/{event['id']}/ics")
    assert "BEGIN:VCALENDAR" in ics.content.decode()
    send(client, f"{API}/{community.slug}/posts", {"text": "Anyone?", "question": True})
    assert [q["text"] for q in client.get(f"{API}/{community.slug}/questions").json()] == [
        "Anyone?"]


def test_bad_input_is_a_json_4xx_and_writes_nothing(as_user, alice, guest):
    client = as_user(alice)
    assert send(client, API, {"name": ""}).status_code == 422
    assert send(client, API, {"name": "X", "kind": "public"}).status_code == 422
    assert send(client, API, {"name": ["not", "text"]}).status_code == 422
    assert send(as_user(guest), API, {"name": "Guests club"}).status_code == 403
    assert not Community.objects.exists()
    assert client.get(f"{API}/does-not-exist").status_code == 404


def test_the_openapi_document_describes_every_community_endpoint(client):
    paths = client.get("/api/essaim/v1/openapi.json").json()["paths"]
    for path in ("", "/{slug}", "/{slug}/posts", "/{slug}/members", "/{slug}/join",
                 "/{slug}/membership", "/{slug}/invitations", "/invitations", "/my-tasks",
                 "/{slug}/files", "/{slug}/files/{file_id}/download", "/{slug}/folders",
                 "/{slug}/links", "/{slug}/ideas", "/{slug}/ideas/{idea_id}/vote",
                 "/{slug}/tasks", "/{slug}/task-lists", "/{slug}/events",
                 "/{slug}/events/{event_id}/rsvp", "/{slug}/events/{event_id}/ics",
                 "/{slug}/questions", "/{slug}/pins/{post_id}", "/{slug}/requests/{username}"):
        assert f"/api/essaim/v1/communities{path}" in paths, path
