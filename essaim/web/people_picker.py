"""The people picker: a text input of a username that people.js turns into an ARIA combobox
fed by ``/suggest/people`` (the visibility policy decides who is suggested)."""

from __future__ import annotations

from django import forms


def picker_attrs(community: str | None = None) -> dict:
    attrs = {"data-people-picker": "", "role": "combobox", "aria-autocomplete": "list",
             "aria-expanded": "false", "autocomplete": "off", "spellcheck": "false",
             "autocapitalize": "none"}
    if community:
        attrs["data-community"] = community
    return attrs


class PeoplePickerInput(forms.TextInput):
    """A username input with suggestions (limited to a community's members when given)."""

    def __init__(self, community: str | None = None, attrs: dict | None = None):
        super().__init__(attrs={**picker_attrs(community), **(attrs or {})})

    def for_community(self, slug: str) -> None:
        self.attrs["data-community"] = slug
