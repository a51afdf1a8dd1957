"""Template helpers for form controls written by hand in templates (per-row ids)."""

from __future__ import annotations

from django import template

from ..dates import LocalDateInput, LocalDateTimeInput
from ..people_picker import PeoplePickerInput

register = template.Library()


@register.simple_tag
def date_input(name: str, id_prefix: str, id_suffix="", value=None, with_time: bool = False):
    """A date (or date-time) text input in the reader's format, like the forms' date fields;
    its id is ``id_prefix`` followed by ``id_suffix`` (a row's id)."""
    widget = LocalDateTimeInput() if with_time else LocalDateInput()
    return widget.render(name, value, attrs={"id": f"{id_prefix}{id_suffix}"})


@register.simple_tag
def people_picker(name: str, id_prefix: str, id_suffix="", community: str = "",
                  placeholder: str = "", required: bool = False):
    """A username input with people suggestions, for forms written by hand in templates;
    its id is ``id_prefix`` followed by ``id_suffix``."""
    attrs = {"id": f"{id_prefix}{id_suffix}", "class": "people-input"}
    if placeholder:
        attrs["placeholder"] = placeholder
    if required:
        attrs["required"] = True
    return PeoplePickerInput(community or None).render(name, None, attrs=attrs)
