"""``essaim watches deliver`` (send the digests that are due, for cron) and
``essaim watches list USERNAME`` (a person's watches and their unread counts)."""

from __future__ import annotations

import json


def cmd_deliver(args) -> int:
    from django.utils.translation import gettext as _

    from .delivery import do_deliver_digests

    report = do_deliver_digests()
    if args.json:
        print(json.dumps(report))
    else:
        print(_("Watch digests: %(sent)d sent, %(quiet)d due with nothing new.") % report)
    return 0


def cmd_list(args, failed) -> int:
    from django.contrib.auth import get_user_model
    from django.utils.translation import gettext as _

    from .queries import watches_of

    user = get_user_model().objects.filter(username__iexact=args.username.lstrip("@")).first()
    if user is None:
        raise failed(_("nobody has the username @%(name)s") % {"name": args.username})
    rows = [{"id": w.id, "name": w.name, "query": w.query, "delivery": w.delivery,
             "unread": w.unread} for w in watches_of(user)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        for row in rows:
            print(f"{row['id']}\t{row['unread']}\t{row['delivery']}\t{row['name']}\t"
                  f"{row['query']}")
    return 0


def add_commands(sub, failed) -> None:
    watches = sub.add_parser("watches", help="watches (saved searches) and their digests")
    w_sub = watches.add_subparsers(dest="action", metavar="ACTION", required=True)
    deliver = w_sub.add_parser("deliver", help="send the daily and weekly digests that are due")
    deliver.add_argument("--json", action="store_true", help="print the counts as JSON")
    deliver.set_defaults(func=cmd_deliver)
    listing = w_sub.add_parser("list", help="a person's watches with their unread counts")
    listing.add_argument("username")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=lambda args: cmd_list(args, failed))
