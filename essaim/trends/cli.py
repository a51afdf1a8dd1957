"""``essaim trends refresh`` and ``essaim signals [--json] [--limit N]``."""

from __future__ import annotations

import argparse
import json


def _limit(text: str) -> int:
    from .queries import MAX_LIMIT

    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from exc
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_LIMIT}")
    return value


def cmd_refresh(args) -> int:
    from django.utils.translation import gettext as _

    from .actions import do_refresh

    report = do_refresh(rebuild=args.rebuild)
    print(_("Refreshed trends: %(uses)d term uses indexed, %(trends)d trends, %(posts)d "
            "trending posts and %(signals)d signals in %(seconds).1f s.")
          % {"uses": report["indexed_uses"], "trends": report["trends"],
             "posts": report["posts"], "signals": report["signals"],
             "seconds": report["seconds"]})
    return 0


def signal_items(limit: int) -> list[dict]:
    """The company's signals as the native API gives them to an employee (samples: posts
    every employee may read)."""
    from .models import COMPANY
    from .policy import company_readable_posts
    from .queries import signals

    return [{"term": s.term, "related": s.related, "score": s.score,
             "first_seen": s.first_seen.isoformat(), "posts": s.posts, "people": s.people,
             "departments": s.departments,
             "samples": [str(p.id) for p in company_readable_posts(s.sample_ids)]}
            for s in signals(None, COMPANY, limit=limit, with_samples=False)]


def cmd_signals(args) -> int:
    from django.utils.translation import gettext as _

    if args.deliver_weekly:
        from .weekly import do_deliver_weekly_signals

        report = do_deliver_weekly_signals()
        print(_("Signals this week: sent to %(sent)d subscribers (%(signals)d signals).")
              % report)
        return 0
    items = signal_items(args.limit)
    if args.json:
        print(json.dumps({"items": items}, ensure_ascii=False, indent=2))
        return 0
    if not items:
        print(_("No weak signal right now (run: essaim trends refresh)."))
    for rank, item in enumerate(items, start=1):
        related = f" ({', '.join(item['related'])})" if item["related"] else ""
        print(_("%(rank)2d. %(term)s%(related)s — score %(score).2f, %(people)d people, "
                "%(departments)d departments, %(posts)d posts, first seen %(first)s")
              % {"rank": rank, "term": item["term"], "related": related,
                 "score": item["score"], "people": item["people"],
                 "departments": item["departments"], "posts": item["posts"],
                 "first": item["first_seen"][:16].replace("T", " ")})
    return 0


def add_commands(sub, _failed) -> None:
    trends = sub.add_parser("trends", help="trends and weak signals maintenance")
    tr_sub = trends.add_subparsers(dest="action", metavar="ACTION", required=True)
    refresh = tr_sub.add_parser(
        "refresh", help="index new posts, recount recent buckets (removed posts and "
        "deactivated people stop counting), score trends and signals (for cron)")
    refresh.add_argument("--rebuild", action="store_true",
                         help="re-index every post of the last five weeks first")
    refresh.set_defaults(func=cmd_refresh)
    signals = sub.add_parser("signals", help="print the company's weak signals, best first")
    signals.add_argument("--json", action="store_true",
                         help='print {"items": [...]} as the native API does')
    signals.add_argument("--limit", type=_limit, default=10, help="how many (default 10)")
    signals.add_argument("--deliver-weekly", action="store_true",
                         help='send "Signals this week" to subscribers not served this week')
    signals.set_defaults(func=cmd_signals)
