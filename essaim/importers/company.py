"""Company import: many accounts, follows, posts, likes and bookmarks at once.

Used to seed demo and benchmark companies and to import history from elsewhere. They write the
same rows as the one-by-one actions (rendered HTML, hashtag and mention links, thread roots,
counters) but in batches, with IDs made from each row's own date (``core.ids.snowflake_for``), and
without fan-out or notifications: rebuild home timelines afterwards with the timeline store.
Rows are checked the way the one-by-one actions check them (texts, visibility of replies and
relays, delegation, guests) and a bad row refuses the whole import, which runs in one
transaction. Likes and bookmarks are not checked against the visibility policy row by row: the
caller vouches that each person can see what they like (the seed generator only picks people
who can, and its tests check it with ``visibility.visible_posts``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.constants import OnConflict
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.accounts.actions import do_create_department
from essaim.accounts.actions.admin import USERNAME_RE
from essaim.accounts.models import Organisation, Skill
from essaim.core.errors import ValidationFailed
from essaim.core.ids import snowflake_for
from essaim.graph.models import Follow
from essaim.posts import text as post_text
from essaim.posts.actions.compose import VISIBILITY_RANK, check_post_text
from essaim.posts.models import Bookmark, Hashtag, Like, Post, ReplyPolicy, Visibility

CHUNK = 900  # stays under SQLite's 999 bound parameters per statement
BATCH = 2000


def _chunks(items: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _insert(model, rows: Sequence[dict], *, ignore_conflicts: bool = False) -> None:
    """Insert plain rows (dicts of column values, model defaults for the rest) in batches.

    ``bulk_create`` spends most of its time building model instances and SQL per batch; a
    prepared ``executemany`` is several times faster for the hundreds of thousands of rows of a
    seeded company, and works the same on SQLite and PostgreSQL.
    """
    if not rows:
        return
    fields = [f for f in model._meta.concrete_fields
              if not (isinstance(f, models.AutoField) and f.attname not in rows[0])]
    defaults = {f.attname: f.get_default() for f in fields}
    now = timezone.now()
    for f in fields:
        if getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False):
            defaults[f.attname] = now
    moments = [i for i, f in enumerate(fields) if isinstance(f, models.DateTimeField)]
    ops = connection.ops
    conflict = OnConflict.IGNORE if ignore_conflicts else None
    sql = "{} {} ({}) VALUES ({}) {}".format(
        ops.insert_statement(on_conflict=conflict), ops.quote_name(model._meta.db_table),
        ", ".join(ops.quote_name(f.column) for f in fields), ", ".join(["%s"] * len(fields)),
        ops.on_conflict_suffix_sql(fields, conflict, None, None))
    with connection.cursor() as cursor:
        for batch in _chunks(rows, BATCH):
            params = []
            for row in batch:
                values = [row.get(f.attname, defaults[f.attname]) for f in fields]
                for i in moments:
                    values[i] = ops.adapt_datetimefield_value(values[i])
                params.append(values)
            cursor.executemany(sql, params)


# --- Accounts ------------------------------------------------------------------------

@dataclass
class UserRow:
    """One account to import. ``department`` and ``guest_of`` are names, created if missing."""

    username: str
    display_name: str = ""
    email: str = ""
    department: str = ""
    job_title: str = ""
    location: str = ""
    languages: str = ""
    bio: str = ""
    skills: list[str] = field(default_factory=list)
    guest_of: str = ""
    organisation_kind: str = Organisation.Kind.OTHER
    admin: bool = False
    is_official: bool = False
    delegates: list[str] = field(default_factory=list)  # usernames, for official accounts
    date_joined: datetime | None = None
    last_active_at: datetime | None = None  # when they last used Essaim, if ever


def _check_user_rows(rows: Sequence[UserRow]) -> None:
    """The checks of ``do_create_user``: valid, free usernames and e-mail addresses."""
    User = get_user_model()
    names: set[str] = set()
    emails: set[str] = set()
    for row in rows:
        if not USERNAME_RE.match(row.username):
            raise ValidationFailed(_("Invalid username: %(name)s.") % {"name": row.username},
                                   field="username")
        if row.username in names:
            raise ValidationFailed(_("The username @%(name)s is taken.")
                                   % {"name": row.username}, field="username")
        names.add(row.username)
        if row.email:
            try:
                validate_email(row.email)
            except DjangoValidationError as exc:
                raise ValidationFailed(_("Enter a valid e-mail address."), field="email") from exc
            if row.email.lower() in emails:
                raise ValidationFailed(_("This e-mail address is already used."), field="email")
            emails.add(row.email.lower())
    for chunk in _chunks(sorted(names)):
        taken = User.objects.filter(username__in=chunk).values_list("username", flat=True)
        if taken.exists():
            raise ValidationFailed(_("The username @%(name)s is taken.")
                                   % {"name": taken.first()}, field="username")
    for chunk in _chunks(sorted(emails)):
        if User.objects.filter(email__in=chunk).exists():
            raise ValidationFailed(_("This e-mail address is already used."), field="email")


def _user_ids(usernames: Iterable[str]) -> dict[str, int]:
    User = get_user_model()
    ids: dict[str, int] = {}
    for chunk in _chunks(list(usernames)):
        ids.update(User.objects.filter(username__in=chunk).values_list("username", "id"))
    return ids


def _build_user(row: UserRow, password_hash: str, departments, organisations):
    User = get_user_model()
    organisation = organisations.get(row.guest_of) if row.guest_of else None
    return User(
        username=row.username, email=row.email, password=password_hash,
        display_name=row.display_name[:100], department=departments.get(row.department),
        job_title=row.job_title[:120], location=row.location[:120],
        languages=row.languages[:200], bio=row.bio[:1000],
        kind=User.Kind.GUEST if organisation else User.Kind.EMPLOYEE,
        organisation=organisation, is_staff=row.admin, is_superuser=row.admin,
        is_official=row.is_official, date_joined=row.date_joined or timezone.now(),
        last_active_at=row.last_active_at,
    )


def do_import_users(rows: Sequence[UserRow], *, password_hash: str) -> dict[str, int]:
    """Create accounts sharing one password hash; returns their IDs by username."""
    User = get_user_model()
    _check_user_rows(rows)
    with transaction.atomic():
        departments = {name: do_create_department(name)
                       for name in dict.fromkeys(r.department for r in rows if r.department)}
        organisations = {}
        for row in rows:
            if row.guest_of and row.guest_of not in organisations:
                organisations[row.guest_of] = Organisation.objects.get_or_create(
                    name=row.guest_of, defaults={"kind": row.organisation_kind})[0]
        User.objects.bulk_create(
            [_build_user(r, password_hash, departments, organisations) for r in rows],
            batch_size=BATCH)
        ids = _user_ids(r.username for r in rows)
        _import_skills(rows, ids)
        _import_delegates(rows, ids)
    return ids


def _skill_name(raw: str) -> str:
    return raw.strip().lstrip("#").lower()[:60]


def _import_skills(rows: Sequence[UserRow], ids: dict[str, int]) -> None:
    names = list(dict.fromkeys(_skill_name(s) for r in rows for s in r.skills if _skill_name(s)))
    Skill.objects.bulk_create([Skill(name=n) for n in names], ignore_conflicts=True)
    skill_ids: dict[str, int] = {}
    for chunk in _chunks(names):
        skill_ids.update(Skill.objects.filter(name__in=chunk).values_list("name", "id"))
    links = {(ids[r.username], skill_ids[_skill_name(s)])
             for r in rows for s in r.skills if _skill_name(s)}
    _insert(get_user_model().skills.through,
            [{"user_id": u, "skill_id": s} for u, s in sorted(links)])


def _import_delegates(rows: Sequence[UserRow], ids: dict[str, int]) -> None:
    wanted = {(r.username, d) for r in rows for d in r.delegates}
    if not wanted:
        return
    known = _user_ids({d for _o, d in wanted}) | ids
    through = get_user_model().delegates.through
    links = []
    for official, delegate in sorted(wanted):
        if delegate not in known:
            raise ValidationFailed(_("No account named @%(name)s.") % {"name": delegate})
        links.append(through(from_user_id=ids[official], to_user_id=known[delegate]))
    through.objects.bulk_create(links)


# --- Follows -------------------------------------------------------------------------

def do_import_follows(pairs: Iterable[tuple[int, int]]) -> int:
    """Create (follower ID, followee ID) follows; existing ones and self-follows are skipped.

    Returns the number of distinct pairs given.
    """
    User = get_user_model()
    pairs = sorted({(a, b) for a, b in pairs if a != b})
    people = {i for pair in pairs for i in pair}
    guests = set()
    for chunk in _chunks(list(people)):
        guests |= set(User.objects.filter(id__in=chunk, kind=User.Kind.GUEST)
                      .values_list("id", flat=True))
    if guests:
        raise ValidationFailed(_("External guests cannot follow or be followed yet."))
    try:
        with transaction.atomic():
            _insert(Follow, [{"follower_id": a, "followee_id": b} for a, b in pairs],
                    ignore_conflicts=True)
    except IntegrityError as exc:
        raise ValidationFailed(_("The import refers to unknown accounts.")) from exc
    return len(pairs)


# --- Posts ---------------------------------------------------------------------------

@dataclass(eq=False)
class PostRow:
    """One post to import. References are other rows of the import, or IDs of existing posts."""

    author_id: int
    created_at: datetime
    text: str = ""
    visibility: str = Visibility.COMPANY
    language: str = ""
    reply_policy: str = ReplyPolicy.EVERYONE
    in_reply_to: PostRow | int | None = None
    relay_of: PostRow | int | None = None
    quote_of: PostRow | int | None = None
    posted_by_id: int | None = None  # the delegate writing for an official account
    community_id: int | None = None  # a community post (visibility "community")
    max_chars: int | None = None  # history written elsewhere may be longer than a post here
    salt: int = 0  # separates rows of the same millisecond
    id: int | None = None  # set by the import
    # Worked out by the import from the referenced posts:
    thread_root_id: int | None = field(default=None, repr=False)
    in_reply_to_account_id: int | None = field(default=None, repr=False)


@dataclass
class _Ref:
    """What the import needs to know about a referenced post."""

    id: int
    author_id: int
    visibility: str
    thread_root_id: int | None
    relay_of_id: int | None


def _ref_of(value, existing: dict[int, _Ref]) -> _Ref | None:
    if value is None:
        return None
    if isinstance(value, PostRow):
        if value.id is None:
            raise ValidationFailed(_("A post refers to a post that is not imported."))
        relay = value.relay_of.id if isinstance(value.relay_of, PostRow) else value.relay_of
        return _Ref(value.id, value.author_id, value.visibility, value.thread_root_id, relay)
    if value not in existing:
        raise ValidationFailed(_("Post %(id)s does not exist.") % {"id": value})
    return existing[value]


def _existing_refs(rows: Sequence[PostRow]) -> dict[int, _Ref]:
    wanted = {ref for r in rows for ref in (r.in_reply_to, r.relay_of, r.quote_of)
              if isinstance(ref, int)}
    refs: dict[int, _Ref] = {}
    fields = ("id", "author_id", "visibility", "thread_root_id", "relay_of_id")
    for chunk in _chunks(sorted(wanted)):
        for values in Post.objects.filter(id__in=chunk).values_list(*fields):
            refs[values[0]] = _Ref(*values)
    return refs


def _assign_ids(rows: Sequence[PostRow], model=Post) -> None:
    used: set[int] = set()
    for row in rows:
        row.id = snowflake_for(row.created_at, row.salt)
        while row.id in used:
            row.id += 1  # the next sequence number: still sorts by time
        used.add(row.id)
    for chunk in _chunks(sorted(used)):
        if model.objects.filter(id__in=chunk).exists():
            raise ValidationFailed(_("Some imported rows collide with existing ones; "
                                     "use other salts."))


@dataclass
class _Author:
    id: int
    username: str
    kind: str
    is_official: bool

    @property
    def is_guest(self) -> bool:
        return self.kind == get_user_model().Kind.GUEST


def _authors(rows: Sequence[PostRow]) -> dict[int, _Author]:
    User = get_user_model()
    ids = sorted({r.author_id for r in rows} | {r.posted_by_id for r in rows if r.posted_by_id})
    people: dict[int, _Author] = {}
    for chunk in _chunks(ids):
        for values in User.objects.filter(id__in=chunk).values_list(
                "id", "username", "kind", "is_official"):
            people[values[0]] = _Author(*values)
    missing = set(ids) - set(people)
    if missing:
        raise ValidationFailed(_("No account with ID %(id)s.") % {"id": min(missing)})
    return people


def _check_delegates(rows: Sequence[PostRow], people: dict) -> None:
    pairs = {(r.author_id, r.posted_by_id) for r in rows
             if r.posted_by_id and r.posted_by_id != r.author_id}
    if not pairs:
        return
    through = get_user_model().delegates.through
    allowed = set(through.objects.filter(from_user_id__in={a for a, _d in pairs})
                  .values_list("from_user_id", "to_user_id"))
    for author_id, delegate_id in pairs:
        if (author_id, delegate_id) not in allowed or not people[author_id].is_official:
            raise ValidationFailed(_("@%(who)s cannot post as @%(author)s.") % {
                "who": people[delegate_id].username, "author": people[author_id].username})


def _resolve_post(row: PostRow, author, existing: dict[int, _Ref]) -> None:
    """Check one row and work out its thread, visibility and counters' targets."""
    valid = Visibility.values
    if row.visibility not in valid or row.reply_policy not in ReplyPolicy.values:
        raise ValidationFailed(_("Unknown visibility or reply policy: %(v)s, %(p)s.")
                               % {"v": row.visibility, "p": row.reply_policy})
    relay = _ref_of(row.relay_of, existing)
    if relay is not None:
        if relay.relay_of_id is not None:
            raise ValidationFailed(_("Relay the original post, not a relay."))
        if relay.visibility not in (Visibility.PUBLIC, Visibility.COMPANY):
            raise ValidationFailed(_("Followers-only and direct posts cannot be relayed."))
        row.text, row.visibility, row.reply_policy = "", relay.visibility, ReplyPolicy.NOBODY
        return
    row.text = check_post_text(row.text, allow_empty=row.quote_of is not None,
                               limit=row.max_chars)
    if row.community_id is not None:
        row.visibility = Visibility.COMMUNITY
    if policy.visibility_refusal(author, row.visibility):  # a guest's post is narrowed
        row.visibility = policy.default_visibility_for(author, row.text)
    parent = _ref_of(row.in_reply_to, existing)
    if parent is not None:
        if parent.relay_of_id is not None:
            raise ValidationFailed(_("Reply to the original post, not to a relay."))
        row.in_reply_to_account_id = parent.author_id
        row.thread_root_id = parent.thread_root_id or parent.id
        if VISIBILITY_RANK[Visibility(parent.visibility)] > VISIBILITY_RANK[row.visibility]:
            row.visibility = parent.visibility
    quoted = _ref_of(row.quote_of, existing)
    if quoted is not None and quoted.visibility not in (Visibility.PUBLIC, Visibility.COMPANY):
        raise ValidationFailed(_("Followers-only and direct posts cannot be relayed."))


def _ref_id(value) -> int | None:
    return value.id if isinstance(value, PostRow) else value


def _hashtag_ids(parsed: list) -> dict[str, int]:
    names: dict[str, str] = {}
    for p in parsed:
        for tag in p.hashtags:
            names.setdefault(tag.lower(), tag)
    existing: dict[str, int] = {}
    for chunk in _chunks(list(names)):
        existing.update(Hashtag.objects.filter(name__in=chunk).values_list("name", "id"))
    missing = [Hashtag(name=n, display=d) for n, d in names.items() if n not in existing]
    if missing:
        Hashtag.objects.bulk_create(missing, ignore_conflicts=True)
        for chunk in _chunks([h.name for h in missing]):
            existing.update(Hashtag.objects.filter(name__in=chunk).values_list("name", "id"))
    return existing


def _mentionable(parsed: list) -> dict[str, int]:
    User = get_user_model()
    names = sorted({name for p in parsed for name in p.mentions})
    ids: dict[str, int] = {}
    for chunk in _chunks(names):
        ids.update(User.objects.filter(username__in=chunk, is_active=True)
                   .values_list("username", "id"))
    return ids


def _build_posts(rows: Sequence[PostRow]) -> tuple[list[dict], list, list]:
    parsed = [post_text.parse(r.text) for r in rows]
    tag_ids, user_ids = _hashtag_ids(parsed), _mentionable(parsed)
    posts, tag_links, mention_links = [], [], []
    for row, found in zip(rows, parsed, strict=True):
        mentioned = [n for n in found.mentions if n in user_ids and user_ids[n] != row.author_id]
        posts.append({
            "id": row.id, "author_id": row.author_id, "posted_by_id": row.posted_by_id,
            "text": row.text, "html": post_text.render(row.text, set(mentioned))
            if row.text else "", "language": row.language[:8], "visibility": row.visibility,
            "reply_policy": row.reply_policy, "in_reply_to_id": _ref_id(row.in_reply_to),
            "relay_of_id": _ref_id(row.relay_of), "quote_of_id": _ref_id(row.quote_of),
            "in_reply_to_account_id": row.in_reply_to_account_id,
            "thread_root_id": row.thread_root_id, "created_at": row.created_at,
            "community_id": row.community_id,
        })
        tag_links += [(row.id, tag_ids[t.lower()]) for t in found.hashtags]
        mention_links += [(row.id, user_ids[n]) for n in mentioned]
    return posts, tag_links, mention_links


def do_import_posts(rows: Sequence[PostRow]) -> list[int]:
    """Create posts, replies, relays and quote-relays; returns their IDs in the rows' order."""
    given, rows = rows, sorted(rows, key=lambda r: r.created_at)
    people = _authors(rows)
    _check_delegates(rows, people)
    existing = _existing_refs(rows)
    _assign_ids(rows)
    for row in rows:
        _resolve_post(row, people[row.author_id], existing)
        for ref in (row.in_reply_to, row.relay_of, row.quote_of):
            if isinstance(ref, PostRow) and ref.created_at > row.created_at:
                raise ValidationFailed(_("A post cannot answer or relay a later post."))
    seen_relays: set[tuple[int, int]] = set()
    for row in rows:
        if row.relay_of is not None:
            key = (row.author_id, _ref_id(row.relay_of))
            if key in seen_relays:
                raise ValidationFailed(_("A post can be relayed only once by each person."))
            seen_relays.add(key)
    posts, tag_links, mention_links = _build_posts(rows)
    try:
        with transaction.atomic():
            _insert(Post, posts)
            _insert(Post.hashtags.through,
                    [{"post_id": p, "hashtag_id": t} for p, t in tag_links])
            _insert(Post.mentions.through, [{"post_id": p, "user_id": u} for p, u in mention_links])
            targets = {_ref_id(ref) for r in rows
                       for ref in (r.in_reply_to, r.relay_of, r.quote_of) if ref is not None}
            refresh_post_counts(targets)
    except IntegrityError as exc:
        raise ValidationFailed(_("The import conflicts with existing posts.")) from exc
    return [r.id for r in given]


def _count(model, column: str, **filters) -> Coalesce:
    rows = (model.objects.filter(**{column: OuterRef("pk")}, **filters).order_by()
            .values(column).annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def refresh_post_counts(post_ids: Iterable[int]) -> None:
    """Recount replies, relays, quotes and likes of the given posts from the rows themselves."""
    for chunk in _chunks(sorted(post_ids)):
        Post.objects.filter(id__in=chunk).update(
            replies_count=_count(Post, "in_reply_to"),
            relays_count=_count(Post, "relay_of"),
            quotes_count=_count(Post, "quote_of"),
            likes_count=_count(Like, "post"),
        )


# --- Likes and bookmarks -------------------------------------------------------------

def _originals(post_ids: set[int]) -> dict[int, int]:
    """Relay ID -> original ID, for the relays among ``post_ids`` (one likes the original)."""
    found: dict[int, int] = {}
    for chunk in _chunks(sorted(post_ids)):
        found.update(Post.objects.filter(id__in=chunk, relay_of__isnull=False)
                     .values_list("id", "relay_of_id"))
    return found


def _import_marks(model, rows: Iterable[tuple[int, int, datetime]]) -> list[int]:
    rows = list(rows)
    originals = _originals({post_id for _u, post_id, _w in rows})
    unique: dict[tuple[int, int], datetime] = {}
    for user_id, post_id, when in rows:
        unique.setdefault((user_id, originals.get(post_id, post_id)), when)
    used: set[int] = set()
    objects = []
    for (user_id, post_id), when in sorted(unique.items(), key=lambda kv: (kv[1], kv[0])):
        mark_id = snowflake_for(when, user_id)
        while mark_id in used:
            mark_id += 1
        used.add(mark_id)
        objects.append({"id": mark_id, "user_id": user_id, "post_id": post_id,
                        "created_at": when})
    try:
        with transaction.atomic():
            _insert(model, objects, ignore_conflicts=True)
    except IntegrityError as exc:
        raise ValidationFailed(_("The import refers to unknown accounts or posts.")) from exc
    return sorted({post_id for _u, post_id in unique})


def do_import_likes(rows: Iterable[tuple[int, int, datetime]]) -> int:
    """Create (user ID, post ID, date) likes (of the original for a relay); update counts."""
    post_ids = _import_marks(Like, rows)
    refresh_post_counts(post_ids)
    return len(post_ids)


def do_import_bookmarks(rows: Iterable[tuple[int, int, datetime]]) -> int:
    """Create (user ID, post ID, date) bookmarks."""
    return len(_import_marks(Bookmark, rows))
