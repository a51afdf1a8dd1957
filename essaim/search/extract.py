"""The text of documents shared in communities, for search: PDF, Word, Excel, PowerPoint,
OpenDocument and plain text, bounded in size and time.

* PDF through pypdf, page by page;
* Office Open XML (``.docx``, ``.xlsx``, ``.pptx``) and OpenDocument (``.odt``, ``.ods``,
  ``.odp``) are zip archives of XML parts: the text nodes of the parts that hold the content
  (the document, the shared strings and sheets, the slides, ``content.xml``) are read with
  defusedxml, which refuses entity expansion and external references;
* plain text, CSV and Markdown as UTF-8.

Limits: files over ``MAX_BYTES`` are not read; archives whose parts would inflate over
``MAX_INFLATED`` are refused (zip bombs); reading stops at ``MAX_CHARS`` characters or after
``MAX_SECONDS``. A document that cannot be read gives an :class:`ExtractionFailed` with the
reason; the file stays searchable by its name and description.
"""

from __future__ import annotations

import io
import re
import time
import zipfile

from defusedxml import ElementTree

MAX_BYTES = 25 * 1024 * 1024
MAX_INFLATED = 100 * 1024 * 1024
MAX_CHARS = 200_000
MAX_SECONDS = 10.0
MAX_PAGES = 500

PDF = "application/pdf"
TEXT_TYPES = ("text/plain", "text/csv", "text/markdown")
# Parts of each archive format that hold its text, in reading order.
PARTS = {
    "docx": re.compile(r"^word/(document|footnotes|endnotes)\.xml$"),
    "xlsx": re.compile(r"^xl/(sharedStrings|worksheets/sheet\d+)\.xml$"),
    "pptx": re.compile(r"^ppt/(slides/slide\d+|notesSlides/notesSlide\d+)\.xml$"),
    "odf": re.compile(r"^content\.xml$"),
}
# Elements that hold text, and those that start a new line (paragraphs, rows) or cell.
_TEXT = {"t", "span", "p", "h", "s", "a"}
_LINES = {"p", "h", "tr", "row", "table-row", "br", "line-break"}
_CELLS = {"c", "tc", "table-cell", "tab"}


class ExtractionFailed(Exception):
    """The document's text could not be read (the message says why)."""


def _kind(content_type: str, name: str) -> str | None:
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if content_type == PDF or ext == "pdf":
        return "pdf"
    if ext in ("docx", "xlsx", "pptx"):
        return ext
    if ext in ("odt", "ods", "odp") or content_type.startswith(
            "application/vnd.oasis.opendocument"):
        return "odf"
    if "wordprocessingml" in content_type:
        return "docx"
    if "spreadsheetml" in content_type:
        return "xlsx"
    if "presentationml" in content_type:
        return "pptx"
    if content_type in TEXT_TYPES or ext in ("txt", "csv", "md"):
        return "text"
    return None


def extractable(content_type: str, name: str) -> bool:
    return _kind(content_type, name) is not None


class _Budget:
    def __init__(self) -> None:
        self.started = time.monotonic()
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> bool:
        """Keep some text; False once the budget (characters or time) is spent."""
        if text:
            room = MAX_CHARS - self.size
            self.parts.append(text[:room])
            self.size += min(len(text), room)
        return self.size < MAX_CHARS and time.monotonic() - self.started < MAX_SECONDS

    def text(self) -> str:
        return re.sub(r"[ \t]+", " ", "".join(self.parts)).strip()


def _pdf(data: bytes, budget: _Budget) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ExtractionFailed("the PDF is encrypted")
        for number, page in enumerate(reader.pages):
            if number >= MAX_PAGES or not budget.add((page.extract_text() or "") + "\n"):
                break
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ExtractionFailed(f"unreadable PDF: {exc}") from exc


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml_text(raw: bytes, budget: _Budget) -> bool:
    try:
        root = ElementTree.fromstring(raw)
    except Exception as exc:  # noqa: BLE001 - defusedxml raises several kinds of refusal
        raise ExtractionFailed(f"unreadable XML part: {exc.__class__.__name__}") from exc
    chunks: list[str] = []
    for node in root.iter():
        name = _local(node.tag) if isinstance(node.tag, str) else ""
        if name in _LINES:
            chunks.append("\n")
        elif name in _CELLS:
            chunks.append(" ")
        if name in _TEXT and node.text:
            chunks.append(node.text)
        if node.tail and node.tail.strip():
            chunks.append(node.tail)
    return budget.add("".join(chunks))


def _archive(data: bytes, kind: str, budget: _Budget) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ExtractionFailed("not a valid document archive") from exc
    with archive:
        wanted = sorted((i for i in archive.infolist() if PARTS[kind].match(i.filename)),
                        key=lambda i: (len(i.filename), i.filename))
        if sum(i.file_size for i in wanted) > MAX_INFLATED:
            raise ExtractionFailed("the document inflates too much")
        for info in wanted:
            try:
                raw = archive.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
                raise ExtractionFailed(f"unreadable part {info.filename}") from exc
            if not _xml_text(raw, budget):
                break


def extract_text(data: bytes, content_type: str, name: str) -> str:
    """The text of a document (empty for kinds that hold none Essaim can read)."""
    kind = _kind(content_type, name)
    if kind is None:
        return ""
    if len(data) > MAX_BYTES:
        raise ExtractionFailed("the file is too large to be read for search")
    budget = _Budget()
    if kind == "pdf":
        _pdf(data, budget)
    elif kind == "text":
        budget.add(data[: MAX_CHARS * 4].decode("utf-8", errors="replace"))
    else:
        _archive(data, kind, budget)
    return budget.text()
