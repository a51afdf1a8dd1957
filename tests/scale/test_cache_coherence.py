"""Two live web processes share one deployment: whatever one of them (or an administrator's
command in a third process) writes, the other shows at its very next request, although it
serves posts, people and tokens from its caches.

Once on the embedded default (SQLite, an in-process cache per server and the invalidation
log) and once on PostgreSQL + Redis when ``ESSAIM_TEST_DATABASE_URL`` and
``ESSAIM_TEST_REDIS_URL`` are set. Each step reads on B first (so B caches what it shows),
writes through A, then reads on B again.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATABASE_URL = os.environ.get("ESSAIM_TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("ESSAIM_TEST_REDIS_URL", "")

SETUP = r"""
import io, json, django
django.setup()
from PIL import Image
from django.core.files.uploadedfile import SimpleUploadedFile
from essaim.accounts.actions.admin import do_create_user
from essaim.communities.actions.communities import do_create_community
from essaim.communities.actions.members import do_join
from essaim.graph.actions import do_follow
from essaim.media.actions import do_upload_media
from essaim.oauth.actions import do_issue_token
from essaim.posts.actions import do_create_post

people = {name: do_create_user(name, password="correct horse battery", validate=False,
                               name=name.title())[0] for name in ("alice", "bob", "carol")}
alice, bob, carol = people["alice"], people["bob"], people["carol"]
do_follow(bob, alice)
do_follow(bob, carol)
buffer = io.BytesIO()
Image.new("RGB", (40, 30), "navy").save(buffer, "PNG")
image = do_upload_media(alice, SimpleUploadedFile("a.png", buffer.getvalue(), "image/png"),
                        description="A navy square")
pictured = do_create_post(alice, "A picture of our stand", media_ids=[image.id])
community = do_create_community(carol, "Tender 42")
do_join(bob, community)
inside = do_create_post(carol, "Only for the tender team", community=community,
                        visibility="community")
posts = {"pictured": pictured.id, "inside": inside.id, "image": image.id,
         "edited": do_create_post(alice, "First draft").id,
         "deleted": do_create_post(alice, "Soon gone").id,
         "carol": do_create_post(carol, "Carol's news").id}
tokens = {name: do_issue_token(user, "read write follow")[1] for name, user in people.items()}
tokens["bob_other"] = do_issue_token(bob, "read write follow")[1]
print(json.dumps({"posts": posts, "tokens": tokens, "community": community.slug,
                  "ids": {n: u.id for n, u in people.items()}}))
"""

REVOKE = r"""
import django
django.setup()
from essaim.oauth.actions import do_revoke_token
from essaim.oauth.models import AccessToken, hash_token
do_revoke_token(AccessToken.objects.get(token_hash=hash_token("%s")))
"""

DEACTIVATE = r"""
import django
django.setup()
from django.contrib.auth import get_user_model
from essaim.accounts.actions.admin import do_deactivate_user
do_deactivate_user(get_user_model().objects.get(username="carol"))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Deployment:
    def __init__(self, env: dict):
        self.env = env
        self.servers: list[subprocess.Popen] = []

    def python(self, code: str) -> str:
        done = subprocess.run([sys.executable, "-c", code], env=self.env, cwd=ROOT,  # noqa: S603
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def serve(self) -> Server:
        port = _free_port()
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "essaim", "serve", "--port", str(port)], env=self.env,
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.servers.append(process)
        server = Server(port)
        deadline = time.monotonic() + 60
        while True:
            try:
                server.call("GET", "/api/v1/streaming/health")
                return server
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "no server"
                time.sleep(0.2)

    def stop(self) -> None:
        for process in self.servers:
            process.terminate()
        for process in self.servers:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


class Server:
    def __init__(self, port: int):
        self.base = f"http://127.0.0.1:{port}"

    def call(self, method: str, path: str, token: str | None = None, body: dict | None = None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                raw = response.read()
                is_json = response.headers.get_content_type() == "application/json"
                return response.status, json.loads(raw) if is_json and raw else raw
        except urllib.error.HTTPError as error:
            return error.code, None


def _base_env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ESSAIM_")}
    env.update({"DJANGO_SETTINGS_MODULE": "essaim.config.settings",
                "ESSAIM_DATA_DIR": str(tmp_path / "data"), "ESSAIM_SECRET_KEY": "coherence",
                "ESSAIM_LOG_LEVEL": "ERROR", "ESSAIM_RATE_POST": "100000/60"})
    return env


@pytest.fixture(params=["embedded", "postgresql+redis"])
def deployment(request, tmp_path):
    env = _base_env(tmp_path)
    database = None
    if request.param == "postgresql+redis":
        if not (DATABASE_URL and REDIS_URL):
            pytest.skip("needs ESSAIM_TEST_DATABASE_URL (PostgreSQL) and ESSAIM_TEST_REDIS_URL")
        import psycopg

        parts = urlsplit(DATABASE_URL)
        database = f"essaim_coherence_{uuid.uuid4().hex[:10]}"
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{database}"')
        env.update({"ESSAIM_DATABASE_URL": urlunsplit(parts._replace(path="/" + database)),
                    "ESSAIM_REDIS_URL": REDIS_URL})
    found = Deployment(env)
    try:
        found.python("import django; django.setup(); from django.core.management import "
                     "call_command; call_command('migrate', verbosity=0)")
        yield found
    finally:
        found.stop()
        if database:
            import psycopg

            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _home(server: Server, token: str) -> dict[int, dict]:
    status, statuses = server.call("GET", "/api/v1/timelines/home?limit=40", token)
    assert status == 200
    return {int(s["id"]): s for s in statuses}


def test_every_write_in_one_process_shows_at_the_next_read_in_another(deployment):
    world = json.loads(deployment.python(SETUP))
    posts, tokens, ids = world["posts"], world["tokens"], world["ids"]
    alice, bob, carol = tokens["alice"], tokens["bob"], tokens["carol"]
    a, b = deployment.serve(), deployment.serve()

    # an edit
    assert _home(b, bob)[posts["edited"]]["content"] == "<p>First draft</p>"
    assert a.call("PUT", f"/api/v1/statuses/{posts['edited']}", alice,
                  {"status": "Final version"})[0] == 200
    assert _home(b, bob)[posts["edited"]]["content"] == "<p>Final version</p>"

    # a like and a relay: counters and the viewer's own marks
    assert _home(b, bob)[posts["pictured"]]["favourites_count"] == 0
    assert a.call("POST", f"/api/v1/statuses/{posts['pictured']}/favourite", carol)[0] == 200
    assert a.call("POST", f"/api/v1/statuses/{posts['pictured']}/favourite", bob)[0] == 200
    assert a.call("POST", f"/api/v1/statuses/{posts['pictured']}/reblog", carol)[0] == 200
    shown = _home(b, bob)[posts["pictured"]]
    assert (shown["favourites_count"], shown["favourited"], shown["reblogs_count"]) == (2, True, 1)

    # a change to an image
    assert shown["media_attachments"][0]["description"] == "A navy square"
    assert a.call("PUT", f"/api/v1/media/{posts['image']}", alice,
                  {"description": "Our stand at the fair"})[0] == 200
    assert _home(b, bob)[posts["pictured"]]["media_attachments"][0]["description"] == \
        "Our stand at the fair"

    # a profile change shows on every post of its author
    assert _home(b, bob)[posts["edited"]]["account"]["display_name"] == "Alice"
    assert a.call("PATCH", "/api/v1/accounts/update_credentials", alice,
                  {"display_name": "Alice Martin"})[0] == 200
    assert _home(b, bob)[posts["edited"]]["account"]["display_name"] == "Alice Martin"

    # a deletion
    assert posts["deleted"] in _home(b, bob)
    assert a.call("DELETE", f"/api/v1/statuses/{posts['deleted']}", alice)[0] == 200
    assert posts["deleted"] not in _home(b, bob)
    assert b.call("GET", f"/api/v1/statuses/{posts['deleted']}", bob)[0] == 404

    # leaving a community
    inside = f"/api/v1/statuses/{posts['inside']}"
    assert b.call("GET", inside, bob)[0] == 200
    assert a.call("DELETE", f"/api/essaim/v1/communities/{world['community']}/membership",
                  bob)[0] == 204
    assert b.call("GET", inside, bob)[0] == 404

    # a mute, then a block
    assert posts["carol"] in _home(b, bob)
    assert a.call("POST", f"/api/v1/accounts/{ids['carol']}/mute", bob)[0] == 200
    assert posts["carol"] not in _home(b, bob)
    assert a.call("POST", f"/api/v1/accounts/{ids['carol']}/unmute", bob)[0] == 200
    assert posts["carol"] in _home(b, bob)
    assert a.call("POST", f"/api/v1/accounts/{ids['bob']}/block", carol)[0] == 200
    assert posts["carol"] not in _home(b, bob)
    assert b.call("GET", f"/api/v1/statuses/{posts['carol']}", bob)[0] == 404

    # an unfollow
    assert posts["pictured"] in _home(b, bob)
    assert a.call("POST", f"/api/v1/accounts/{ids['alice']}/unfollow", bob)[0] == 200
    assert posts["pictured"] not in _home(b, bob)

    # a token revoked (from a third process) is refused at once; the person's other tokens
    # still work
    assert b.call("GET", "/api/v1/accounts/verify_credentials", tokens["bob_other"])[0] == 200
    deployment.python(REVOKE % tokens["bob_other"])
    assert b.call("GET", "/api/v1/accounts/verify_credentials", tokens["bob_other"])[0] == 401
    assert b.call("GET", "/api/v1/accounts/verify_credentials", bob)[0] == 200

    # an administrator deactivates an account from a third process
    assert b.call("GET", "/api/v1/accounts/verify_credentials", carol)[0] == 200
    assert b.call("GET", f"/api/v1/statuses/{posts['carol']}", alice)[0] == 200
    deployment.python(DEACTIVATE)
    assert b.call("GET", "/api/v1/accounts/verify_credentials", carol)[0] == 401
    assert a.call("GET", "/api/v1/accounts/verify_credentials", carol)[0] == 401
    assert b.call("GET", f"/api/v1/statuses/{posts['carol']}", alice)[0] == 404
