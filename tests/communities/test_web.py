"""The community pages in the browser's terms: what a member, an outsider and a guest get."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from essaim.communities import actions
from essaim.communities.models import Community, SharedFile, Task
from essaim.posts.actions import do_create_post

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def url(name, *args):
    return reverse(f"web:{name}", args=args)


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 90)).save(out, format="PNG")
    return out.getvalue()


def test_an_employee_creates_a_call_for_tenders_from_its_template(as_user, alice):
    client = as_user(alice)
    assert client.get(url("community_create")).status_code == 200
    deadline = (timezone.now() + timedelta(days=20)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(url("community_create"), {
        "name": "Tender Metro Lyon", "template": "tender", "kind": "", "deadline": deadline,
        "description": "Answer by the 30th", "tags": "tender, transport"})
    community = Community.objects.get()
    assert response.status_code == 302 and response.url == url("community", community.slug)
    page = client.get(response.url).content.decode()
    assert "Tender Metro Lyon" in page and "Call for tenders" in page
    for tab in ("community_files", "community_tasks", "community_ideas", "community_links",
                "community_events", "community_questions", "community_members",
                "community_settings"):
        assert client.get(url(tab, community.slug)).status_code == 200, tab
    assert "Bid documents" in client.get(url("community_files", community.slug)).content.decode()


def test_a_bad_creation_form_gets_a_message_not_an_error_page(as_user, alice):
    response = as_user(alice).post(url("community_create"), {"name": "", "template": "x"})
    assert response.status_code == 422
    assert not Community.objects.exists()


def test_members_post_from_the_community_page_with_a_question_and_a_poll(
        make_community, as_user, alice, bob):
    community = make_community(alice, members=[bob])
    client = as_user(bob)
    response = client.post(url("community_compose", community.slug), {
        "text": "Which date for the kick-off?", "question": "1",
        "poll_options": "Monday\nTuesday", "poll_expires_in": "86400"})
    assert response.status_code == 302
    post = community.posts.get()
    assert post.visibility == "community" and post.poll.options.count() == 2
    assert hasattr(post, "question")
    page = client.get(url("community", community.slug)).content.decode()
    assert "Which date for the kick-off?" in page and "Tuesday" in page
    client.post(url("community_poll_vote", community.slug, post.poll.id), {"choice": "1"})
    post.poll.refresh_from_db()
    assert post.poll.votes_count == 1


def test_a_poll_with_one_option_is_refused_and_no_post_is_left_behind(make_community, as_user,
                                                                      alice):
    community = make_community(alice)
    response = as_user(alice).post(url("community_compose", community.slug), {
        "text": "Half a poll", "poll_options": "Only one", "poll_expires_in": "86400"})
    assert response.status_code == 302
    assert not community.posts.exists()


def test_an_outsider_sees_an_open_community_but_not_its_content(make_community, as_user,
                                                                alice, carol):
    community = make_community(alice)
    do_create_post(alice, "Members only talk", community=community)
    client = as_user(carol)
    page = client.get(url("community", community.slug))
    assert page.status_code == 200
    assert "Members only talk" not in page.content.decode()
    assert "Join" in page.content.decode()
    assert client.get(url("community_files", community.slug)).status_code == 403
    client.post(url("community_join", community.slug))
    assert "Members only talk" in client.get(url("community", community.slug)).content.decode()


def test_a_secret_community_is_a_404_for_outsiders_and_missing_from_the_list(
        make_community, as_user, alice, carol):
    community = make_community(alice, "Project Nightingale", kind="secret")
    client = as_user(carol)
    assert client.get(url("community", community.slug)).status_code == 404
    assert client.post(url("community_join", community.slug)).status_code in (302, 404)
    assert not community.memberships.filter(user=carol).exists()
    listing = client.get(url("communities") + "?q=Nightingale").content.decode()
    assert "Project Nightingale" not in listing and community.slug not in listing


def test_files_are_downloaded_through_a_checked_view_and_counted(make_community, as_user,
                                                                 alice, bob, carol):
    community = make_community(alice, members=[bob])
    client = as_user(bob)
    response = client.post(url("community_upload", community.slug),
                           {"file": SimpleUploadedFile("offer.pdf", PDF)})
    assert response.status_code == 302
    shared = SharedFile.objects.get()
    download = client.get(url("community_download", community.slug, shared.id))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]
    shared.refresh_from_db()
    assert shared.download_count == 1
    outsider = as_user(carol)
    assert outsider.get(url("community_download", community.slug, shared.id)).status_code == 404
    shared.refresh_from_db()
    assert shared.download_count == 1


def test_a_disguised_upload_gets_a_message(make_community, as_user, alice):
    community = make_community(alice)
    response = as_user(alice).post(url("community_upload", community.slug),
                                   {"file": SimpleUploadedFile("offer.pdf", png())},
                                   follow=True)
    assert "does not match its name" in response.content.decode()
    assert not SharedFile.objects.exists()


def test_image_files_show_a_thumbnail(make_community, as_user, alice):
    community = make_community(alice)
    client = as_user(alice)
    client.post(url("community_upload", community.slug),
                {"file": SimpleUploadedFile("site.png", png())})
    shared = SharedFile.objects.get()
    thumb = client.get(url("community_thumbnail", community.slug, shared.id))
    assert thumb.status_code == 200 and thumb["Content-Type"] == "image/png"


def test_ideas_are_submitted_and_voted_once_from_the_page(make_community, as_user, alice,
                                                          bob):
    community = make_community(alice, members=[bob])
    client = as_user(bob)
    client.post(url("community_ideas", community.slug), {"title": "Shuttle from the station"})
    idea = community.ideas.get()
    client.post(url("community_idea_action", community.slug, idea.id, "vote"), {"on": "1"})
    second = client.post(url("community_idea_action", community.slug, idea.id, "vote"),
                         {"on": "1"}, follow=True)
    assert "already voted" in second.content.decode()
    idea.refresh_from_db()
    assert idea.votes_count == 1
    assert "Shuttle from the station" in client.get(
        url("community_ideas", community.slug)).content.decode()


def test_tasks_added_from_the_page_refuse_non_members_as_assignees(make_community, as_user,
                                                                   alice, bob, carol):
    community = make_community(alice, template="tender", members=[bob])
    task_list = community.task_lists.get()
    client = as_user(alice)
    refused = client.post(url("community_tasks", community.slug), {
        "task_list": task_list.id, "title": "Legal review", "assignee": "carol"}, follow=True)
    assert "not one" in refused.content.decode()
    client.post(url("community_tasks", community.slug), {
        "task_list": task_list.id, "title": "Legal review", "assignee": "bob"})
    task = Task.objects.get()
    assert task.assignee == bob
    mine = as_user(bob).get(url("my_tasks")).content.decode()
    assert "Legal review" in mine


def test_an_event_exports_to_ics_and_refuses_rsvps_once_over(make_community, as_user, alice):
    community = make_community(alice)
    starts = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    client = as_user(alice)
    client.post(url("community_events", community.slug), {
        "title": "Summer party", "starts_at": starts, "timezone": "Europe/Paris",
        "place": "Rooftop"})
    event = community.events.get()
    ics = client.get(url("community_event_ics", community.slug, event.id))
    body = ics.content.decode()
    assert ics["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in body and "SUMMARY:Summer party" in body
    client.post(url("community_event_action", community.slug, event.id, "rsvp"),
                {"answer": "going"})
    assert event.rsvps.get().answer == "going"
    event.starts_at = timezone.now() - timedelta(days=1)
    event.save()
    late = client.post(url("community_event_action", community.slug, event.id, "rsvp"),
                       {"answer": "no"}, follow=True)
    assert "over" in late.content.decode()
    assert event.rsvps.get().answer == "going"


def test_an_invitation_link_creates_the_guest_and_shows_them_only_their_community(
        make_community, client, alice):
    external = make_community(alice, "Client Horizon", kind="external")
    make_community(alice, "Internal only")
    client.force_login(alice)
    client.post(url("community_invite", external.slug),
                {"who": "jordan@horizon.example", "organisation": "Horizon"})
    invitation = external.invitations.get()
    client.logout()
    page = client.get(url("community_invitation", invitation.token))
    assert page.status_code == 200 and "Client Horizon" in page.content.decode()
    response = client.post(url("community_invitation", invitation.token), {
        "username": "jordan", "name": "Jordan", "password": "a long enough password"})
    assert response.status_code == 302 and response.url == url("community", external.slug)
    listing = client.get(url("communities")).content.decode()
    assert "Client Horizon" in listing and "Internal only" not in listing
    assert client.get(url("company")).status_code == 403
    assert client.get(url("directory")).status_code == 403


def test_animators_approve_requests_from_the_members_page(make_community, as_user, alice,
                                                          bob):
    community = make_community(alice, kind="closed")
    as_user(bob).post(url("community_join", community.slug))
    client = as_user(alice)
    assert "bob" in client.get(url("community_members", community.slug)).content.decode()
    client.post(url("community_member_action", community.slug, "bob", "approve"))
    assert community.memberships.filter(user=bob).exists()


def test_community_notifications_link_to_the_community(make_community, as_user, alice, bob):
    community = make_community(alice, kind="closed")
    actions.do_invite_account(alice, community, bob)
    page = as_user(bob).get(url("notifications")).content.decode()
    assert "invited you to a community" in page
    assert url("community", community.slug) in page


def test_a_post_attaches_community_files_that_only_members_can_open(make_community, as_user,
                                                                   alice, bob, carol):
    community = make_community(alice, members=[bob])
    shared = actions.do_upload_file(alice, community, SimpleUploadedFile("plan.pdf", PDF))
    client = as_user(bob)
    client.post(url("community_compose", community.slug),
                {"text": "Here is the plan", "files": [shared.id]})
    post = community.posts.get()
    assert list(post.community_files.all()) == [shared]
    page = client.get(url("community", community.slug)).content.decode()
    assert url("community_download", community.slug, shared.id) in page
    other = make_community(carol, "Elsewhere")
    foreign = actions.do_upload_file(carol, other, SimpleUploadedFile("x.pdf", PDF))
    client.post(url("community_compose", community.slug),
                {"text": "Sneaky", "files": [foreign.id]})
    assert community.posts.count() == 1  # refused as a whole: nothing half-written


def test_the_asker_accepts_an_answer_from_the_question_page(make_community, as_user, alice,
                                                            bob):
    community = make_community(alice, members=[bob])
    asked = actions.do_post_in_community(bob, community, "Who knows SAP?", question=True)
    alice_client = as_user(alice)
    alice_client.post(url("community_compose", community.slug),
                      {"text": "Ask Sofia in Finance", "in_reply_to": asked.id})
    answer = community.posts.exclude(pk=asked.pk).get()
    assert answer.in_reply_to_id == asked.id
    page = as_user(bob).get(url("community_question", community.slug, asked.id))
    assert "Ask Sofia in Finance" in page.content.decode()
    assert "Accept this answer" in page.content.decode()
    as_user(bob).post(url("community_post_action", community.slug, answer.id, "accept"))
    asked.question.refresh_from_db()
    assert asked.question.accepted_answer == answer


def test_replying_from_the_thread_page_keeps_the_answer_in_the_community(make_community,
                                                                        as_user, alice, bob):
    community = make_community(alice, members=[bob])
    post = do_create_post(alice, "Thoughts?", community=community)
    as_user(bob).post(url("compose"), {"text": "Yes!", "in_reply_to": post.id,
                                       "visibility": "company", "reply_policy": "everyone"})
    reply = community.posts.exclude(pk=post.pk).get()
    assert reply.visibility == "community"
