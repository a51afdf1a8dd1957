"""``essaim audit export [--since DATE] [--format jsonl|csv]``."""

from __future__ import annotations

import sys


def cmd_export(args) -> int:
    from essaim.core.errors import ValidationFailed

    from . import queries

    try:
        since = queries.parse_since(args.since)
        text = queries.export(queries.entries(since=since, action=args.action or ""),
                              args.format)
    except ValidationFailed as exc:
        print(exc.message, file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0


def add_commands(sub) -> None:
    audit = sub.add_parser("audit", help="the audit log of administrative actions")
    a_sub = audit.add_subparsers(dest="action_name", metavar="ACTION", required=True)
    export = a_sub.add_parser("export", help="print the log (oldest first)")
    export.add_argument("--since", help="from this date (YYYY-MM-DD or ISO date-time)")
    export.add_argument("--format", default="jsonl", help="jsonl (default) or csv")
    export.add_argument("--action", help="only actions starting with this (e.g. account.)")
    export.set_defaults(func=cmd_export)
