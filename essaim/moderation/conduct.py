"""The code of conduct: administrators publish versions; everyone accepts the current one
before posting, replying or reacting (reading stays open). Nothing is asked while no code has
been published."""

from __future__ import annotations

import re

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from essaim import audit
from essaim.core.errors import PermissionDenied, ValidationFailed

from .models import Acceptance, CodeOfConduct

RULES_PATH = "/about/rules/"
MAX_CHARS = 20_000
_CURRENT = "moderation:code-version"
_RULE = re.compile(r"^\s*(?:[-*]|\d+[.)])\s+(.+?)\s*$")


class ConductNotAccepted(PermissionDenied):
    """Posting, replying or reacting before accepting the current code of conduct."""

    def __init__(self):
        super().__init__(_("Accept the code of conduct before posting, replying or reacting: "
                           "%(url)s") % {"url": RULES_PATH})
        self.url = RULES_PATH


def current() -> CodeOfConduct | None:
    version = cache.get(_CURRENT)
    if version is None:
        version = CodeOfConduct.objects.aggregate(v=Max("version"))["v"] or 0
        cache.set(_CURRENT, version, 300)
    return CodeOfConduct.objects.filter(version=version).first() if version else None


def has_accepted(user, code: CodeOfConduct | None = None) -> bool:
    code = code or current()
    return code is None or Acceptance.objects.filter(user_id=user.id, code=code).exists()


def check_accepted(user) -> None:
    """Refuse a contribution from someone who has not accepted the current code."""
    if user is None or not user.is_authenticated:
        return
    code = current()
    if code is not None and not has_accepted(user, code):
        raise ConductNotAccepted()


def do_publish(admin, text_en: str, text_fr: str) -> CodeOfConduct:
    from essaim.visibility import may_administer

    if not may_administer(admin):
        raise PermissionDenied(_("Only administrators publish the code of conduct."))
    text_en, text_fr = (text_en or "").strip(), (text_fr or "").strip()
    if not text_en or not text_fr:
        raise ValidationFailed(_("Write the code of conduct in English and in French."))
    if len(text_en) > MAX_CHARS or len(text_fr) > MAX_CHARS:
        raise ValidationFailed(_("The code of conduct is too long."))
    with transaction.atomic():
        latest = CodeOfConduct.objects.select_for_update().aggregate(v=Max("version"))["v"]
        code = CodeOfConduct.objects.create(version=(latest or 0) + 1, text_en=text_en,
                                            text_fr=text_fr, published_by=admin)
        audit.record(admin, "conduct.publish", target=code, after={"version": code.version})
    cache.delete(_CURRENT)
    return code


def do_accept(user, version: int | None = None) -> Acceptance | None:
    code = current()
    if code is None:
        return None
    if version is not None and int(version) != code.version:
        raise ValidationFailed(_("A newer version of the code of conduct was published: read "
                                 "it again."), field="version")
    try:
        with transaction.atomic():
            found, _created = Acceptance.objects.get_or_create(user=user, code=code)
    except IntegrityError:
        found = Acceptance.objects.get(user=user, code=code)
    return found


def rules(code: CodeOfConduct | None, language: str) -> list[dict]:
    """The code's rules as Mastodon apps list them: each list item of the text."""
    if code is None:
        return []
    items: list[str] = []
    continued = False  # a list item goes on over the indented lines that follow it
    for line in code.text(language).splitlines():
        match = _RULE.match(line)
        if match:
            items.append(match.group(1))
            continued = True
        elif continued and line[:1].isspace() and line.strip():
            items[-1] += " " + line.strip()
        else:
            continued = False
    out = []
    for item in items:
        text, _sep, hint = item.partition(" — ")
        out.append({"id": str(len(out) + 1), "text": text.strip("* "), "hint": hint})
    return out
