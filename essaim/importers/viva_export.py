"""Reading a Viva Engage export: its CSV files, row by row, and the record of what was imported.

Shared by the importer of people, groups and messages (``viva_engage``) and of files
(``viva_files``).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.utils.translation import gettext as _

from essaim.core.errors import EssaimError

from .models import ImportedObject

SOURCE = "viva-engage"
REQUIRED = {
    "Users.csv": {"id", "email", "name"},
    "Groups.csv": {"id", "name"},
    "Messages.csv": {"id", "sender_id", "body", "created_at"},
    "Files.csv": {"id", "name"},
}
KNOWN = {
    "Users.csv": {"job_title", "location", "department", "state", "suspended_at", "deleted_at",
                  "guest", "external", "is_guest", "account_type", "joined_at", "api_url",
                  "deleted_by_id", "deleted_by_type", "suspended_by_id", "suspended_by_type",
                  "verified_admin", "network_admin"},
    "Groups.csv": {"description", "private", "deleted", "created_at", "updated_at", "api_url",
                   "creator_id", "creator_type", "network_id", "external", "privacy"},
    "Messages.csv": {"replied_to_id", "thread_id", "conversation_id", "group_id", "group_name",
                     "participants", "in_private_group", "in_private_conversation",
                     "sender_type", "sender_name", "sender_email", "api_url", "attachments",
                     "deleted_by_id", "deleted_by_type", "deleted_at", "network_id",
                     "message_type", "title", "version", "updated_at"},
    "Files.csv": {"file_id", "path", "description", "uploader_id", "uploader_type", "group_id",
                  "group_name", "in_private_group", "created_at", "deleted_at", "api_url",
                  "type", "version_id", "size", "message_id"},
}
TRUE = {"true", "1", "yes", "y", "t"}


class ImportFailed(EssaimError):
    status = 400


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)
    skipped: list[tuple[str, int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def skip(self, file: str, row: int, reason: str) -> None:
        self.skipped.append((file, row, reason))
        self.counts["skipped"] += 1


# --- reading the files --------------------------------------------------------------------

def _decode(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")  # "Unicode text" from a spreadsheet, BOM included
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8", errors="surrogateescape")


def read_csv(directory: Path, name: str, report: Report, *,
             required: bool = True) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number, row) for each valid row of one export file; the header is row 1."""
    path = directory / name
    if not path.is_file():
        if required:
            raise ImportFailed(_("%(file)s is missing in %(dir)s.")
                               % {"file": name, "dir": directory})
        return
    try:
        text = _decode(path)
    except UnicodeDecodeError as exc:
        raise ImportFailed(_("%(file)s is not UTF-8 or UTF-16 text: %(error)s.")
                           % {"file": name, "error": exc}) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise ImportFailed(_("%(file)s is empty.") % {"file": name}) from None
    except csv.Error as exc:
        raise ImportFailed(_("%(file)s, row 1: %(error)s.") % {"file": name, "error": exc}) \
            from exc
    missing = REQUIRED[name] - set(header)
    if missing:
        raise ImportFailed(_("%(file)s does not have the columns %(columns)s (found: "
                             "%(found)s). Is it a Viva Engage data export?")
                           % {"file": name, "columns": ", ".join(sorted(missing)),
                              "found": ", ".join(header)})
    unknown = set(header) - REQUIRED[name] - KNOWN[name]
    if unknown:
        report.warnings.append(_("%(file)s: unknown columns ignored: %(columns)s.")
                               % {"file": name, "columns": ", ".join(sorted(unknown))})
    start = 2
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            report.skip(name, start, _("the row cannot be read (%(error)s)") % {"error": exc})
            start = reader.line_num + 1
            continue
        row_number, start = start, reader.line_num + 1
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            report.skip(name, row_number, _("%(found)d fields instead of %(expected)d")
                        % {"found": len(values), "expected": len(header)})
            continue
        if any(_has_bad_bytes(v) for v in values):
            report.skip(name, row_number, _("not valid UTF-8 text"))
            continue
        yield row_number, {h: v.strip() for h, v in zip(header, values, strict=True)}


def _has_bad_bytes(value: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in value)


def parse_time(value: str) -> datetime:
    text = value.strip().replace(" UTC", "+00:00").replace(" +0000", "+00:00")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    moment = datetime.fromisoformat(text.replace("/", "-"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in TRUE


# --- the mapping of what is already imported ----------------------------------------------

def _known(kind: str) -> dict[str, int]:
    return dict(ImportedObject.objects.filter(source=SOURCE, kind=kind)
                .values_list("external_id", "local_id"))


def _remember(kind: str, pairs: list[tuple[str, int]]) -> None:
    ImportedObject.objects.bulk_create(
        [ImportedObject(source=SOURCE, kind=kind, external_id=e, local_id=i) for e, i in pairs],
        batch_size=900, ignore_conflicts=True)
