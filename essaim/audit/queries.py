"""Reading the audit log: administrators only; search, filters and exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

from django.db.models import Q
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from essaim.core.errors import ValidationFailed

from .models import AuditEntry

COLUMNS = ["at", "actor_username", "action", "target_type", "target_id", "target_label", "ip",
           "before", "after"]


def parse_since(value: str | None) -> datetime | None:
    """An ISO date or date-time (UTC when no zone is given), or a clear error."""
    if not value:
        return None
    from datetime import UTC, time

    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise ValidationFailed(_("Give the date as YYYY-MM-DD or an ISO date-time."),
                                   field="since")
        moment = datetime.combine(day, time.min)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def entries(*, q: str = "", action: str = "", actor: str = "", since=None, until=None):
    qs = AuditEntry.objects.all()
    if q:
        qs = qs.filter(Q(action__icontains=q) | Q(target_label__icontains=q)
                       | Q(actor_username__icontains=q))
    if action:
        qs = qs.filter(action__startswith=action)
    if actor:
        qs = qs.filter(actor_username__iexact=actor.strip().lstrip("@"))
    if since is not None:
        qs = qs.filter(at__gte=since)
    if until is not None:
        qs = qs.filter(at__lt=until)
    return qs


def as_row(entry: AuditEntry) -> dict:
    return {"at": entry.at.isoformat(), "actor_username": entry.actor_username,
            "action": entry.action, "target_type": entry.target_type,
            "target_id": entry.target_id, "target_label": entry.target_label,
            "ip": entry.ip or "", "before": entry.before, "after": entry.after}


def export(qs, fmt: str) -> str:
    if fmt == "jsonl":
        return "".join(json.dumps(as_row(e), ensure_ascii=False) + "\n"
                       for e in qs.order_by("at", "id").iterator())
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for e in qs.order_by("at", "id").iterator():
            row = as_row(e)
            row["before"] = json.dumps(row["before"], ensure_ascii=False) if row["before"] \
                is not None else ""
            row["after"] = json.dumps(row["after"], ensure_ascii=False) if row["after"] \
                is not None else ""
            writer.writerow(row)
        return out.getvalue()
    raise ValidationFailed(_("The format is jsonl or csv."), field="format")
