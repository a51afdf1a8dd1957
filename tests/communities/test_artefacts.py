"""Files, links, ideas, tasks and events: the rules a member notices, and bad input refused."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from essaim.communities import actions
from essaim.communities import queries as community_queries
from essaim.communities.models import FileVersion, SharedFile
from essaim.communities.storage import private_storage
from essaim.core.errors import PermissionDenied, ValidationFailed
from essaim.notifications.models import Notification

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def png_bytes(size=(800, 600)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.fixture
def team(make_community, alice, bob):
    return make_community(alice, "Tender ACME", kind="closed", template="tender", members=[bob])


def test_an_uploaded_file_is_typed_by_its_content_and_stored_privately(team, bob):
    shared = actions.do_upload_file(bob, team, upload("offer.pdf", PDF))
    assert shared.content_type == "application/pdf"
    version = shared.versions.get()
    assert version.size == len(PDF)
    assert private_storage().exists(version.blob.name)
    with pytest.raises(ValueError):  # no public address for community files
        version.blob.url  # noqa: B018
    assert not version.blob.path.startswith(str(django_settings.MEDIA_ROOT))


def test_a_disguised_file_is_refused_and_nothing_is_written(team, bob):
    with pytest.raises(ValidationFailed, match="does not match its name"):
        actions.do_upload_file(bob, team, upload("report.pdf", png_bytes()))
    with pytest.raises(ValidationFailed, match="executable"):
        actions.do_upload_file(bob, team, upload("tool.pdf", b"MZ" + b"\x90" * 200))
    with pytest.raises(ValidationFailed, match="recognise"):
        actions.do_upload_file(bob, team, upload("notes.txt", b"\x00\x01\x02binary"))
    assert not SharedFile.objects.exists() and not FileVersion.objects.exists()


def test_plain_text_files_are_accepted_by_their_extension_when_their_bytes_are_text(team, bob):
    shared = actions.do_upload_file(bob, team, upload("minutes.csv", "a;b\né;ü\n".encode()))
    assert shared.content_type == "text/csv"


def test_uploads_over_the_size_limit_are_refused(team, bob, settings):
    settings.ESSAIM_UPLOAD_MAX_BYTES = 20
    with pytest.raises(ValidationFailed, match="too large"):
        actions.do_upload_file(bob, team, upload("offer.pdf", PDF))
    assert not SharedFile.objects.exists()


def test_uploading_a_file_of_the_same_name_keeps_the_previous_version(team, alice, bob):
    folder = team.folders.get()
    first = actions.do_upload_file(bob, team, upload("offer.pdf", PDF), folder=folder)
    second = actions.do_upload_file(alice, team, upload("Offer.pdf", PDF + b"v2"),
                                    folder=folder)
    assert first.pk == second.pk
    second.refresh_from_db()
    assert second.versions_count == 2
    assert [v.number for v in second.versions.all()] == [2, 1]
    with pytest.raises(ValidationFailed):  # a new version must be the same kind of file
        actions.do_upload_version(bob, second, upload("x.png", png_bytes()))


def test_images_get_a_thumbnail(team, bob):
    shared = actions.do_upload_file(bob, team, upload("site.png", png_bytes()))
    version = shared.versions.get()
    assert version.thumbnail.name
    with private_storage().open(version.thumbnail.name) as fh:
        assert max(Image.open(fh).size) <= 320


def test_downloads_are_counted(team, bob):
    shared = actions.do_upload_file(bob, team, upload("offer.pdf", PDF))
    actions.do_record_download(bob, shared, shared.versions.get())
    shared.refresh_from_db()
    assert shared.download_count == 1


def test_non_members_cannot_upload(team, carol):
    with pytest.raises(PermissionDenied):
        actions.do_upload_file(carol, team, upload("offer.pdf", PDF))


def test_links_take_only_web_addresses(team, bob):
    link = actions.do_add_link(bob, team, "https://example.com/rfp", tags="rfp, Public sector")
    assert link.title == "example.com" and link.tag_list() == ["rfp", "public sector"]
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "not a url"):
        with pytest.raises(ValidationFailed):
            actions.do_add_link(bob, team, bad)


def test_each_member_votes_once_for_an_idea(team, alice, bob):
    idea = actions.do_submit_idea(bob, team, "Partner with a local integrator")
    actions.do_vote_idea(alice, idea)
    with pytest.raises(ValidationFailed, match="already voted"):
        actions.do_vote_idea(alice, idea)
    idea.refresh_from_db()
    assert idea.votes_count == 1
    actions.do_unvote_idea(alice, idea)
    idea.refresh_from_db()
    assert idea.votes_count == 0


def test_ideas_sort_by_votes_or_recency(team, alice, bob):
    older = actions.do_submit_idea(bob, team, "Older idea")
    newer = actions.do_submit_idea(bob, team, "Newer idea")
    actions.do_vote_idea(alice, older)
    assert list(community_queries.ideas(alice, team)) == [older, newer]
    assert list(community_queries.ideas(alice, team, sort="recent")) == [newer, older]


def test_an_idea_relayed_for_someone_credits_both_and_connectors_are_recorded(team, alice,
                                                                            bob, carol):
    idea = actions.do_submit_idea(alice, team, "Bundle support", author=bob,
                                  origin="Customer workshop")
    assert idea.author == bob and idea.submitted_by == alice
    assert [(c.user, c.kind) for c in idea.credits.all()] == [(alice, "relayed")]
    actions.do_credit_idea(bob, idea, alice, "Brought in the support team")
    assert {(c.user_id, c.kind) for c in idea.credits.all()} == {
        (alice.id, "relayed"), (alice.id, "connected")}
    with pytest.raises(ValidationFailed):
        actions.do_credit_idea(bob, idea, carol)  # not a member


def test_animators_move_ideas_through_their_workflow(team, alice, bob):
    idea = actions.do_submit_idea(bob, team, "Shorter bids")
    with pytest.raises(PermissionDenied):
        actions.do_set_idea_status(bob, idea, "review")
    with pytest.raises(ValidationFailed):
        actions.do_set_idea_status(alice, idea, "done")  # not before being accepted
    for status in ("review", "accepted", "done"):
        actions.do_set_idea_status(alice, idea, status)
    assert idea.status == "done"
    actions.do_comment_idea(bob, idea, "Thanks!")
    idea.refresh_from_db()
    assert idea.comments_count == 1


def test_tasks_are_assigned_to_members_only_and_the_assignee_is_notified(team, alice, bob,
                                                                         carol):
    task_list = team.task_lists.get()
    with pytest.raises(ValidationFailed, match="member"):
        actions.do_create_task(alice, task_list, "Price the offer", assignee=carol)
    task = actions.do_create_task(alice, task_list, "Price the offer", assignee=bob,
                                  due_date=date.today() + timedelta(days=5))
    notice = Notification.objects.get(recipient=bob, kind="task")
    assert notice.subject == "Price the offer" and notice.community == team
    assert list(community_queries.my_tasks(bob)) == [task]
    actions.do_set_task_status(bob, task, "done")
    assert task.done_at is not None
    assert list(community_queries.my_tasks(bob)) == []


def test_assignees_are_reminded_once_when_a_task_falls_due(team, alice, bob):
    task_list = team.task_lists.get()
    actions.do_create_task(alice, task_list, "Send the bid", assignee=bob,
                           due_date=timezone.localdate() + timedelta(days=1))
    assert actions.do_remind_due_tasks() == 1
    assert actions.do_remind_due_tasks() == 0
    assert Notification.objects.filter(recipient=bob, kind="task_due").count() == 1


def test_my_tasks_leave_out_communities_one_has_left(team, alice, bob):
    task = actions.do_create_task(alice, team.task_lists.get(), "Review", assignee=bob)
    assert list(community_queries.my_tasks(bob)) == [task]
    actions.do_leave(bob, team)
    assert list(community_queries.my_tasks(bob)) == []


def test_events_keep_their_timezone_and_take_rsvps_until_they_are_over(team, alice, bob):
    start = (timezone.now() + timedelta(days=7)).replace(tzinfo=None, microsecond=0)
    event = actions.do_create_event(alice, team, "Bid review", start, tz="Europe/Paris",
                                    place="Lyon, room 4")
    assert event.starts_at.utcoffset() is not None
    paris = event.starts_at.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Paris"))
    assert paris.replace(tzinfo=None) == start
    assert actions.do_rsvp(bob, event, "going").answer == "going"
    assert actions.do_rsvp(bob, event, "maybe").answer == "maybe"
    assert event.rsvps.count() == 1
    with pytest.raises(ValidationFailed):
        actions.do_rsvp(bob, event, "perhaps")
    event.starts_at = timezone.now() - timedelta(hours=2)
    event.save()
    with pytest.raises(ValidationFailed, match="over"):
        actions.do_rsvp(bob, event, "going")


def test_events_must_start_in_the_future_in_a_known_timezone(team, alice):
    with pytest.raises(ValidationFailed):
        actions.do_create_event(alice, team, "Past", datetime(2020, 1, 1, 10, 0))
    with pytest.raises(ValidationFailed):
        actions.do_create_event(alice, team, "Where?", timezone.now() + timedelta(days=1),
                                tz="Mars/Olympus")
