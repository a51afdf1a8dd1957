"""Files of a Viva Engage export (``Files.csv`` and the ``files/`` folder) → community files,
attached to the posts that carried them."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from .viva_export import _known, _remember, read_csv


def _path(directory: Path, row: dict) -> Path | None:
    given = row.get("path", "")
    candidates = [directory / given] if given else []
    files = directory / "files"
    if files.is_dir():
        candidates += sorted(files.glob(f"{row.get('file_id') or row['id']}*"))
    root = directory.resolve()
    for path in candidates:
        resolved = path.resolve()
        if resolved.is_file() and resolved.is_relative_to(root):
            return resolved
    return None


def import_files(directory: Path, report, groups: dict[str, int], users: dict[str, int],
                 messages: list) -> int:
    from essaim.communities.actions.files import _add_version  # the one way to store a version
    from essaim.communities.filetypes import detect
    from essaim.communities.models import Community, SharedFile
    from essaim.posts.models import Post


    known = _known("file")
    count = 0
    limit = settings.ESSAIM_UPLOAD_MAX_BYTES
    communities = {c.id: c for c in Community.objects.filter(id__in=list(groups.values()))}
    for number, row in read_csv(directory, "Files.csv", report, required=False):
        if row["id"] in known:
            continue
        if row.get("deleted_at"):
            continue
        community = communities.get(groups.get(row.get("group_id", ""), -1))
        if community is None:
            report.skip("Files.csv", number, _("files outside groups are not imported"))
            continue
        path = _path(directory, row)
        if path is None:
            report.skip("Files.csv", number, _("the file is not in the export"))
            continue
        data = path.read_bytes()
        if len(data) > limit:
            report.skip("Files.csv", number, _("larger than %(max)d bytes") % {"max": limit})
            continue
        uploader = users.get(row.get("uploader_id", ""))
        name = (row["name"] or path.name)[:200]
        with transaction.atomic():
            shared = SharedFile.objects.create(
                community=community, name=name, content_type="application/octet-stream",
                description=row.get("description", "")[:500], created_by_id=uploader)
            _add_version(shared.created_by, shared, data, detect(data[:8192], name))
            _remember("file", [(row["id"], shared.id)])
        known[row["id"]] = shared.id
        count += 1
    posted = _known("message")
    links = [(known[f], posted[m.id]) for m in messages for f in m.attachments
             if f in known and m.id in posted]
    if links:
        through = SharedFile.posts.through
        existing = set(Post.objects.filter(id__in=[p for _f, p in links]).values_list(
            "id", flat=True))
        through.objects.bulk_create([through(sharedfile_id=f, post_id=p) for f, p in links
                                     if p in existing], ignore_conflicts=True)
    return count
