"""``benchmarks/RESULTS.md``: one line per recorded run."""

from __future__ import annotations

from pathlib import Path

COLUMNS = ["date", "machine", "mode", "users / posts", "command", "home req/s",
           "p50 / p95 / p99", "floor req/s", "home ÷ floor", "posts/s", "lag idle p50 / p99",
           "lag under load p50 / p99", "fan-out insertions/s",
           "announcement in every sampled home after", "web RSS MB"]
HEADER = """# Benchmark results

One line per recorded run (`uv run python -m benchmarks.run … --record`); the JSON files in
`benchmarks/results/` hold every figure. Latencies in milliseconds; "floor" is the req/s of
`/api/v1/streaming/health` in the same run (the stack's floor). See the analysis below the
table for what bounds each figure.

{columns}
{rule}
""".format(columns="| " + " | ".join(COLUMNS) + " |", rule="|" + "---|" * len(COLUMNS))


def _get(data: dict, *path, default="–"):
    for key in path:
        if not isinstance(data, dict) or key not in data or data[key] is None:
            return default
        data = data[key]
    return data


def line(result: dict) -> str:
    r = result["results"]
    home = r.get("home") or r.get("mastodon_home", {})  # the Takahē workload reads Mastodon's
    announcement = r.get("announcement")
    announce = "–" if not announcement else (
        f"{announcement['in_every_home_after_ms']} ms ({announcement['shown_at_first_read']}/"
        f"{announcement['sampled_homes']} at first read)")
    cells = [
        result["started"][:10], result["machine"].split(",")[0], result["mode"],
        f"{result['users']:,} / {result['posts']:,}", f"`{result['command']}`",
        f"{_get(home, 'req_per_s')}",
        f"{_get(home, 'p50_ms')} / {_get(home, 'p95_ms')} / {_get(home, 'p99_ms')}",
        f"{_get(r, 'floor', 'req_per_s')}", f"{_get(home, 'vs_floor')}",
        f"{_get(r, 'posting', 'req_per_s', default=_get(r, 'posts', 'req_per_s'))}",
        f"{_get(r, 'lag_idle', 'p50_ms')} / {_get(r, 'lag_idle', 'p99_ms')}",
        f"{_get(r, 'lag_under_load', 'p50_ms')} / {_get(r, 'lag_under_load', 'p99_ms')}",
        f"{_get(r, 'fanout_engine', 'insertions_per_s')}", announce,
        " ".join(str(x) for x in r.get("web_rss_mb", [])) or "–",
    ]
    return "| " + " | ".join(cells) + " |\n"


def record(result: dict, path: Path) -> None:
    text = path.read_text() if path.exists() else HEADER
    marker = "\n## "
    table, _sep, rest = text.partition(marker)
    text = table.rstrip("\n") + "\n" + line(result) + (marker + rest if rest else "")
    path.write_text(text)
