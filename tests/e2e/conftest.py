"""End-to-end fixtures: the real ASGI server in a subprocess, driven by Debian's Chromium.

The server runs on a free loopback port with its own data directory (SQLite), or on a fresh
PostgreSQL database when ESSAIM_TEST_DATABASE_URL is set.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from .helpers import NAMES, PASSWORD, login

CHROMIUM = os.environ.get("ESSAIM_CHROMIUM", "/usr/bin/chromium")
PEOPLE = [
    # username, display name, department, extra createuser flags
    ("alice", NAMES["alice"], "R&D", []),
    ("bob", NAMES["bob"], "R&D", []),
    ("chloe", NAMES["chloe"], "Marketing", []),
    ("david", NAMES["david"], "Finance", []),  # only for the language tests
    ("ada", NAMES["ada"], "Finance", ["--admin"]),  # the administrator (/manage/)
    ("erin", NAMES["erin"], "Support", []),  # only for two-factor authentication
]

pytestmark = pytest.mark.e2e


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _postgres_database(base_url: str) -> str:
    import psycopg

    name = f"essaim_e2e_{uuid.uuid4().hex[:8]}"
    admin_url = base_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return base_url.rsplit("/", 1)[0] + "/" + name


def _drop_postgres_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# ``essaim migrate`` then ``essaim createuser`` for each person, in one process (starting
# Django once instead of five times); the password reaches createuser on stdin as when piped.
PREPARE = """
import io, json, sys
from essaim.cli import main
people, password = json.loads(sys.argv[1]), sys.argv[2]
commands = [["migrate"]] + [
    ["createuser", username, "--name", name, "--department", department,
     "--email", username + "@example.com", *extra]
    for username, name, department, extra in people]
for command in commands:
    sys.stdin = io.StringIO(password + "\\n")
    if main(command) != 0:
        sys.exit("essaim " + " ".join(command) + " failed")
"""


def _prepare(env: dict) -> None:
    result = subprocess.run([sys.executable, "-c", PREPARE, json.dumps(PEOPLE), PASSWORD],
                            env=env, capture_output=True, text=True, timeout=180)
    if result.returncode != 0:
        raise RuntimeError(f"preparing the server failed:\n{result.stdout}\n{result.stderr}")


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Base URL of a running Essaim with a few employees (password ``PASSWORD``)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's chromium package")
    data_dir = tmp_path_factory.mktemp("essaim-e2e")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ESSAIM_")}
    env.update({"ESSAIM_DATA_DIR": str(data_dir), "ESSAIM_RATE_LOGIN": "1000/60",
                "ESSAIM_RATE_POST": "1000/60", "DJANGO_SETTINGS_MODULE": "essaim.config.settings",
                # one shared server: a digest sent mid-suite would add to everyone's unread
                "ESSAIM_AMPLIFY_DIGEST": "0"})
    pg_url = None
    if os.environ.get("ESSAIM_TEST_DATABASE_URL"):
        pg_url = _postgres_database(os.environ["ESSAIM_TEST_DATABASE_URL"])
        env["ESSAIM_DATABASE_URL"] = pg_url
    if os.environ.get("ESSAIM_TEST_REDIS_URL"):
        env["ESSAIM_REDIS_URL"] = os.environ["ESSAIM_TEST_REDIS_URL"]
    _prepare(env)
    port = _free_port()
    log = open(data_dir / "server.log", "w")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-m", "essaim", "serve", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/login/", timeout=2)  # noqa: S310
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError((data_dir / "server.log").read_text()) from None
            time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()
    if pg_url:
        _drop_postgres_database(pg_url)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-dev-shm-usage"])
        yield browser
        browser.close()


REPORT_CSP = """
document.addEventListener("securitypolicyviolation", function (event) {
  console.error("CSP violation: " + event.violatedDirective + " blocked " +
                (event.blockedURI || "inline") + " at " + event.sourceFile + ":" +
                event.lineNumber);
});
"""


def _csp_violation(message) -> bool:
    text = message.text
    return "CSP violation" in text or "Content Security Policy" in text


@pytest.fixture
def new_page(browser, server):
    """new_page(locale="en-US") -> a fresh browser context's page, at the given locale.

    Every page runs under the server's Content-Security-Policy; a violation (reported by the
    ``securitypolicyviolation`` event or Chromium's console) fails the test.
    """
    contexts = []
    violations: list[str] = []

    def make(locale: str = "en-US", width: int = 1280, height: int = 900,
             javascript: bool = True, storage_state: dict | None = None):
        context = browser.new_context(locale=locale, base_url=server,
                                      viewport={"width": width, "height": height},
                                      java_script_enabled=javascript,
                                      storage_state=storage_state)
        context.set_default_timeout(10_000)
        context.add_init_script(REPORT_CSP)
        context.on("console", lambda message: violations.append(message.text)
                   if _csp_violation(message) else None)
        contexts.append(context)
        return context.new_page()

    make.csp_violations = violations  # type: ignore[attr-defined]
    yield make
    for context in contexts:
        context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture(scope="session")
def signed_in_cookies() -> dict:
    """Each person's signed-in browser state, kept so that later tests skip the login form."""
    return {}


@pytest.fixture
def signed_in(new_page, signed_in_cookies):
    """signed_in("alice", width=375) -> a fresh browser's page on home, signed in as that person.

    The first call for a person goes through the login form; later ones reuse its cookies
    (and log in again if that session has ended).
    """

    def make(username: str, **options):
        page = new_page(storage_state=signed_in_cookies.get(username), **options)
        page.goto("/")
        if "/login/" in page.url:
            login(page, username)
            signed_in_cookies[username] = page.context.storage_state()
        return page

    return make
