"""Shared files: upload (size-limited, typed by content), versions, folders, downloads."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from essaim.core import ratelimit
from essaim.core.errors import PermissionDenied, ValidationFailed

from ..access import member_for_writing
from ..filetypes import detect, thumbnail
from ..models import FileVersion, Folder, SharedFile
from ..models.community import MODERATING_ROLES


def max_bytes() -> int:
    return settings.ESSAIM_UPLOAD_MAX_BYTES


def check_file_name(name: str) -> str:
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if c.isprintable()).strip().strip(".")
    if not name:
        raise ValidationFailed(_("The file needs a name."), field="file")
    return name[:200]


def _read(uploaded) -> bytes:
    if uploaded is None:
        raise ValidationFailed(_("Choose a file to upload."), field="file")
    limit = max_bytes()
    if uploaded.size is not None and uploaded.size > limit:
        raise ValidationFailed(_("This file is too large (%(max)s at most).")
                               % {"max": _human(limit)}, field="file")
    data = uploaded.read(limit + 1)
    if len(data) > limit:
        raise ValidationFailed(_("This file is too large (%(max)s at most).")
                               % {"max": _human(limit)}, field="file")
    if not data:
        raise ValidationFailed(_("This file is empty."), field="file")
    return data


def _human(size: int) -> str:
    from django.template.defaultfilters import filesizeformat

    return str(filesizeformat(size))


def check_folder_name(name: str) -> str:
    name = " ".join((name or "").replace("/", " ").split())
    if not name:
        raise ValidationFailed(_("A folder needs a name."), field="name")
    return name[:120]


def do_create_folder(user, community, name: str, parent: Folder | None = None) -> Folder:
    member_for_writing(user, community)
    name = check_folder_name(name)
    if parent is not None and parent.community_id != community.pk:
        raise ValidationFailed(_("This folder is in another community."), field="parent")
    if Folder.objects.filter(community=community, parent=parent, name__iexact=name).exists():
        raise ValidationFailed(_("A folder with this name already exists here."), field="name")
    return Folder.objects.create(community=community, parent=parent, name=name,
                                 created_by=user)


def do_upload_file(user, community, uploaded, *, folder: Folder | None = None,
                   description: str = "") -> SharedFile:
    """Upload a file; a file of the same name in the same folder gets a new version."""
    member_for_writing(user, community)
    ratelimit.hit("upload", str(user.id), "ESSAIM_RATE_POST")
    if folder is not None and folder.community_id != community.pk:
        raise ValidationFailed(_("This folder is in another community."), field="folder")
    name = check_file_name(getattr(uploaded, "name", ""))
    data = _read(uploaded)
    found = detect(data[:8192], name)
    with transaction.atomic():
        shared = SharedFile.objects.select_for_update().filter(
            community=community, folder=folder, name__iexact=name).first()
        if shared is None:
            shared = SharedFile.objects.create(
                community=community, folder=folder, name=name, created_by=user,
                description=(description or "").strip()[:500],
                content_type=found.content_type)
        _add_version(user, shared, data, found)
    return shared


def do_upload_version(user, shared: SharedFile, uploaded) -> SharedFile:
    """A new version of an existing file; its content must be of the same kind of file."""
    member_for_writing(user, shared.community)
    ratelimit.hit("upload", str(user.id), "ESSAIM_RATE_POST")
    data = _read(uploaded)
    found = detect(data[:8192], shared.name)
    with transaction.atomic():
        shared = SharedFile.objects.select_for_update().get(pk=shared.pk)
        _add_version(user, shared, data, found)
    return shared


def _add_version(user, shared: SharedFile, data: bytes, found) -> FileVersion:
    number = shared.versions_count + 1
    version = FileVersion(file=shared, number=number, size=len(data),
                          content_type=found.content_type,
                          sha256=hashlib.sha256(data).hexdigest(), uploaded_by=user)
    stem = f"{shared.community_id}/{shared.pk}-v{number}-{secrets.token_hex(6)}"
    version.blob.save(f"{stem}.{found.extension or 'bin'}", ContentFile(data), save=False)
    thumb = thumbnail(data, found.content_type)
    if thumb is not None:
        version.thumbnail.save(f"{stem}.png", thumb, save=False)
    try:
        version.save()
        shared.versions_count = number
        shared.size = len(data)
        shared.content_type = found.content_type
        shared.updated_at = timezone.now()
        shared.save(update_fields=["versions_count", "size", "content_type", "updated_at"])
    except Exception:  # nothing half-written: the stored bytes go with the failed write
        _delete_names([version.blob.name, version.thumbnail.name])
        raise
    return version


def do_record_download(viewer, shared: SharedFile, version: FileVersion) -> None:
    """Count a download (the caller has checked access with ``access_file``)."""
    SharedFile.objects.filter(pk=shared.pk).update(download_count=F("download_count") + 1)
    FileVersion.objects.filter(pk=version.pk).update(download_count=F("download_count") + 1)


def _may_change(user, membership, created_by_id) -> bool:
    return membership.role in MODERATING_ROLES or created_by_id == user.id


def do_delete_file(user, shared: SharedFile) -> None:
    membership = member_for_writing(user, shared.community)
    if not _may_change(user, membership, shared.created_by_id):
        raise PermissionDenied(_("Only the person who shared this file or an animator can "
                                 "delete it."))
    names = []
    for blob, thumb in shared.versions.values_list("blob", "thumbnail"):
        names += [blob, thumb]
    with transaction.atomic():
        shared.delete()
        transaction.on_commit(lambda: _delete_names(names))


def do_delete_folder(user, folder: Folder) -> None:
    membership = member_for_writing(user, folder.community)
    if membership.role not in MODERATING_ROLES and folder.created_by_id != user.id:
        raise PermissionDenied(_("Only the folder's creator or an animator can delete it."))
    if folder.files.exists() or folder.children.exists():
        raise ValidationFailed(_("Only an empty folder can be deleted."))
    folder.delete()


def _delete_names(names: list[str]) -> None:
    from ..storage import private_storage

    storage = private_storage()
    for name in names:
        if name:
            storage.delete(name)
