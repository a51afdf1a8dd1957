"""The ``essaim`` command line: run the server and the demo, manage accounts, tokens and data.

Every command calls the same actions as the web UI and the APIs. Bad input ends with a message
on stderr and exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

SETTINGS = "essaim.config.settings"


class CommandFailed(Exception):
    """A command could not do what it was asked; the message is for the person at the prompt."""


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    from django.apps import apps

    if not apps.ready:
        import django

        django.setup()


def _err(message: str) -> None:
    print(f"essaim: {message}", file=sys.stderr)


# --- serve, migrate, demo ----------------------------------------------------------------

def _prepare_data_dir() -> None:
    from django.conf import settings

    for path in (settings.DATA_DIR, settings.MEDIA_ROOT):
        path.mkdir(parents=True, exist_ok=True)


def cmd_migrate(args) -> int:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.utils.translation import gettext as _

    _prepare_data_dir()
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    call_command("migrate", verbosity=0, interactive=False)
    if pending:
        print(_("Applied %(count)d migrations.") % {"count": len(pending)})
    elif not getattr(args, "quiet", False):
        print(_("The database is up to date."))
    return 0


def cmd_serve(args) -> int:
    import uvicorn
    from django.utils.translation import gettext as _

    if args.workers < 1:
        raise CommandFailed(_("--workers must be at least 1."))
    _prepare_data_dir()
    uvicorn.run("essaim.config.asgi:application", host=args.host, port=args.port,
                workers=args.workers, log_level="info",
                timeout_graceful_shutdown=5)  # open streams must not block a stop
    return 0


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host  # noqa: S104
    return f"http://{shown}:{port}/"


def _logins_table() -> str:
    from django.utils.translation import gettext as _

    from essaim.demo import DEMO_PASSWORD, data

    lines = [_("Demo logins (password: %(pw)s)") % {"pw": DEMO_PASSWORD}, ""]
    rows = [(_("role"), _("username"), _("password"))]
    rows += [(p.role, p.username, DEMO_PASSWORD) for p in data.PERSONAS]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for n, row in enumerate(rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def cmd_demo(args) -> int:
    from django.contrib.auth import get_user_model
    from django.utils.translation import gettext as _

    from essaim.demo import data
    from essaim.demo.runner import seed_demo

    cmd_migrate(argparse.Namespace(quiet=True))
    User = get_user_model()
    if not User.objects.exists():
        print(_("Seeding the demo company…"), flush=True)
        report = seed_demo()
        print(_("Seeded %(users)d accounts and %(posts)d posts in %(secs).1f s.") % {
            "users": report.users, "posts": report.posts, "secs": report.total_seconds})
    print("\n" + _("Essaim is running at %(url)s") % {"url": _url(args.host, args.port)})
    personas = [p.username for p in data.PERSONAS]
    if User.objects.filter(username__in=personas).count() == len(personas):
        print("\n" + _logins_table())
    else:
        print(_("The database already had other accounts: the demo company was not added."))
    print(flush=True)
    return cmd_serve(argparse.Namespace(host=args.host, port=args.port, workers=1))


# --- accounts and tokens -------------------------------------------------------------------

def _read_password() -> str | None:
    """A password piped on stdin, if any (never prompts)."""
    try:
        if sys.stdin is None or sys.stdin.isatty():
            return None
        raw = sys.stdin.read()
    except (OSError, ValueError):
        return None
    password = raw.rstrip("\r\n")
    return password or None


def cmd_createuser(args) -> int:
    from django.utils.translation import gettext as _

    from essaim.accounts.actions import do_create_user

    if args.admin and args.guest_of:
        raise CommandFailed(_("An external guest cannot be an administrator."))
    password = _read_password()
    user, password_used = do_create_user(
        args.username, password=password, email=args.email or "", name=args.name or "",
        department=args.department or None, admin=args.admin, guest_of=args.guest_of)
    print(_("Created @%(name)s.") % {"name": user.username})
    if password is None:
        print(_("Password: %(password)s") % {"password": password_used})
    return 0


def _find_accounts(usernames: Sequence[str]) -> list:
    from django.utils.translation import gettext as _

    from essaim.graph.actions import find_account

    accounts = []
    for name in usernames:
        account = find_account(name)
        if account is None:
            raise CommandFailed(_("No account named @%(name)s.") % {"name": name.lstrip("@")})
        accounts.append(account)
    return accounts


def cmd_token(args) -> int:
    from django.db import transaction

    from essaim.oauth.actions import check_scopes, do_issue_token

    scopes = check_scopes(args.scopes)
    accounts = _find_accounts(args.usernames)
    with transaction.atomic():
        raw_tokens = [do_issue_token(account, scopes)[1] for account in accounts]
    print("\n".join(raw_tokens))
    return 0


# --- data ----------------------------------------------------------------------------------

def cmd_seed(args) -> int:
    from django.utils.translation import gettext as _

    from essaim.demo.runner import seed_company

    report = seed_company(users=args.users, posts=args.posts, seed=args.seed,
                          password=args.password,
                          progress=(lambda line: print("  " + line, flush=True))
                          if args.verbose else None)
    print(_("Seeded %(users)d accounts, %(follows)d follows, %(posts)d posts, %(likes)d likes "
            "and %(bookmarks)d bookmarks; rebuilt %(timelines)d home timelines in %(secs).1f s.")
          % {"users": report.users, "follows": report.follows, "posts": report.posts,
             "likes": report.likes, "bookmarks": report.bookmarks,
             "timelines": report.timelines, "secs": report.total_seconds})
    return 0


def cmd_publish(args) -> int:
    from django.utils.translation import gettext as _

    from essaim.posts.actions.scheduled import do_publish_due

    report = do_publish_due()
    print(_("Scheduled posts: %(published)d published, %(failed)d could not be.") % report)
    return 0


def cmd_timelines(args) -> int:
    from django.utils.translation import gettext as _

    from essaim.demo.runner import rebuild_all_timelines
    from essaim.timelines.store import timeline_store

    if args.all == bool(args.username):
        raise CommandFailed(_("Give one username, or --all."))
    if args.all:
        count = rebuild_all_timelines()
        print(_("Rebuilt %(count)d home timelines.") % {"count": count})
        return 0
    account = _find_accounts([args.username])[0]
    size = timeline_store().rebuild(account.id)
    print(_("Rebuilt the home timeline of @%(name)s: %(size)d entries.")
          % {"name": account.username, "size": size})
    return 0


def cmd_communities(args) -> int:
    from django.utils.translation import gettext as _

    from essaim.communities.tasks import sweep_communities

    done = sweep_communities.call()
    print(_("Archived %(archived)d communities past their deadline, sent %(reminded)d deadline "
            "reminders and %(tasks)d due-task reminders.") % done)
    return 0


def cmd_worker(args) -> int:
    from django.conf import settings
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    from essaim.core.worker import redis_backend, run_worker

    backend = redis_backend()
    if backend is None:
        path = settings.TASKS["default"]["BACKEND"]
        if path.endswith("ImmediateBackend"):
            print(_("Background tasks run inside the server process (immediate task "
                    "backend): no separate worker is needed."))
            return 0
        raise CommandFailed(_("The task backend %(backend)s needs a worker that Essaim does "
                              "not provide; use the immediate backend or the Redis queue "
                              "(ESSAIM_TASK_BACKEND).") % {"backend": path})
    if args.processes < 1:
        raise CommandFailed(_("--processes must be at least 1."))
    queues = args.queue or None
    unknown = set(queues or []) - backend.queues
    if unknown:
        raise CommandFailed(_("Unknown queue: %(name)s.") % {"name": sorted(unknown)[0]})
    if args.processes == 1:
        done = run_worker(queues, burst=args.burst)
        if args.burst:
            print(ngettext("Ran %(count)d task.", "Ran %(count)d tasks.", done)
                  % {"count": done})
        return 0
    return _run_worker_processes(args.processes, queues, args.burst)


def _run_worker_processes(count: int, queues, burst: bool) -> int:
    """Fork ``count`` workers and wait for them; SIGTERM/SIGINT stop them all."""
    import multiprocessing
    import signal

    from django.db import connections

    from essaim.core.worker import run_worker

    connections.close_all()  # children open their own
    for conn in connections.all(initialized_only=True):
        if hasattr(conn, "close_pool"):
            conn.close_pool()  # a pool's threads do not survive a fork
    context = multiprocessing.get_context("fork")
    children = [context.Process(target=run_worker, args=(queues,), kwargs={"burst": burst},
                                name=f"essaim-worker-{n}") for n in range(count)]
    for child in children:
        child.start()

    def stop(signum, _frame) -> None:
        for child in children:
            if child.pid and child.is_alive():
                os.kill(child.pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for child in children:
        child.join()
    return max((child.exitcode or 0) for child in children)


# --- parsing -------------------------------------------------------------------------------

def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from exc
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number >= 0, got {value}")
    return value


def _port(text: str) -> int:
    value = _positive(text)
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is between 1 and 65535, got {value}")
    return value


def _add_server_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=_port, default=8000, help="port to listen on")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="essaim", description="Essaim, the enterprise social network.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    demo = sub.add_parser("demo", help="migrate, seed the demo company if empty, and serve")
    _add_server_options(demo)
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser("serve", help="serve the web UI and the APIs")
    _add_server_options(serve)
    serve.add_argument("--workers", type=_positive, default=1,
                       help="worker processes (default 1)")
    serve.set_defaults(func=cmd_serve)

    sub.add_parser("migrate", help="apply database migrations").set_defaults(func=cmd_migrate)
    _add_account_commands(sub)
    _add_data_commands(sub)
    from essaim.trends.cli import add_commands as add_trend_commands

    add_trend_commands(sub, CommandFailed)
    from essaim.search.cli import add_commands as add_search_commands

    add_search_commands(sub, CommandFailed)
    from essaim.advocacy.cli import add_commands as add_amplify_commands

    add_amplify_commands(sub)
    from essaim.watches.cli import add_commands as add_watch_commands

    add_watch_commands(sub, CommandFailed)
    from essaim.importers.cli import add_commands as add_import_commands

    add_import_commands(sub)
    from essaim.insight.cli import add_commands as add_insight_commands

    add_insight_commands(sub, CommandFailed)
    from essaim.audit.cli import add_commands as add_audit_commands

    add_audit_commands(sub)
    worker = sub.add_parser("worker", help="run background tasks (Redis task queue)")
    worker.add_argument("--processes", type=_positive, default=1,
                        help="worker processes to run (default 1)")
    worker.add_argument("--queue", action="append", metavar="NAME",
                        help="only this queue (repeat for several; default all)")
    worker.add_argument("--burst", action="store_true",
                        help="stop once the queues are empty")
    worker.set_defaults(func=cmd_worker)
    return parser


def _add_account_commands(sub) -> None:
    create = sub.add_parser(
        "createuser", help="create an account",
        description="Create an account. The password is read from stdin when it is piped; "
                    "otherwise one is generated and printed.")
    create.add_argument("username")
    create.add_argument("--email", default="")
    create.add_argument("--name", default="", help="display name")
    create.add_argument("--department", default="", help="department name (created if new)")
    create.add_argument("--admin", action="store_true", help="make an administrator")
    create.add_argument("--guest-of", metavar="ORG", default="",
                        help="make an external guest of this organisation")
    create.set_defaults(func=cmd_createuser)

    token = sub.add_parser("token", help="print a bearer token for each username")
    token.add_argument("usernames", nargs="+", metavar="USERNAME")
    token.add_argument("--scopes", default="read write follow push",
                       help='space-separated scopes (default "read write follow push")')
    token.set_defaults(func=cmd_token)


def _add_data_commands(sub) -> None:
    seed = sub.add_parser("seed", help="generate a synthetic company in an empty database")
    seed.add_argument("--users", type=_positive, required=True)
    seed.add_argument("--posts", type=_positive, required=True)
    seed.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    seed.add_argument("--password", default="essaim-demo",
                      help="password of every seeded account (default essaim-demo)")
    seed.add_argument("-v", "--verbose", action="store_true", help="show the time of each step")
    seed.set_defaults(func=cmd_seed)

    posts = sub.add_parser("posts", help="posts maintenance")
    po_sub = posts.add_subparsers(dest="action", metavar="ACTION", required=True)
    po_sub.add_parser("publish-scheduled", help="publish the scheduled posts whose time has "
                      "come (also every half minute by itself)").set_defaults(func=cmd_publish)

    timelines = sub.add_parser("timelines", help="home timelines maintenance")
    tl_sub = timelines.add_subparsers(dest="action", metavar="ACTION", required=True)
    rebuild = tl_sub.add_parser("rebuild", help="rebuild home timelines from the database")
    rebuild.add_argument("username", nargs="?")
    rebuild.add_argument("--all", action="store_true", help="rebuild every home timeline")
    rebuild.set_defaults(func=cmd_timelines)

    communities = sub.add_parser("communities", help="community lifecycle maintenance")
    co_sub = communities.add_subparsers(dest="action", metavar="ACTION", required=True)
    co_sub.add_parser(
        "sweep", help="archive communities past their deadline and send reminders (for cron)"
    ).set_defaults(func=cmd_communities)


def _run(func: Callable, args) -> int:
    from django.db import DatabaseError
    from django.utils.translation import gettext as _

    from essaim.core.errors import EssaimError

    try:
        return func(args)
    except (CommandFailed, EssaimError) as exc:
        _err(getattr(exc, "message", None) or str(exc))
    except DatabaseError as exc:
        _err(_("database error: %(error)s. Is the database created and migrated "
               "(essaim migrate)?") % {"error": exc})
    except KeyboardInterrupt:
        return 130
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        _setup()
    except Exception as exc:  # a broken configuration: say what it is, without a traceback
        _err(f"cannot start: {exc}")
        return 1
    return _run(args.func, args)


if __name__ == "__main__":
    sys.exit(main())
