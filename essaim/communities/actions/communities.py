"""Create, edit, archive and delete communities; templates; deadlines and their sweep."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from essaim.core.errors import PermissionDenied, ValidationFailed
from essaim.notifications.models import Notification

from ..access import require_moderator, require_owner
from ..models import Community, Folder, Membership, Role, TaskList
from ..models.community import MODERATING_ROLES
from .notify import notify

REMINDER_BEFORE = timedelta(days=3)
TEMPLATE_KINDS = {Community.Template.TENDER: Community.Kind.CLOSED,
                  Community.Template.EVENT: Community.Kind.OPEN,
                  Community.Template.INTEREST: Community.Kind.OPEN}


def check_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationFailed(_("A community needs a name."), field="name")
    if len(name) > 100:
        raise ValidationFailed(_("A community name has at most 100 characters."), field="name")
    return name


def check_text(value: str, limit: int, field: str) -> str:
    value = (value or "").replace("\r\n", "\n").strip()
    if len(value) > limit:
        raise ValidationFailed(_("This text has at most %(n)d characters.") % {"n": limit},
                               field=field)
    return value


def check_tags(tags) -> str:
    if isinstance(tags, str):
        tags = tags.split(",")
    cleaned = []
    for tag in tags or []:
        tag = " ".join(str(tag).strip().lstrip("#").split()).lower()
        if tag and tag not in cleaned:
            cleaned.append(tag[:40])
    text = ", ".join(cleaned)
    if len(text) > 300:
        raise ValidationFailed(_("Too many tags."), field="tags")
    return text


def check_enum(value, choices, field: str, default=None):
    if value in (None, "") and default is not None:
        return default
    if value not in choices.values:
        raise ValidationFailed(_("Unknown value for %(field)s: %(value)s.")
                               % {"field": field, "value": value}, field=field)
    return value


def check_deadline(deadline):
    if deadline is not None and deadline <= timezone.now():
        raise ValidationFailed(_("The deadline must be in the future."), field="deadline")
    return deadline


RESERVED_SLUGS = {"invitations", "my-tasks", "new", "mine"}


def _unique_slug(name: str) -> str:
    base = slugify(name)[:60].strip("-") or "community"
    if base in RESERVED_SLUGS:
        base = f"{base}-community"
    slug, n = base, 1
    while Community.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}" if n < 20 else f"{base}-{secrets.token_hex(3)}"
    return slug


def check_create_community(user) -> None:
    """Only employees create communities (they invite guests into them)."""
    if not user.is_employee:
        raise PermissionDenied(_("Only employees can create communities."))


def do_create_community(user, name: str, *, kind: str | None = None, description: str = "",
                        tags="", template: str = "", deadline=None) -> Community:
    """Create a community from a template; its creator becomes its owner."""
    check_create_community(user)
    name = check_name(name)
    template = check_enum(template or "", Community.Template, "template")
    kind = check_enum(kind, Community.Kind, "kind",
                      default=TEMPLATE_KINDS.get(template, Community.Kind.OPEN))
    with transaction.atomic():
        community = Community.objects.create(
            slug=_unique_slug(name), name=name, kind=kind, template=template,
            description=check_text(description, 2000, "description"), tags=check_tags(tags),
            deadline=check_deadline(deadline), created_by=user, members_count=1)
        Membership.objects.create(community=community, user=user, role=Role.OWNER)
        _apply_template(user, community)
    _refresh_home(user.id)
    return community


def _apply_template(user, community: Community) -> None:
    if community.template == Community.Template.TENDER:
        Folder.objects.create(community=community, name=_("Bid documents"), created_by=user)
        TaskList.objects.create(community=community, name=_("Bid tasks"), created_by=user)
    elif community.template == Community.Template.EVENT:
        TaskList.objects.create(community=community, name=_("Organisation"), created_by=user)


def _refresh_home(user_id: int) -> None:
    from essaim.core.jobs import enqueue_on_commit
    from essaim.timelines.tasks import rebuild_timeline

    enqueue_on_commit(rebuild_timeline, user_id)


def do_update_community(user, community: Community, **fields) -> Community:
    """Change name, description, kind, tags or deadline (owners and animators)."""
    require_moderator(user, community)
    changed = []
    if "name" in fields and fields["name"] is not None:
        community.name = check_name(fields["name"])
        changed.append("name")
    if fields.get("description") is not None:
        community.description = check_text(fields["description"], 2000, "description")
        changed.append("description")
    if fields.get("tags") is not None:
        community.tags = check_tags(fields["tags"])
        changed.append("tags")
    if fields.get("kind") is not None:
        community.kind = _check_kind_change(community, fields["kind"])
        changed.append("kind")
    if "deadline" in fields:
        community.deadline = check_deadline(fields["deadline"])
        community.reminder_sent_at = None
        changed += ["deadline", "reminder_sent_at"]
    if changed:
        community.save(update_fields=changed)
    return community


def _check_kind_change(community: Community, kind: str) -> str:
    kind = check_enum(kind, Community.Kind, "kind")
    if kind != Community.Kind.EXTERNAL and community.memberships.filter(
            role=Role.GUEST).exists():
        raise ValidationFailed(_("This community has external guests: it must stay external."),
                               field="kind")
    return kind


def do_set_decision(user, community: Community, decision: str, note: str = "") -> Community:
    """The go / no-go decision of a call for tenders (owners and animators)."""
    require_moderator(user, community)
    community.decision = check_enum(decision or "", Community.Decision, "decision")
    community.decision_note = check_text(note, 300, "decision_note")
    community.save(update_fields=["decision", "decision_note"])
    return community


def do_set_image(user, community: Community, which: str, uploaded) -> Community:
    """Set the community's avatar or cover from an uploaded image (checked, re-encoded)."""
    from essaim.media.images import process_image

    require_moderator(user, community)
    if which not in ("avatar", "cover"):
        raise ValidationFailed(_("Unknown image."), field="which")
    if uploaded is None:
        raise ValidationFailed(_("Choose a file to upload."), field=which)
    image = process_image(uploaded)
    field = getattr(community, which)
    old = field.name
    ext = image.preview.name.rsplit(".", 1)[-1]
    field.save(f"{community.pk}-{secrets.token_hex(6)}.{ext}", image.preview, save=False)
    community.save(update_fields=[which])
    if old:
        field.storage.delete(old)
    return community


def do_archive(user, community: Community) -> Community:
    require_moderator(user, community)
    return archive(community)


def archive(community: Community) -> Community:
    """Make a community read-only (callers check who may)."""
    if community.archived_at is None:
        community.archived_at = timezone.now()
        community.save(update_fields=["archived_at"])
    return community


def do_unarchive(user, community: Community) -> Community:
    """Reopen an archived community (its deadline, if past, is cleared)."""
    require_moderator(user, community)
    return unarchive(community)


def unarchive(community: Community) -> Community:
    community.archived_at = None
    if community.deadline is not None and community.deadline <= timezone.now():
        community.deadline = None
    community.save(update_fields=["archived_at", "deadline"])
    return community


def do_delete_community(user, community: Community) -> None:
    """Delete a community with its posts and artefacts (owners, or an administrator)."""
    require_owner(user, community)
    delete(community)


def delete(community: Community) -> None:
    """Delete a community, its posts (also from home timelines) and its stored files."""
    from essaim.posts.models import Post
    from essaim.timelines.store import timeline_store

    with transaction.atomic():
        post_ids = list(Post.objects.filter(community=community).values_list("id", flat=True))
        blobs = _stored_files(community)
        store = timeline_store()
        transaction.on_commit(lambda: store.remove_posts(post_ids))
        transaction.on_commit(lambda: _delete_blobs(blobs))
        community.delete()


def _stored_files(community: Community) -> list:
    from ..models import FileVersion

    names = [community.avatar.name, community.cover.name]
    for blob, thumb in FileVersion.objects.filter(file__community=community).values_list(
            "blob", "thumbnail"):
        names += [blob, thumb]
    return [n for n in names if n]


def _delete_blobs(names: list) -> None:
    from ..storage import private_storage

    storage = private_storage()
    for name in names:
        storage.delete(name)


# --- Lifecycle: deadlines -----------------------------------------------------------------

def do_sweep_deadlines(now=None) -> tuple[int, int]:
    """Archive communities past their deadline; remind animators shortly before.

    Idempotent; returns (archived, reminded). Run by the ``sweep_communities`` task.
    """
    now = now or timezone.now()
    archived = Community.objects.filter(archived_at__isnull=True, deadline__lte=now).update(
        archived_at=now)
    due = Community.objects.filter(archived_at__isnull=True, reminder_sent_at__isnull=True,
                                   deadline__gt=now, deadline__lte=now + REMINDER_BEFORE)
    reminded = 0
    for community in due:
        with transaction.atomic():
            claimed = Community.objects.filter(pk=community.pk,
                                               reminder_sent_at__isnull=True).update(
                reminder_sent_at=now)
            if not claimed:
                continue
            moderators = Membership.objects.filter(
                community=community, role__in=MODERATING_ROLES).select_related("user")
            for row in moderators:
                notify(row.user, Notification.Kind.DEADLINE, community,
                       subject=community.name)
            reminded += 1
    return archived, reminded
