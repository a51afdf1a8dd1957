"""Speed of the Viva Engage import, embedded (SQLite, one process).

    uv run python -m benchmarks.viva_engage [--messages 50000 --users 1000 --groups 40]

Writes a synthetic network data export (Users.csv, Groups.csv, Messages.csv: a third of the
messages in groups, one in ten a private conversation, half of them replies, one in five with a
``[[user:ID]]`` mention, dates over the last two years) into a temporary directory, then runs
``essaim import viva-engage`` on an empty database and reports messages per second for the
messages phase and for the whole import (people, groups, messages, timelines and trends).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

WORDS = ("projet client équipe réunion livraison budget planning qualité produit usine site "
         "customer team meeting delivery schedule quality product plant report idea question "
         "hydrogène numérique formation sécurité données analyse revue").split()


def write_export(directory: Path, *, users: int, groups: int, messages: int, seed: int) -> None:
    rng = random.Random(seed)
    with open(directory / "Users.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "email", "job_title", "location", "department", "state"])
        for i in range(1, users + 1):
            domain = "acme.com" if i % 20 else "partner.org"
            w.writerow([i, f"Person {i}", f"person.{i}@{domain}", "Engineer", "Lyon",
                        f"Dept {i % 12}", "active" if i % 50 else "suspended"])
    with open(directory / "Groups.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "description", "private", "deleted"])
        for g in range(1, groups + 1):
            w.writerow([10_000 + g, f"Group {g}", "", "true" if g % 3 == 0 else "false", "false"])
    start = datetime.now(UTC) - timedelta(days=730)
    step = timedelta(days=730) / messages
    with open(directory / "Messages.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "replied_to_id", "thread_id", "group_id", "participants", "sender_id",
                    "body", "created_at", "deleted_at"])
        roots: dict[str, list[int]] = {"": []}
        for m in range(1, messages + 1):
            mid = 1_000_000 + m
            group = str(10_000 + rng.randint(1, groups)) if rng.random() < 0.33 else ""
            private = not group and rng.random() < 0.1
            participants = (f"user:{rng.randint(1, users)},user:{rng.randint(1, users)}"
                            if private else "")
            pool = roots.setdefault(group, [])
            reply = not private and pool and rng.random() < 0.5
            parent = rng.choice(pool[-200:]) if reply else ""
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 25)))
            if rng.random() < 0.2:
                body += f" [[user:{rng.randint(1, users)}]]"
            if not reply and not private:
                pool.append(mid)
            w.writerow([mid, parent, parent or mid, group, participants,
                        rng.randint(1, users), body, (start + step * m).isoformat(), ""])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--groups", type=int, default=40)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="essaim-viva-") as tmp:
        export = Path(tmp) / "export"
        export.mkdir()
        write_export(export, users=args.users, groups=args.groups, messages=args.messages,
                     seed=args.seed)
        os.environ["ESSAIM_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "essaim.config.settings")
        import django

        django.setup()
        from django.core.management import call_command

        from essaim.importers.viva_engage import do_import_viva_engage

        call_command("migrate", verbosity=0, interactive=False)
        began, cpu = time.perf_counter(), time.process_time()
        report = do_import_viva_engage(export, company_domains=["acme.com"])
        total, total_cpu = time.perf_counter() - began, time.process_time() - cpu
    posts = report.counts["posts"]
    result = {
        "messages": args.messages, "posts": posts, "skipped": report.counts["skipped"],
        "phases_seconds": report.seconds, "total_seconds": round(total, 1),
        "messages_per_second_messages_phase": round(posts / report.seconds["messages"]),
        "messages_per_second_whole_import": round(posts / total),
        "cpu_seconds": round(total_cpu, 1),
        "load_average": os.getloadavg()[0],
    }
    print(json.dumps(result, indent=2))
    return 0 if result["messages_per_second_messages_phase"] >= 2000 else 1


if __name__ == "__main__":
    sys.exit(main())
