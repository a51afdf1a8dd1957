import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from essaim.cli import main
from essaim.core.pagination import Cursor
from essaim.graph.actions import do_follow
from essaim.posts.actions import do_create_post
from essaim.timelines.store import timeline_store


def _essaim(*args: str, env: dict | None = None, timeout: int = 60):
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,  # noqa: S603
                          timeout=timeout, env=env)


def _clean_env(data_dir) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ESSAIM_")}
    env.update({"ESSAIM_DATA_DIR": str(data_dir),
                "DJANGO_SETTINGS_MODULE": "essaim.config.settings"})
    return env


def test_help_lists_the_commands_without_touching_a_database(tmp_path):
    result = _essaim("essaim.cli", "--help", env=_clean_env(tmp_path / "data"))
    assert result.returncode == 0
    for command in ("demo", "serve", "migrate", "createuser", "token", "seed", "timelines"):
        assert command in result.stdout
    assert not (tmp_path / "data").exists()


def test_python_dash_m_essaim_is_the_same_command(tmp_path):
    result = _essaim("essaim", "seed", "--help", env=_clean_env(tmp_path))
    assert result.returncode == 0 and "--users" in result.stdout


def test_migrate_says_when_the_database_is_up_to_date(db, capsys):
    assert main(["migrate"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_a_bad_number_is_a_usage_error(db, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["seed", "--users", "many", "--posts", "10"])
    assert exc.value.code == 2
    assert "whole number" in capsys.readouterr().err


def test_the_worker_is_not_needed_with_the_immediate_backend(db, capsys):
    assert main(["worker"]) == 0
    assert "no separate worker" in capsys.readouterr().out


def test_the_worker_refuses_a_backend_it_cannot_run(db, settings, capsys):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    assert main(["worker"]) == 1
    assert "DummyBackend" in capsys.readouterr().err


def test_timelines_rebuild_restores_a_home_timeline(alice, bob, capsys):
    do_follow(alice, bob)
    post = do_create_post(bob, "Hello from marketing #launch")
    store = timeline_store()
    store.clear(alice.id)
    assert store.page(alice.id, Cursor()) == []
    assert main(["timelines", "rebuild", "alice"]) == 0
    assert post.id in store.page(alice.id, Cursor())
    assert "@alice" in capsys.readouterr().out


def test_timelines_rebuild_all_rebuilds_everyone(alice, bob, capsys):
    do_follow(alice, bob)
    post = do_create_post(bob, "Hello everyone")
    timeline_store().clear(alice.id)
    timeline_store().clear(bob.id)
    assert main(["timelines", "rebuild", "--all"]) == 0
    assert post.id in timeline_store().page(alice.id, Cursor())
    assert post.id in timeline_store().page(bob.id, Cursor())


@pytest.mark.parametrize("args", [[], ["alice", "--all"], ["nobody"]])
def test_timelines_rebuild_needs_one_known_username_or_all(alice, capsys, args):
    assert main(["timelines", "rebuild", *args]) == 1
    assert capsys.readouterr().err.startswith("essaim: ")


def test_serve_refuses_zero_workers(db, capsys):
    assert main(["serve", "--workers", "0"]) == 1
    assert "--workers" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""


def _wait_for(server, url: str, seconds: int = 60) -> int:
    deadline = time.monotonic() + seconds
    while True:
        try:
            return _get(url)[0]
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline
            time.sleep(0.2)


def _stop(server) -> None:
    server.terminate()
    server.wait(timeout=10)


def test_serve_answers_http_and_serves_static_files_without_collectstatic(tmp_path):
    env = _clean_env(tmp_path)
    assert _essaim("essaim", "migrate", env=env, timeout=120).returncode == 0
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "essaim", "serve", "--port", str(port)],  # noqa: S603
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        assert _wait_for(server, base + "/admin/login/") == 200
        status, body = _get(base + "/static/django_htmx/htmx-2.min.js")
        assert status == 200 and b"htmx" in body
    finally:
        _stop(server)


def test_demo_seeds_the_company_prints_the_logins_and_serves(tmp_path):
    env = _clean_env(tmp_path / "data")
    port = _free_port()
    log = tmp_path / "demo.log"
    with open(log, "w") as out:
        server = subprocess.Popen([sys.executable, "-m", "essaim", "demo", "--port", str(port)],  # noqa: S603
                                  env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            assert _wait_for(server, f"http://127.0.0.1:{port}/admin/login/", 120) == 200
        finally:
            _stop(server)
    printed = log.read_text()
    assert f"http://127.0.0.1:{port}/" in printed
    for username in ("admin", "camille", "alex", "sofia", "guest"):
        assert f"{username} " in printed
    assert "essaim-demo" in printed
    assert (tmp_path / "data" / "essaim.sqlite3").exists()
