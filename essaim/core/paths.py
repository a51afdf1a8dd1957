"""URL paths with one argument, reversed once per process: a page of posts asks for dozens."""

from __future__ import annotations

from functools import cache
from urllib.parse import quote

from django.urls import get_script_prefix, reverse
from django.utils.http import RFC3986_SUBDELIMS

_MARK = "0000000000"  # fits every converter used here (int, str)


@cache
def _route(name: str, prefix: str) -> tuple[str, str]:
    head, _sep, tail = reverse(name, args=[_MARK]).partition(_MARK)
    return head, tail


def path_with(name: str, value) -> str:
    """``reverse(name, args=[value])`` for routes with one ``int`` or ``str`` argument."""
    head, tail = _route(name, get_script_prefix())
    return head + quote(str(value), safe=RFC3986_SUBDELIMS + "/~:@") + tail
