"""Sample a web process with py-spy while a workload runs, and summarise where time goes."""

from __future__ import annotations

import collections
import shutil
import subprocess
import sys
from pathlib import Path

# Frames that name a stage of a request, reported as shares of the samples.
STAGES = {
    "essaim/timelines/queries.py": "timelines.queries (home reader)",
    "essaim/timelines/engine/": "timeline store",
    "essaim/timelines/fanout.py": "fanout rules / broadcaster merge",
    "essaim/visibility.py": "visibility policy (building the query)",
    "essaim/api/serializers.py": "native API serializers",
    "essaim/posts/queries.py": "hydrate (viewer state)",
    "essaim/oauth/auth.py": "token authentication",
    "essaim/accounts/middleware.py": "essaim middleware (language, activity)",
    "ninja/operation.py": "django-ninja (parsing, auth, response validation)",
    "django/db/models/sql/compiler.py": "Django ORM: compiling SQL",
    "django/db/models/query.py": "Django ORM: querysets and model instances",
    "sqlite3/base.py": "SQLite: executing",
    "postgresql/base.py": "PostgreSQL driver",
    "get_new_connection": "opening a database connection",
    "asgiref/sync.py": "asgiref: sync/async thread hand-offs",
    "uvicorn/": "uvicorn (HTTP)",
}


def py_spy() -> list[str] | None:
    found = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    return [found] if Path(found).exists() else None


def start(pid: int, seconds: float, out: Path) -> subprocess.Popen | None:
    command = py_spy()
    if command is None:
        return None
    return subprocess.Popen([*command, "record", "-p", str(pid), "-d", str(int(seconds)),  # noqa: S603
                             "-r", "200", "-f", "raw", "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def summarise(raw: Path) -> dict:
    """Share of samples (in %) in which each stage is on the stack."""
    totals: collections.Counter = collections.Counter()
    samples = 0
    for line in raw.read_text().splitlines():
        stack, _sep, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        samples += int(count)
        for key, label in STAGES.items():
            if key in stack:
                totals[label] += int(count)
    return {"samples": samples, "share_pct": {label: round(100 * n / samples, 1)
                                              for label, n in totals.most_common()}}
