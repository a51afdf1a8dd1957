"""``essaim search reindex [--all]`` and ``essaim search query TEXT`` (as an employee)."""

from __future__ import annotations


def cmd_reindex(args) -> int:
    from django.utils.translation import gettext as _

    from .engine import search_engine
    from .indexing import reindex

    report = reindex(everything=args.all)
    counts = ", ".join(f"{kind} {report[kind]}" for kind in report
                       if kind not in ("seconds_ms", "per_second"))
    print(_("Search index (%(engine)s) %(what)s: %(counts)s documents written in %(ms)d ms "
            "(%(rate)d a second).")
          % {"engine": search_engine().name,
             "what": _("rebuilt") if args.all else _("completed"), "counts": counts,
             "ms": report["seconds_ms"], "rate": report["per_second"]})
    return 0


def add_commands(sub, _failed) -> None:
    search = sub.add_parser("search", help="search index maintenance")
    se_sub = search.add_subparsers(dest="action", metavar="ACTION", required=True)
    reindex = se_sub.add_parser(
        "reindex", help="index what is missing from the search index (and drop what is gone)")
    reindex.add_argument("--all", action="store_true",
                         help="rebuild the whole index from the database")
    reindex.set_defaults(func=cmd_reindex)
