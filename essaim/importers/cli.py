"""``essaim import viva-engage DIR [--company-domain D ...]``."""

from __future__ import annotations

import sys
import time

SHOWN_SKIPS = 50


def _progress_bar():
    started = time.perf_counter()

    def show(what: str, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / max(time.perf_counter() - started, 1e-9)
        sys.stderr.write(f"\r{what}: [{'#' * filled}{'.' * (width - filled)}] {done}/{total} "
                         f"({rate:,.0f}/s)")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def cmd_import_viva_engage(args) -> int:
    from django.utils.translation import gettext as _

    from .viva_engage import do_import_viva_engage

    started = time.perf_counter()
    report = do_import_viva_engage(args.directory, company_domains=args.company_domain or [],
                                   progress=None if args.quiet else _progress_bar())
    seconds = time.perf_counter() - started
    for warning in report.warnings:
        print(_("warning: %(text)s") % {"text": warning}, file=sys.stderr)
    print(_("Imported from Viva Engage in %(seconds).1f s:") % {"seconds": seconds})
    labels = {"people": _("people"), "guests": _("external guests"),
              "deactivated": _("deactivated people"), "communities": _("communities"),
              "members": _("community members"), "posts": _("posts"), "replies": _("replies"),
              "community posts": _("community posts"), "direct posts": _("direct posts"),
              "files": _("files"), "deleted messages": _("deleted messages left out"),
              "skipped": _("skipped rows")}
    for name, label in labels.items():
        print(f"  {label}: {report.counts.get(name, 0)}")
    messages_time = report.seconds.get("messages", 0)
    if report.counts.get("posts") and messages_time:
        print(_("  messages per second: %(rate).0f")
              % {"rate": report.counts["posts"] / messages_time})
    for file, row, reason in report.skipped[:SHOWN_SKIPS]:
        print(_("  skipped %(file)s row %(row)d: %(reason)s")
              % {"file": file, "row": row, "reason": reason})
    if len(report.skipped) > SHOWN_SKIPS:
        print(_("  … and %(n)d more skipped rows") % {"n": len(report.skipped) - SHOWN_SKIPS})
    return 0


def add_commands(sub) -> None:
    imports = sub.add_parser("import", help="bring a company's history in from another network")
    im_sub = imports.add_subparsers(dest="source", metavar="SOURCE", required=True)
    viva = im_sub.add_parser("viva-engage", help="a Viva Engage (Yammer) network data export "
                             "(Users.csv, Groups.csv, Messages.csv, Files.csv)")
    viva.add_argument("directory", metavar="DIR", help="the unzipped export")
    viva.add_argument("--company-domain", action="append", metavar="D",
                      help="an e-mail domain of the company (repeat for several); people of "
                      "other domains come in as external guests")
    viva.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    viva.set_defaults(func=cmd_import_viva_engage)
