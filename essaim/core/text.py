"""Free text accepted from people: no control characters but tab and line breaks.

NUL and the other C0 control codes have no place in a post, a name or a title; PostgreSQL refuses
NUL outright. Actions check the text they are given (``check_clean_text``), a guard before every
save of the project's models catches any field an action did not name, and the request middleware
refuses a NUL anywhere in a URL or a body before it reaches a query.
"""

from __future__ import annotations

import re

from django.db.models import CharField, TextField
from django.utils.translation import gettext as _

from .errors import ValidationFailed

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def control_message(label: str, char: str) -> str:
    return _("%(field)s contains a control character (U+%(code)04X); remove it and try "
             "again.") % {"field": label, "code": ord(char)}


def check_clean_text(value, label: str, field: str | None = None):
    """``value`` unchanged, or ValidationFailed naming the field when it holds a control code."""
    if isinstance(value, str):
        found = CONTROL.search(value)
        if found:
            raise ValidationFailed(control_message(label, found.group()), field=field)
    return value


def check_model_text(instance) -> None:
    """Refuse to save a model whose text fields hold control characters."""
    for model_field in instance._meta.concrete_fields:
        if isinstance(model_field, CharField | TextField):
            value = getattr(instance, model_field.attname, None)
            label = str(model_field.verbose_name).capitalize()
            check_clean_text(value, label, model_field.name)
