"""The company under test: seeded once with ``essaim seed``, then reused run after run.

Embedded mode keeps it in a data directory (SQLite); scale mode in a PostgreSQL database named
after its size, with home timelines in a Redis database. The runner reads it through Django
(the same settings as the server) to pick people, tokens and follower pairs.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .processes import clean_env, essaim

TOKENS = 400  # people with a token, whose homes are read and who post


@dataclass
class Company:
    users: int
    posts: int
    seed: int
    mode: str  # "embedded" or "scale"
    base: Path
    database_url: str = ""
    redis_url: str = ""

    @property
    def name(self) -> str:
        return f"{self.mode}-{self.users}u-{self.posts}p-s{self.seed}"

    @property
    def data_dir(self) -> Path:
        return self.base / self.name

    def env(self, **extra: str) -> dict:
        values = {"ESSAIM_DATA_DIR": str(self.data_dir), "ESSAIM_SECRET_KEY": "benchmark",
                  "ESSAIM_RATE_POST": "1000000/60", "ESSAIM_RATE_LOGIN": "1000000/60",
                  "ESSAIM_LOG_LEVEL": "ERROR"}
        if self.mode == "scale":
            values.update({"ESSAIM_DATABASE_URL": self.database_url,
                           "ESSAIM_REDIS_URL": self.redis_url, "ESSAIM_TASK_BACKEND": "redis"})
        values.update(extra)
        return clean_env(**values)


def company(users: int, posts: int, seed: int, mode: str, base: Path, *, postgres: str = "",
            redis: str = "") -> Company:
    found = Company(users, posts, seed, mode, base)
    if mode == "scale":
        parts = urlsplit(postgres)
        found.database_url = urlunsplit(parts._replace(
            path=f"/essaim_bench_{users}_{posts}_{seed}"))
        found.redis_url = redis
    return found


def _create_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def _redis_holds(found: Company) -> bool:
    """Whether the Redis database caches this company's timelines (else it is rebuilt)."""
    import redis

    client = redis.Redis.from_url(found.redis_url)
    if client.get("essaim:bench:company") == found.name.encode():
        return True
    client.flushdb()
    return False


def prepare(found: Company, log=print) -> dict:
    """Seed the company if needed; returns what the workloads need (tokens, people)."""
    marker = found.data_dir / "benchmark.json"
    found.data_dir.mkdir(parents=True, exist_ok=True)
    env = found.env()
    if found.mode == "scale":
        _create_database(found.database_url)
    essaim("migrate", env=env)  # a company seeded by older code gets the newer schema
    if not marker.exists():
        log(f"seeding {found.name} (once; later runs reuse it)…")
        log(essaim("seed", "--users", str(found.users), "--posts", str(found.posts), "--seed",
                   str(found.seed), "-v", env=env).strip())
        if found.mode == "scale":
            _mark_redis(found)
        marker.write_text(json.dumps(_pick(found, env)))
    elif found.mode == "scale" and not _redis_holds(found):
        log("Redis lost the cached timelines: rebuilding them…")
        log(essaim("timelines", "rebuild", "--all", env=env).strip())
        _mark_redis(found)
    return json.loads(marker.read_text())


def _mark_redis(found: Company) -> None:
    import redis

    redis.Redis.from_url(found.redis_url).set("essaim:bench:company", found.name)


def _pick(found: Company, env: dict) -> dict:
    """People with tokens (random employees), the news account, and poster/follower pairs."""
    setup_django(env)
    from django.contrib.auth import get_user_model

    from essaim.graph.models import Follow

    User = get_user_model()
    rng = random.Random(found.seed)
    staff = list(User.objects.filter(kind=User.Kind.EMPLOYEE, is_official=False, is_active=True)
                 .order_by("id").values_list("username", flat=True))
    people = rng.sample(staff, min(TOKENS, len(staff)))
    tokens = essaim("token", *people, "news", env=env).split()
    by_name = dict(zip([*people, "news"], tokens, strict=True))
    ids = dict(User.objects.filter(username__in=people).values_list("username", "id"))
    from essaim.timelines.activity import recently_active

    active = User.objects.filter(recently_active(), is_active=True)
    news = User.objects.get(username="news")
    readers = set(Follow.objects.filter(followee=news, follower_id__in=ids.values())
                  .values_list("follower__username", flat=True))
    pairs = []
    for name in people:  # a follower that the fan-out reaches (recently active)
        follower = (Follow.objects.filter(followee_id=ids[name], follower__in=active)
                    .order_by("?").values_list("follower_id", flat=True).first())
        if follower:
            pairs.append([name, follower])
    return {"tokens": {n: by_name[n] for n in people}, "news_token": by_name["news"],
            "news_readers": sorted(readers), "pairs": pairs}


def setup_django(env: dict) -> None:
    """Configure this process like the server (read access to the same data)."""
    for key, value in env.items():
        if key.startswith("ESSAIM_") or key == "DJANGO_SETTINGS_MODULE":
            os.environ[key] = value
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
