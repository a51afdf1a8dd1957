"""Importing a Viva Engage network data export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model

from essaim.cli import main
from essaim.communities.models import Community, Membership, SharedFile
from essaim.importers import viva_engage
from essaim.importers.viva_engage import ImportFailed, do_import_viva_engage
from essaim.posts.models import Post, Visibility

User = get_user_model()
NOW = datetime.now(UTC).replace(microsecond=0)

USERS = [
    ["id", "name", "email", "job_title", "location", "department", "state", "suspended_at",
     "guest"],
    ["1", "Alice Martin", "alice.martin@acme.com", "Engineer", "Lyon", "R&D", "active", "", ""],
    ["2", "Bob Durand", "bob@acme.com", "Sales rep", "Paris", "Sales", "active", "", ""],
    ["3", "Carl Gone", "carl@acme.com", "", "", "Sales", "suspended", "2024-01-01", ""],
    ["4", "Gail Guest", "gail@partner.org", "", "", "", "active", "", ""],
    ["5", "Bob Other", "bob@acme.fr", "", "", "R&D", "active", "", ""],
    ["6", "Flagged Guest", "fg@acme.com", "", "", "", "active", "", "true"],
]
GROUPS = [["id", "name", "description", "private", "deleted"],
          ["10", "Hydrogen club", "All about H2", "false", "false"],
          ["11", "Board room", "", "true", "false"],
          ["12", "Old group", "", "false", "true"]]
MESSAGES = [
    ["id", "replied_to_id", "thread_id", "group_id", "participants", "sender_id", "body",
     "attachments", "created_at", "deleted_at"],
    ["100", "", "100", "", "", "1", "Hello everyone, welcome to the network", "",
     "2024-03-01T09:00:00Z", ""],
    ["101", "100", "100", "", "", "2", "Thanks [[user:1]]!", "", "2024-03-01T09:05:00Z", ""],
    ["102", "", "102", "10", "", "1", "Green hydrogen notes", "uploadedfile:900",
     "2024-03-02T10:00:00Z", ""],
    ["103", "102", "102", "10", "", "4", "Our view on it", "", "2024-03-02T11:00:00Z", ""],
    ["104", "", "104", "11", "", "2", "Budget for next year", "", "2024-03-03T08:00:00Z", ""],
    ["105", "", "105", "", "user:1,user:2", "1", "Just between us", "",
     "2024-03-03T12:00:00Z", ""],
    ["106", "", "106", "", "", "2", "Oops, deleted", "", "2024-03-03T13:00:00Z",
     "2024-03-03T13:01:00Z"],
    ["107", "", "107", "", "", "99", "Unknown sender", "", "2024-03-03T14:00:00Z", ""],
]
FILES = [["id", "file_id", "name", "path", "group_id", "uploader_id"],
         ["900", "900", "notes.txt", "files/900.txt", "10", "1"]]


def _write(path, rows, encoding="utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


@pytest.fixture
def export(tmp_path):
    _write(tmp_path / "Users.csv", USERS)
    _write(tmp_path / "Groups.csv", GROUPS)
    _write(tmp_path / "Messages.csv", MESSAGES)
    _write(tmp_path / "Files.csv", FILES)
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "900.txt").write_text("electrolyser sizing notes\n")
    return tmp_path


def _run(export, **kwargs):
    kwargs.setdefault("company_domains", ["acme.com"])
    return do_import_viva_engage(export, **kwargs)


def test_people_come_in_with_their_profile_and_state(db, export):
    report = _run(export)
    alice = User.objects.get(email="alice.martin@acme.com")
    assert (alice.username, alice.display_name, alice.job_title, alice.location,
            alice.department.name) == ("alice.martin", "Alice Martin", "Engineer", "Lyon", "R&D")
    assert not User.objects.get(email="carl@acme.com").is_active
    assert User.objects.get(email="gail@partner.org").is_guest
    assert User.objects.get(email="fg@acme.com").is_guest
    other_bob = User.objects.get(email="bob@acme.fr")
    assert other_bob.username == "bob-2" and other_bob.is_guest
    assert report.counts["people"] == 6 and report.counts["deactivated"] == 1


def test_groups_become_communities_with_their_posters_as_members(db, export):
    _run(export)
    club = Community.objects.get(name="Hydrogen club")
    board = Community.objects.get(name="Board room")
    assert club.kind == Community.Kind.EXTERNAL  # a guest posted there
    assert board.kind == Community.Kind.CLOSED
    assert not Community.objects.filter(name="Old group").exists()
    assert set(Membership.objects.filter(community=club).values_list(
        "user__username", flat=True)) == {"alice.martin", "gail"}


def test_messages_keep_their_dates_threads_places_and_mentions(db, export):
    report = _run(export)
    welcome = Post.objects.get(text="Hello everyone, welcome to the network")
    assert welcome.created_at == datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    assert welcome.visibility == Visibility.COMPANY and welcome.community_id is None
    thanks = Post.objects.get(in_reply_to=welcome)
    assert thanks.text == "Thanks @alice.martin!"
    assert list(thanks.mentions.values_list("username", flat=True)) == ["alice.martin"]
    reply = Post.objects.get(text="Our view on it")
    assert reply.community.name == "Hydrogen club" and reply.thread_root.text == \
        "Green hydrogen notes"
    private = Post.objects.get(text__endswith="Just between us")
    assert private.visibility == Visibility.DIRECT
    assert set(private.mentions.values_list("username", flat=True)) == {"bob"}
    assert not Post.objects.filter(text__contains="deleted").exists()
    assert ("Messages.csv", 9, "its sender 99 is not in Users.csv") in report.skipped
    assert report.counts["deleted messages"] == 1


def test_attachments_come_in_as_community_files_on_their_post(db, export):
    _run(export)
    shared = SharedFile.objects.get(name="notes.txt")
    assert shared.community.name == "Hydrogen club"
    assert shared.versions.get().size == len("electrolyser sizing notes\n")
    assert list(shared.posts.values_list("text", flat=True)) == ["Green hydrogen notes"]


def test_running_it_twice_changes_nothing(db, export):
    _run(export)
    counts = (User.objects.count(), Community.objects.count(), Post.objects.count(),
              SharedFile.objects.count(), Membership.objects.count())
    again = _run(export)
    assert (User.objects.count(), Community.objects.count(), Post.objects.count(),
            SharedFile.objects.count(), Membership.objects.count()) == counts
    assert again.counts["posts"] == 0 and again.counts["people"] == 0


def test_an_interrupted_run_resumes_without_doubles(db, export, monkeypatch):
    monkeypatch.setattr(viva_engage, "BATCH", 2)
    real = viva_engage.do_import_posts
    calls = {"n": 0}

    def flaky(rows):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(rows)

    monkeypatch.setattr(viva_engage, "do_import_posts", flaky)
    with pytest.raises(KeyboardInterrupt):
        _run(export)
    assert Post.objects.count() == 2
    monkeypatch.setattr(viva_engage, "do_import_posts", real)
    _run(export)
    assert Post.objects.count() == 6
    assert Post.objects.filter(text="Thanks @alice.martin!").count() == 1


def test_recent_imported_posts_count_in_trends(db, export):
    rows = [r[:] for r in MESSAGES]
    recent = (NOW - timedelta(hours=3)).isoformat()
    rows.append(["108", "", "108", "", "", "1", "The #Kestrel launch is today", "", recent, ""])
    _write(export / "Messages.csv", rows)
    _run(export)
    from essaim.trends.models import TermUse

    assert TermUse.objects.filter(kind="tag", key="kestrel").count() == 1


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    _write(tmp_path / "Users.csv", USERS)
    with pytest.raises(ImportFailed, match="Messages.csv is missing"):
        _run(tmp_path)


def test_missing_columns_are_named(db, export):
    _write(export / "Messages.csv", [["id", "text"], ["1", "hello"]])
    with pytest.raises(ImportFailed, match="created_at, sender_id"):
        _run(export)


def test_unknown_columns_are_reported_and_ignored(db, export):
    rows = [[*r, "x"] for r in MESSAGES]
    rows[0][-1] = "mood"
    _write(export / "Messages.csv", rows)
    report = _run(export)
    assert any("mood" in w for w in report.warnings)
    assert report.counts["posts"] == 6


def test_a_broken_row_is_skipped_with_its_row_number_and_the_rest_imported(db, export):
    rows = [r[:] for r in MESSAGES]
    rows[2] = rows[2][:4]  # message 101 lost its fields
    rows[3][8] = "yesterday"
    _write(export / "Messages.csv", rows)
    report = _run(export)
    assert ("Messages.csv", 3, "4 fields instead of 10") in report.skipped
    assert ("Messages.csv", 4, "created_at 'yesterday' is not a date") in report.skipped
    assert Post.objects.filter(text="Hello everyone, welcome to the network").exists()


def test_a_bom_is_understood_in_utf8_and_utf16(db, export):
    _write(export / "Users.csv", USERS, encoding="utf-8-sig")
    _write(export / "Messages.csv", MESSAGES, encoding="utf-16")
    report = _run(export)
    assert report.counts["people"] == 6 and report.counts["posts"] == 6


def test_a_row_that_is_not_utf8_is_skipped_with_its_row_number(db, export):
    data = (export / "Messages.csv").read_bytes().replace(b"Budget for", b"Budg\xe9t for")
    (export / "Messages.csv").write_bytes(data)
    report = _run(export)
    assert ("Messages.csv", 6, "not valid UTF-8 text") in report.skipped
    assert report.counts["posts"] == 5


def test_the_command_prints_a_report_and_fails_cleanly_on_bad_input(db, export, capsys,
                                                                    tmp_path_factory):
    assert main(["import", "viva-engage", str(export), "--company-domain", "acme.com",
                 "-q"]) == 0
    out = capsys.readouterr().out
    assert "  posts: 6" in out and "skipped Messages.csv row 9" in out
    empty = tmp_path_factory.mktemp("empty")
    assert main(["import", "viva-engage", str(empty)]) == 1
    assert "Users.csv is missing" in capsys.readouterr().err
