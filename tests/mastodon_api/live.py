"""A live Essaim under uvicorn for the client-library tests.

The server runs in a subprocess on a free loopback port with its own data directory (SQLite),
or on a fresh PostgreSQL database created and dropped here when ESSAIM_TEST_DATABASE_URL is
set (and Redis pub/sub when ESSAIM_TEST_REDIS_URL is set).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.conftest import _drop_postgres_database, _free_port, _postgres_database

PASSWORD = "live-password-1"
PEOPLE = [("alice", "Alice Martin", "R&D", None), ("bob", "Bob Durand", "R&D", None),
          ("carol", "Carol Petit", "Marketing", None), ("gail", "Gail Guest", None, "Acme")]

CREATE_PEOPLE = """
import django, sys
django.setup()
from essaim.accounts.actions import do_create_user
for username, name, department, guest_of in {people!r}:
    do_create_user(username, password={password!r}, name=name, department=department,
                   guest_of=guest_of, email=username + "@example.com", validate=False)
"""


@dataclass
class LiveServer:
    url: str
    env: dict
    data_dir: Path
    process: subprocess.Popen

    def log(self) -> str:
        return (self.data_dir / "server.log").read_text()


def _python(args: list[str], env: dict) -> None:
    result = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True,
                            timeout=180)
    if result.returncode != 0:
        raise RuntimeError(f"{args} failed:\n{result.stdout}\n{result.stderr}")


def start(data_dir: Path) -> tuple[LiveServer, str | None]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ESSAIM_")}
    env.update({"ESSAIM_DATA_DIR": str(data_dir), "ESSAIM_RATE_LOGIN": "1000/60",
                "ESSAIM_RATE_POST": "1000/60", "DJANGO_SETTINGS_MODULE": "essaim.config.settings",
                "ESSAIM_SECRET_KEY": "live-test-secret"})
    pg_url = None
    if os.environ.get("ESSAIM_TEST_DATABASE_URL"):
        pg_url = _postgres_database(os.environ["ESSAIM_TEST_DATABASE_URL"])
        env["ESSAIM_DATABASE_URL"] = pg_url
    if os.environ.get("ESSAIM_TEST_REDIS_URL"):
        env["ESSAIM_REDIS_URL"] = os.environ["ESSAIM_TEST_REDIS_URL"]
    _python(["-m", "django", "migrate", "--settings", "essaim.config.settings", "-v", "0"], env)
    _python(["-c", CREATE_PEOPLE.format(people=PEOPLE, password=PASSWORD)], env)
    port = _free_port()
    log = open(data_dir / "server.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "essaim.config.asgi:application", "--host",
         "127.0.0.1", "--port", str(port), "--timeout-graceful-shutdown", "2"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/api/v1/instance", timeout=2)  # noqa: S310
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError((data_dir / "server.log").read_text()) from None
            time.sleep(0.1)
    return LiveServer(url, env, data_dir, process), pg_url


def stop(server: LiveServer, pg_url: str | None) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=10)
    if pg_url:
        _drop_postgres_database(pg_url)
