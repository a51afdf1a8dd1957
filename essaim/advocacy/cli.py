"""``essaim amplify digest [--json]``: send this week's Amplify digest to whoever is due."""

from __future__ import annotations

import json


def cmd_digest(args) -> int:
    from django.utils.translation import gettext as _

    from .digest import do_deliver_weekly_digest

    report = do_deliver_weekly_digest()
    if args.json:
        print(json.dumps(report))
    else:
        print(_("Amplify digest: sent to %(sent)d people (%(campaigns)d campaigns running).")
              % report)
    return 0


def add_commands(sub) -> None:
    amplify = sub.add_parser("amplify", help="ambassadors: the weekly Amplify digest")
    a_sub = amplify.add_subparsers(dest="action", metavar="ACTION", required=True)
    digest = a_sub.add_parser("digest", help="send this week's digest to those not served yet")
    digest.add_argument("--json", action="store_true", help="print the counts as JSON")
    digest.set_defaults(func=cmd_digest)
