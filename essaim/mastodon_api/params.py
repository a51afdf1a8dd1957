"""Request parameters as Mastodon clients send them: query string, form, multipart or JSON.

Form keys use Rails brackets (``media_ids[]``, ``poll[options][]``, ``source[privacy]``,
``fields_attributes[0][name]``); JSON bodies nest the same structure. Both end up as one nested
structure read through :class:`Params`, whatever the method (DELETE and PUT carry bodies too).
"""

from __future__ import annotations

import json
import re

from django.http import QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from essaim.core.errors import ValidationFailed

_FALSE = {"false", "0", "f", "off", "no", "n", ""}
MAX_DEPTH = 16  # no Mastodon parameter nests deeper than a few levels
INT_MIN, INT_MAX = -(2**63), 2**63 - 1  # what both databases can compare against
_KEY_RE = re.compile(r"\[([^\[\]]*)\]")


def _split_key(key: str) -> list[str]:
    head, _sep, rest = key.partition("[")
    if not _sep:
        return [key]
    return [head, *_KEY_RE.findall("[" + rest)]


def _too_deep(data, limit: int = MAX_DEPTH) -> bool:
    """Whether a parsed body nests deeper than ``limit`` (walked without recursion)."""
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, dict | list))
    return False


def _nest(items, into: dict) -> dict:
    """Fold flat bracketed keys into nested dicts; repeated or ``[]`` keys become lists."""
    for key, values in items:
        parts = _split_key(key)
        if len(parts) > MAX_DEPTH:
            raise ValidationFailed(_("The parameter %(name)s is nested too deeply.")
                                   % {"name": parts[0]})
        is_array = len(parts) > 1 and parts[-1] == ""
        if is_array:
            parts = parts[:-1]
        node = into
        for part in parts[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        node[parts[-1]] = list(values) if is_array or len(values) > 1 else values[0]
    return into


class Params:
    """Merged query and body parameters with Mastodon's loose typing."""

    def __init__(self, data: dict, files: MultiValueDict | None = None):
        self.data = data
        self.files = files or MultiValueDict()

    def __contains__(self, name: str) -> bool:
        return name in self.data

    def raw(self, name: str, default=None):
        return self.data.get(name, default)

    def get(self, name: str, default=None):
        value = self.data.get(name, default)
        if isinstance(value, list):
            value = value[-1] if value else default
        if isinstance(value, dict):
            return default
        return value

    def str(self, name: str, default: str | None = None) -> str | None:
        value = self.get(name)
        if value is None:
            return default
        return value if isinstance(value, str) else json.dumps(value) if isinstance(
            value, dict | list) else str(value)

    def getlist(self, name: str) -> list:
        value = self.data.get(name)
        if value is None:
            return []
        if isinstance(value, list):
            return value
        if isinstance(value, dict):  # x[0]=a&x[1]=b
            return [value[k] for k in sorted(value, key=lambda k: (len(k), k))]
        return [value]

    def dict(self, name: str) -> Params:
        value = self.data.get(name)
        return Params(value if isinstance(value, dict) else {})

    def bool(self, name: str, default: bool = False) -> bool:
        value = self.get(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        return str(value).strip().lower() not in _FALSE

    def bool_or_none(self, name: str) -> bool | None:
        return None if self.get(name) is None else self.bool(name)

    def int(self, name: str, default: int | None = None) -> int | None:
        value = self.get(name)
        if value in (None, ""):
            return default
        try:
            number = int(value)
        except (TypeError, ValueError) as exc:
            raise ValidationFailed(_("%(name)s must be a whole number.") % {"name": name},
                                   field=name) from exc
        if not INT_MIN <= number <= INT_MAX:
            raise ValidationFailed(_("%(name)s is out of range.") % {"name": name}, field=name)
        return number

    def file(self, name: str):
        return self.files.get(name)


def _body(request) -> tuple[dict, MultiValueDict | None]:
    ctype = (request.content_type or "").lower()
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return {}, None
    if ctype == "application/json" or ctype.endswith("+json"):
        if not request.body.strip():
            return {}, None
        try:
            data = json.loads(request.body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ValidationFailed(_("The request body is not valid JSON.")) from exc
        except RecursionError as exc:
            raise ValidationFailed(_("The request body is nested too deeply.")) from exc
        if not isinstance(data, dict):
            raise ValidationFailed(_("The request body must be a JSON object."))
        if _too_deep(data):
            raise ValidationFailed(_("The request body is nested too deeply."))
        return data, None
    if ctype == "multipart/form-data":
        if request.method == "POST":
            form, files = request.POST, request.FILES
        else:
            form, files = request.parse_file_upload(request.META, request)
        return _nest(form.lists(), {}), files
    if ctype == "application/x-www-form-urlencoded" or (not ctype and request.body):
        form = request.POST if request.method == "POST" else QueryDict(
            request.body, encoding=request.encoding)
        return _nest(form.lists(), {}), None
    return {}, None


def parse(request) -> Params:
    data = _nest(request.GET.lists(), {})
    body, files = _body(request)
    data.update(body)
    return Params(data, files)
