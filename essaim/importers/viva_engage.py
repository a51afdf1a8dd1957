"""Import a Viva Engage (Yammer) network data export: people, groups, messages, files.

``essaim import viva-engage DIR [--company-domain D ...]`` reads the CSV files of the export
(``Users.csv``, ``Groups.csv``, ``Messages.csv``, and ``Files.csv`` with its ``files/`` when
present). The mapping is in docs/import.md. Every imported object is recorded by its Viva
Engage ID (:class:`~essaim.importers.models.ImportedObject`) in the same transaction as the
object, so running the import again changes nothing and an interrupted run resumes. A bad row
is skipped with its row number and the reason; the rest is imported. Posts are written in
batches by the company importer (original dates, threads, mentions), then home timelines and
trends are rebuilt for the imported range.
"""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from essaim.core.errors import ValidationFailed
from essaim.core.ids import snowflake_for
from essaim.posts.models import Visibility

from .company import PostRow, UserRow, do_import_posts, do_import_users
from .viva_export import (
    ImportFailed,
    Report,
    _known,
    _remember,
    _truthy,
    parse_time,
    read_csv,
)

BATCH = 2000
MAX_CHARS = 20_000
MENTION_RE = re.compile(r"\[\[user:(\d+)\]\]")


@dataclass
class _Message:
    row: int
    id: str
    sender: str
    body: str
    created_at: datetime
    replied_to: str
    thread: str
    group: str
    participants: list[str]
    attachments: list[str]


# --- people -------------------------------------------------------------------------------

USERNAME_CHARS = re.compile(r"[^a-z0-9_.-]+")


def _username_base(email: str, external_id: str) -> str:
    local = email.split("@", 1)[0].lower()
    base = USERNAME_CHARS.sub("", local.replace("+", "."))[:26].strip(".-")
    return base or f"user{external_id}"[:26]


def _free_username(base: str, taken: set[str]) -> str:
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base[:26]}-{n}"
    taken.add(name)
    return name


def _company_domains(rows: list[dict], given: list[str], report: Report) -> set[str]:
    if given:
        return {d.lower().lstrip("@") for d in given}
    domains = Counter(r["email"].rsplit("@", 1)[-1].lower() for r in rows if "@" in r["email"])
    if not domains:
        return set()
    top = domains.most_common(1)[0][0]
    report.warnings.append(_("No --company-domain given: %(domain)s (the most common) is taken "
                             "as the company's.") % {"domain": top})
    return {top}


def import_users(directory: Path, report: Report, company_domains: list[str]) -> dict[str, int]:
    """People (guests and deactivated included); returns Viva Engage ID → account ID."""
    User = get_user_model()
    known = _known("user")
    rows: list[tuple[int, dict]] = []
    for number, row in read_csv(directory, "Users.csv", report):
        if row["id"] in known:
            continue
        try:
            validate_email(row["email"])
        except DjangoValidationError:
            report.skip("Users.csv", number, _("the e-mail address %(email)r is not valid")
                        % {"email": row["email"]})
            continue
        rows.append((number, row))
    domains = _company_domains([r for _n, r in rows], company_domains, report)
    taken = set(User.objects.values_list("username", flat=True))
    emails = {e.lower() for e in User.objects.values_list("email", flat=True) if e}
    to_create: list[tuple[str, UserRow, bool]] = []
    for number, row in rows:
        email = row["email"].lower()
        if email in emails:
            report.skip("Users.csv", number, _("an account already uses %(email)s")
                        % {"email": email})
            continue
        emails.add(email)
        domain = email.rsplit("@", 1)[-1]
        guest = (_truthy(row.get("guest")) or _truthy(row.get("external"))
                 or _truthy(row.get("is_guest")) or row.get("account_type", "") == "guest"
                 or bool(domains and domain not in domains))
        state = row.get("state", "active").lower() or "active"
        active = state == "active" and not row.get("suspended_at") and not row.get("deleted_at")
        username = _free_username(_username_base(email, row["id"]), taken)
        joined = _time_or_none(row.get("joined_at", ""))
        to_create.append((row["id"], UserRow(
            username=username, display_name=row["name"][:100], email=email,
            department="" if guest else row.get("department", "")[:100],
            job_title=row.get("job_title", "")[:120], location=row.get("location", "")[:120],
            guest_of=domain[:150] if guest else "", date_joined=joined), active))
    password = make_password(None)  # people sign in with single sign-on or reset it
    for start in range(0, len(to_create), BATCH):
        chunk = to_create[start:start + BATCH]
        with transaction.atomic():
            ids = do_import_users([r for _e, r, _a in chunk], password_hash=password)
            inactive = [ids[r.username] for _e, r, a in chunk if not a]
            if inactive:
                User.objects.filter(id__in=inactive).update(is_active=False)
            _remember("user", [(e, ids[r.username]) for e, r, _a in chunk])
        report.counts["people"] += len(chunk)
        report.counts["guests"] += sum(1 for _e, r, _a in chunk if r.guest_of)
        report.counts["deactivated"] += sum(1 for _e, _r, a in chunk if not a)
    return _known("user")


def _time_or_none(value: str) -> datetime | None:
    try:
        return parse_time(value) if value else None
    except ValueError:
        return None


# --- groups -------------------------------------------------------------------------------

def import_groups(directory: Path, report: Report, posters: dict[str, set[int]]) -> dict:
    """Groups → communities (private → closed, public → open, with guests → external),
    members from who posted there."""
    from essaim.communities.models import Community, Membership, Role

    known = _known("group")
    guests = set(get_user_model().objects.filter(kind="guest").values_list("id", flat=True))
    slugs = set(Community.objects.values_list("slug", flat=True))
    for number, row in read_csv(directory, "Groups.csv", report, required=False):
        if row["id"] in known:
            continue
        if _truthy(row.get("deleted")):
            report.skip("Groups.csv", number, _("deleted group"))
            continue
        members = posters.get(row["id"], set())
        if members & guests or _truthy(row.get("external")):
            kind = Community.Kind.EXTERNAL
        elif _truthy(row.get("private")) or row.get("privacy", "").lower() == "private":
            kind = Community.Kind.CLOSED
        else:
            kind = Community.Kind.OPEN
        base = slugify(row["name"])[:70] or f"group-{row['id']}"
        slug, n = base, 1
        while slug in slugs:
            n += 1
            slug = f"{base}-{n}"
        slugs.add(slug)
        created = _time_or_none(row.get("created_at", ""))
        with transaction.atomic():
            community = Community.objects.create(
                slug=slug, name=row["name"][:100] or slug,
                description=row.get("description", "")[:2000], kind=kind,
                members_count=len(members), **({"created_at": created} if created else {}))
            first = min(members) if members else None
            Membership.objects.bulk_create([
                Membership(community=community, user_id=u,
                           role=Role.OWNER if u == first else Role.MEMBER)
                for u in sorted(members)], ignore_conflicts=True)
            _remember("group", [(row["id"], community.id)])
        report.counts["communities"] += 1
        report.counts["members"] += len(members)
        known[row["id"]] = community.id
    return known


# --- messages -----------------------------------------------------------------------------

def _ids(value: str, prefix: str) -> list[str]:
    """``user:1,user:2`` → ["1", "2"] (bare IDs accepted too)."""
    out = []
    for part in re.split(r"[,;\s]+", value or ""):
        kind, _sep, ident = part.strip().rpartition(":")
        if ident and (not kind or kind == prefix):
            out.append(ident)
    return out


def read_messages(directory: Path, report: Report, users: dict[str, int]) -> list[_Message]:
    known = _known("message")
    found: list[_Message] = []
    for number, row in read_csv(directory, "Messages.csv", report):
        if row["id"] in known:
            continue
        if row.get("deleted_at") or row.get("deleted_by_id"):
            report.counts["deleted messages"] += 1
            continue
        if row["sender_id"] not in users:
            report.skip("Messages.csv", number, _("its sender %(id)s is not in Users.csv")
                        % {"id": row["sender_id"]})
            continue
        try:
            created = parse_time(row["created_at"])
        except ValueError:
            report.skip("Messages.csv", number, _("created_at %(value)r is not a date")
                        % {"value": row["created_at"]})
            continue
        private = _truthy(row.get("in_private_conversation")) or bool(row.get("participants"))
        found.append(_Message(
            row=number, id=row["id"], sender=row["sender_id"], body=row["body"],
            created_at=created, replied_to=row.get("replied_to_id", ""),
            thread=row.get("thread_id", ""), group=row.get("group_id", ""),
            participants=_ids(row.get("participants", ""), "user") if private else [],
            attachments=_ids(row.get("attachments", ""), "uploadedfile")))
    found.sort(key=lambda m: (m.created_at, m.id))
    return found


def group_posters(messages: list[_Message], users: dict[str, int]) -> dict[str, set[int]]:
    posters: dict[str, set[int]] = defaultdict(set)
    for m in messages:
        if m.group and not m.participants:
            posters[m.group].add(users[m.sender])
    return posters


class _Names:
    """Usernames of imported people, for mentions."""

    def __init__(self, users: dict[str, int]):
        by_id = dict(get_user_model().objects.filter(id__in=list(users.values()))
                     .values_list("id", "username"))
        self.names = {ext: by_id[i] for ext, i in users.items() if i in by_id}

    def text(self, message: _Message) -> str:
        body = MENTION_RE.sub(lambda m: f"@{self.names[m.group(1)]}"
                              if m.group(1) in self.names else m.group(0), message.body)
        if message.participants:  # a private conversation addresses its participants
            sender = message.sender
            extra = [f"@{self.names[p]}" for p in message.participants
                     if p != sender and p in self.names and f"@{self.names[p]}" not in body]
            body = (" ".join(extra) + " " + body).strip() if extra else body
        return body


def _check_message(message: _Message, text: str) -> str | None:
    from essaim.posts.actions.compose import check_post_text

    try:
        check_post_text(text, allow_empty=bool(message.attachments), limit=MAX_CHARS)
    except ValidationFailed as exc:
        return exc.message
    return None


def import_messages(messages: list[_Message], report: Report, users: dict[str, int],
                    groups: dict[str, int],
                    progress: Callable[[int, int], None] | None = None) -> list[int]:
    """Messages → posts, replies, community and direct posts; returns the new post IDs."""
    names = _Names(users)
    posted = _known("message")
    new_ids: list[int] = []
    total = len(messages)
    for start in range(0, total, BATCH):
        chunk = messages[start:start + BATCH]
        rows: list[tuple[_Message, PostRow]] = []
        in_batch: dict[str, PostRow] = {}
        for m in chunk:
            row = _post_row(m, names, users, groups, posted, in_batch, report)
            if row is not None:
                rows.append((m, row))
                in_batch[m.id] = row
        if rows:
            with transaction.atomic():
                ids = do_import_posts([r for _m, r in rows])
                _remember("message", [(m.id, i) for (m, _r), i in zip(rows, ids, strict=True)])
            for (m, _r), post_id in zip(rows, ids, strict=True):
                posted[m.id] = post_id
            new_ids += ids
            report.counts["posts"] += len(ids)
            report.counts["replies"] += sum(1 for _m, r in rows if r.in_reply_to is not None)
            report.counts["direct posts"] += sum(1 for _m, r in rows
                                                 if r.visibility == Visibility.DIRECT)
            report.counts["community posts"] += sum(1 for _m, r in rows if r.community_id)
        if progress:
            progress(min(start + BATCH, total), total)
    return new_ids


def _post_row(m: _Message, names: _Names, users, groups, posted, in_batch,
              report: Report) -> PostRow | None:
    text = names.text(m)
    problem = _check_message(m, text)
    if problem:
        report.skip("Messages.csv", m.row, problem)
        return None
    parent: PostRow | int | None = None
    for ref in (m.replied_to, m.thread):
        if ref and ref != m.id:
            parent = in_batch.get(ref) or posted.get(ref)
            if parent is not None:
                break
    community_id = None
    visibility = Visibility.COMPANY
    if m.participants:
        visibility = Visibility.DIRECT
    elif m.group:
        community_id = groups.get(m.group)
        if community_id is None:
            report.skip("Messages.csv", m.row, _("its group %(id)s is not in Groups.csv")
                        % {"id": m.group})
            return None
    if isinstance(parent, PostRow) and parent.community_id != community_id:
        parent = None
    return PostRow(author_id=users[m.sender], created_at=m.created_at, text=text,
                   visibility=visibility, in_reply_to=parent, community_id=community_id,
                   max_chars=MAX_CHARS, salt=int(m.id) & 0xFFFF if m.id.isdigit() else 0)


# --- the whole import ---------------------------------------------------------------------

def do_import_viva_engage(directory, *, company_domains: list[str] | None = None,
                          progress: Callable[[str, int, int], None] | None = None) -> Report:
    directory = Path(directory)
    if not directory.is_dir():
        raise ImportFailed(_("%(dir)s is not a directory.") % {"dir": directory})
    for name in ("Users.csv", "Messages.csv"):
        if not (directory / name).is_file():
            raise ImportFailed(_("%(file)s is missing in %(dir)s.")
                               % {"file": name, "dir": directory})
    report = Report()
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        report.seconds[name] = round(now - clock, 2)
        clock = now

    users = import_users(directory, report, company_domains or [])
    lap("people")
    messages = read_messages(directory, report, users)
    lap("reading messages")
    groups = import_groups(directory, report, group_posters(messages, users))
    lap("communities")
    ids = import_messages(messages, report, users, groups,
                          (lambda done, total: progress("messages", done, total))
                          if progress else None)
    lap("messages")
    report.counts["files"] += import_files(directory, report, groups, users, messages)
    lap("files")
    if ids:
        rebuild_after_import(ids)
    lap("timelines and trends")
    return report


def import_files(directory: Path, report: Report, groups: dict[str, int],
                 users: dict[str, int], messages: list[_Message]) -> int:
    from .viva_files import import_files as run

    return run(directory, report, groups, users, messages)


def rebuild_after_import(post_ids: list[int]) -> None:
    """Home timelines, the search index, and trends for the imported range."""
    from essaim.demo.runner import rebuild_all_timelines
    from essaim.posts.models import Post
    from essaim.search.indexing import reindex
    from essaim.trends.actions import do_refresh
    from essaim.trends.indexing import RETENTION_DAYS, index_posts

    rebuild_all_timelines()
    reindex()  # what the bulk import wrote without the after-commit indexing
    since = datetime.now(UTC) - timedelta(days=RETENTION_DAYS)
    recent = [i for i in post_ids if i >= snowflake_for(since, 0)]
    for start in range(0, len(recent), 5000):
        index_posts(list(Post.objects.filter(id__in=recent[start:start + 5000])
                         .values_list("id", flat=True)))
    do_refresh()
