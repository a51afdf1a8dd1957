"""The hourly job turns posts and likes into counts: once per post, pair and kind; twice = once."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from essaim.cli import main
from essaim.insight.fill import fill
from essaim.insight.models import Activity, FillCheckpoint, Interaction
from essaim.posts.actions import do_create_post, do_like, do_relay


def _counts():
    return {(i.source.username, i.target.username, i.kind): i.count
            for i in Interaction.objects.select_related("source", "target")}


def test_replies_mentions_relays_quotes_and_likes_are_counted_once_per_post(alice, bob, carol):
    post = do_create_post(alice, "Launch day")
    do_create_post(bob, "@alice @alice congratulations", in_reply_to=post.id)
    do_relay(carol, post.id)
    do_create_post(carol, "Worth reading", quote_of=post.id)
    do_like(bob, post.id)
    do_create_post(alice, "Talking to myself", in_reply_to=post.id)
    fill()
    assert _counts() == {("bob", "alice", "reply"): 1, ("bob", "alice", "mention"): 1,
                         ("carol", "alice", "relay"): 1, ("carol", "alice", "quote"): 1,
                         ("bob", "alice", "like"): 1}
    assert Activity.objects.get(user=alice).posts == 1


def test_running_the_job_twice_gives_the_same_tables_and_it_resumes_from_its_checkpoint(
        alice, bob):
    yesterday = timezone.now() - timedelta(days=1)
    post = do_create_post(alice, "Hello", created_at=yesterday)
    do_like(bob, post.id)
    fill()
    first = _counts()
    fill()
    assert _counts() == first
    assert FillCheckpoint.objects.get().filled_through is not None
    do_create_post(bob, "@alice hi", in_reply_to=post.id)
    report = fill()
    assert report["days"] == 1  # only today: yesterday is final
    assert _counts()[("bob", "alice", "reply")] == 1


def test_the_command_computes_and_exports_headers_for_an_empty_company(db, tmp_path, capsys):
    assert main(["insight", "compute"]) == 0
    assert main(["insight", "export", "--csv", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "headers only" in out
    assert (tmp_path / "departments.csv").read_text().strip() == \
        "department,members,internal,external,ei_index"
    assert (tmp_path / "adoption_week.csv").read_text().startswith("period,contributors")


def test_the_export_refuses_a_window_out_of_range(db, tmp_path, capsys):
    assert main(["insight", "export", "--csv", str(tmp_path), "--days", "3"]) == 2
    assert "7" in capsys.readouterr().out
