"""Start and stop the processes under test: ``essaim serve`` and ``essaim worker``."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def essaim(*args: str, env: dict, timeout: float | None = None) -> str:
    """Run an ``essaim`` command to completion; returns its standard output."""
    result = subprocess.run([sys.executable, "-m", "essaim", *args], env=env, cwd=ROOT,  # noqa: S603
                            capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"essaim {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Running:
    """The server and its workers, with their logs."""

    port: int
    server: subprocess.Popen | None
    workers: subprocess.Popen | None
    logs: list = field(default_factory=list)

    @staticmethod
    def children(process: subprocess.Popen) -> list[int]:
        """Process IDs of ``process``'s children (uvicorn's worker processes)."""
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(stat[1]) == process.pid:
                    found.append(int(entry.name))
        return found

    def web_pids(self) -> list[int]:
        """uvicorn's worker processes (or the server itself when it has none)."""
        if self.server is None:
            return []
        pids = [pid for pid in self.children(self.server)
                if "resource_tracker" not in cmdline(pid)]
        return pids or [self.server.pid]

    def web_rss_mb(self) -> list[float]:
        """Resident memory of each web process."""
        return [round(rss_mb(pid), 1) for pid in self.web_pids()]

    def stop(self) -> None:
        for process in (self.server, self.workers):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in (self.server, self.workers):
            if process is not None:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        for log in self.logs:
            log.close()


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_workers(env: dict, count: int, log_dir: Path) -> Running:
    """``essaim worker --processes count`` (a Running without a web server)."""
    log_dir.mkdir(parents=True, exist_ok=True)
    log = open(log_dir / "worker.log", "a")  # noqa: SIM115
    workers = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "essaim", "worker", "--processes", str(count)],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    return Running(0, None, workers, [log])


def start(env: dict, *, web_workers: int, task_workers: int, log_dir: Path) -> Running:
    port = free_port()
    log_dir.mkdir(parents=True, exist_ok=True)
    workers = start_workers(env, task_workers, log_dir) if task_workers else None
    server_log = open(log_dir / "server.log", "w")  # noqa: SIM115
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "essaim", "serve", "--port", str(port), "--workers",
         str(web_workers)], env=env, cwd=ROOT, stdout=server_log, stderr=subprocess.STDOUT)
    running = Running(port, server, workers.workers if workers else None, [server_log])
    if workers is not None:
        running.logs += workers.logs
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/streaming/health",  # noqa: S310
                                   timeout=2)
            return running
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                running.stop()
                raise RuntimeError((log_dir / "server.log").read_text()) from None
            time.sleep(0.2)


def clean_env(**values: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ESSAIM_")}
    env.update({"DJANGO_SETTINGS_MODULE": "essaim.config.settings", **values})
    return env
