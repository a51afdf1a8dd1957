"""The toot command line client against a live Essaim."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PIL import Image

from .live import PASSWORD


class Toot:
    """One person's toot, with its own configuration directory."""

    def __init__(self, config_dir):
        self.config_dir = config_dir

    def run(self, *args: str) -> str:
        env = {"XDG_CONFIG_HOME": str(self.config_dir), "PATH": "/usr/bin:/bin",
               "HOME": str(self.config_dir), "COLUMNS": "100"}
        result = subprocess.run([sys.executable, "-m", "toot", *args], env=env,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        assert result.stderr == "", (args, result.stderr)
        return result.stdout

    def json(self, *args: str):
        return json.loads(self.run(*args, "--json"))


def _logged_in(live_essaim, tmp_path_factory, username: str) -> Toot:
    toot = Toot(tmp_path_factory.mktemp(f"toot-{username}"))
    out = toot.run("login_cli", "--instance", live_essaim.url, "--email",
                   f"{username}@example.com", "--password", PASSWORD)
    assert "Successfully logged in" in out
    return toot


@pytest.fixture(scope="module")
def carol(live_essaim, tmp_path_factory):
    return _logged_in(live_essaim, tmp_path_factory, "carol")


@pytest.fixture(scope="module")
def bob(live_essaim, tmp_path_factory):
    return _logged_in(live_essaim, tmp_path_factory, "bob")


def test_it_logs_in_and_knows_who_i_am(carol):
    assert carol.json("whoami")["username"] == "carol"
    assert "Essaim" in carol.run("instance")


def test_it_posts_follows_and_reads_the_home_timeline(carol, bob):
    posted = carol.json("post", "Hello from the command line #cli", "--visibility",
                        "unlisted")
    assert posted["visibility"] == "unlisted"
    assert bob.json("follow", "carol")["following"] is True
    home = bob.json("timelines", "home", "--limit", "5")
    assert posted["id"] in [s["id"] for s in home]


def test_it_favourites_reblogs_and_shows_notifications(carol, bob):
    posted = carol.json("post", "Lunch at noon?", "--visibility", "public")
    assert bob.json("favourite", posted["id"])["favourited"] is True
    assert bob.json("reblog", posted["id"])["reblog"]["id"] == posted["id"]
    kinds = {n["type"] for n in carol.json("notifications")}
    assert {"favourite", "reblog"} <= kinds


def test_it_searches(carol, bob):
    carol.json("post", "Budget review on Friday #budget")
    found = bob.json("search", "budget")
    assert [t["name"] for t in found["hashtags"]] == ["budget"]
    assert found["statuses"] and set(found) == {"accounts", "hashtags", "statuses"}


def test_it_manages_lists(bob):
    created = bob.json("lists", "create", "Marketing")
    assert created["title"] == "Marketing"
    bob.run("lists", "add", "Marketing", "carol")
    assert "carol" in bob.run("lists", "accounts", "Marketing")


def test_it_posts_an_image(carol, tmp_path):
    picture = tmp_path / "chart.png"
    Image.new("RGB", (80, 60), (200, 40, 40)).save(picture)
    posted = carol.json("post", "The chart", "--media", str(picture), "--description",
                        "A red square")
    assert posted["media_attachments"][0]["description"] == "A red square"


def test_it_posts_a_poll_and_votes(carol, bob):
    posted = carol.json("post", "Friday drinks?", "--poll-option", "Yes", "--poll-option",
                        "No", "--poll-expires-in", "1h")
    poll_id = posted["poll"]["id"]
    voted = bob.json("polls", "vote", poll_id, "0")
    assert voted["own_votes"] == [0]
