"""Asking for one's data export, building it, downloading it."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from essaim.core.errors import NotAuthenticated, NotFound, ValidationFailed
from essaim.core.ids import parse_pk
from essaim.core.jobs import enqueue_on_commit

from .models import DataExport

VALID_DAYS = 7


def _storage():
    from essaim.communities.storage import private_storage

    return private_storage()


def do_request_export(user) -> DataExport:
    """Ask for an export; one at a time (a second request while one is being built is
    refused). Audit-logged; the person is notified when it is ready."""
    from essaim.audit import record

    if user is None or not user.is_authenticated or not user.is_active:
        raise NotAuthenticated(_("Sign in to export your data."))
    do_purge_expired()
    with transaction.atomic():
        if DataExport.objects.select_for_update().filter(
                user=user, state=DataExport.State.PENDING).exists():
            raise ValidationFailed(_("Your export is already being prepared: you will be "
                                     "notified when it is ready."))
        export = DataExport.objects.create(user=user)
        record(user, "privacy.export_requested", target=user)
        enqueue_on_commit(build_export, export.id)
    return export


@task()
def build_export(export_id: int) -> int:
    """Build the ZIP, keep it privately, notify the person. Idempotent: a built export is
    not built again."""
    from essaim.notifications.actions import do_notify
    from essaim.notifications.models import Notification

    from .export import build_zip

    export = DataExport.objects.select_related("user").filter(
        pk=export_id, state=DataExport.State.PENDING).first()
    if export is None:
        return 0
    now = timezone.now()
    try:
        data = build_zip(export.user, now)
        name = _storage().save(
            f"exports/{export.user_id}-{secrets.token_hex(8)}.zip", ContentFile(data))
    except OSError:
        DataExport.objects.filter(pk=export.pk).update(state=DataExport.State.FAILED)
        raise
    DataExport.objects.filter(pk=export.pk).update(
        state=DataExport.State.READY, ready_at=now, path=name, size=len(data),
        expires_at=now + timedelta(days=VALID_DAYS))
    do_notify(export.user, None, Notification.Kind.EXPORT,
              link=f"/settings/export/{export.pk}/download/")
    return len(data)


def access_download(user, export_id) -> DataExport:
    """One's own export, ready and not expired; anything else is not found."""
    pk = parse_pk(export_id)
    export = DataExport.objects.filter(pk=pk, user_id=getattr(user, "id", None)).first() \
        if pk else None
    if export is None or not export.available():
        raise NotFound(_("This export does not exist or has expired."))
    return export


def open_export(export: DataExport):
    from essaim.audit import record

    record(export.user, "privacy.export_downloaded", target=export.user)
    return _storage().open(export.path, "rb")


def do_purge_expired(now=None) -> int:
    """Delete the archives of expired exports (kept as rows: the audit of what was asked)."""
    now = now or timezone.now()
    gone = 0
    for export in DataExport.objects.filter(state=DataExport.State.READY, expires_at__lte=now):
        if export.path:
            _storage().delete(export.path)
        DataExport.objects.filter(pk=export.pk).update(path="", state=DataExport.State.EXPIRED)
        gone += 1
    return gone
