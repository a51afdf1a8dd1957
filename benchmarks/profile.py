"""Sample a web process with py-spy while a workload runs, and summarise where time goes."""

from __future__ import annotations

import collections
import shutil
import subprocess
import sys
from pathlib import Path

# Where a request spends its time. Stages are inclusive (a frame of that code is on the
# stack); layers are exclusive (the innermost matching frame wins), so layers add up to 100%.
STAGES = {
    "essaim/timelines/queries.py": "timelines.queries (home reader, all included)",
    "essaim/timelines/engine/": "timeline store (page)",
    "essaim/timelines/broadcasters.py": "broadcaster merge",
    "essaim/visibility.py": "visibility policy",
    "essaim/api/serializers.py": "native API serializers (all included)",
    "essaim/posts/queries.py": "hydrate (viewer's likes, relays, bookmarks)",
    "essaim/oauth/auth.py": "token authentication",
    "essaim/accounts/middleware.py": "middleware below essaim's (view included)",
    "ninja/operation.py": "django-ninja operation (view included)",
    "ninja/schema.py": "django-ninja response validation",
}
LAYERS = [
    ("get_new_connection", "opening a database connection"),
    ("sqlite3/base.py", "database: SQLite executing"),
    ("psycopg", "database: PostgreSQL driver"),
    ("redis/", "Redis client"),
    ("django/db/models/sql/", "Django ORM: building and compiling SQL"),
    ("django/db/models/", "Django ORM: querysets, model instances"),
    ("django/template", "Django templates"),
    ("ninja/", "django-ninja"),
    ("pydantic", "pydantic"),
    ("json", "JSON encoding"),
    ("essaim/", "essaim code itself"),
    ("django/", "Django (request handling, middleware, URLs)"),
    ("asgiref/", "asgiref: sync/async thread hand-offs"),
    ("uvicorn/", "uvicorn and asyncio (HTTP)"),
    ("asyncio/", "uvicorn and asyncio (HTTP)"),
]


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


def summarise(raws: list[Path]) -> dict:
    """Share of samples (in %) per stage (inclusive) and per layer (innermost frame)."""
    stages: collections.Counter = collections.Counter()
    layers: collections.Counter = collections.Counter()
    samples = 0
    lines = [line for raw in raws if raw.exists() for line in raw.read_text().splitlines()]
    for line in lines:
        stack, _sep, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        samples += n
        for key, label in STAGES.items():
            if key in stack:
                stages[label] += n
        layers[_layer(stack.split(";"))] += n

    def shares(counter):
        return {label: round(100 * k / max(1, samples), 1) for label, k in counter.most_common()}

    return {"samples": samples, "stages_pct": shares(stages), "layers_pct": shares(layers)}


def _layer(frames: list[str]) -> str:
    for frame in reversed(frames):
        for key, label in LAYERS:
            if key in frame:
                return label
    return "other (Python, threads)"
