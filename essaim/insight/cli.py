"""``essaim insight compute [--rebuild]`` and ``essaim insight export --csv DIR [--days N]``."""

from __future__ import annotations

import csv
from pathlib import Path


def cmd_compute(args) -> int:
    from django.utils.translation import gettext as _

    from .fill import fill

    report = fill(rebuild=args.rebuild)
    print(_("Insight tables filled: %(days)d days (%(start)s to %(end)s), %(rows)d interaction "
            "rows.") % {"days": report["days"], "start": report["from"], "end": report["to"],
                        "rows": report["rows"]})
    return 0


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def cmd_export(args) -> int:
    from django.utils.translation import gettext as _

    from essaim.core.errors import ValidationFailed

    from . import queries

    try:
        days = queries.check_days(args.days)
    except ValidationFailed as exc:
        print(exc.message)
        return 2
    directory = Path(args.csv)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(_("Cannot write to %(dir)s: %(error)s") % {"dir": directory, "error": exc})
        return 2
    departments = queries.departments(days)
    _write(directory / "departments.csv",
           ["department", "members", "internal", "external", "ei_index"], departments)
    matrix = queries.matrix(days)
    _write(directory / "department_matrix.csv", ["department", *matrix["departments"]],
           [{"department": name, **dict(zip(matrix["departments"], row, strict=True))}
            for name, row in zip(matrix["departments"], matrix["weights"], strict=True)])
    columns = ["period", "contributors", "posting", "replying", "reacting", "posts", "replies",
               "reactions", "readers", "active"]
    for period in ("week", "month"):
        _write(directory / f"adoption_{period}.csv", columns, queries.adoption(period))
    if not departments:
        print(_("No group of at least %(n)d people had interactions in the window: the files "
                "hold their headers only.") % {"n": queries.min_group()})
    print(_("Wrote departments.csv, department_matrix.csv, adoption_week.csv and "
            "adoption_month.csv to %(dir)s.") % {"dir": directory})
    return 0


def add_commands(sub, _failed) -> None:
    insight = sub.add_parser("insight", help="interaction network, adoption and silos")
    in_sub = insight.add_subparsers(dest="action", metavar="ACTION", required=True)
    compute = in_sub.add_parser("compute", help="fill the insight count tables (for cron, "
                                "hourly; idempotent and resumable)")
    compute.add_argument("--rebuild", action="store_true", help="start over from the first post")
    compute.set_defaults(func=cmd_compute)
    export = in_sub.add_parser("export", help="write the company aggregates as CSV files")
    export.add_argument("--csv", required=True, metavar="DIR", help="directory to write to")
    export.add_argument("--days", default="90", help="window in days, 7 to 365 (default 90)")
    export.set_defaults(func=cmd_export)
