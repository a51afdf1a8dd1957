"""Date and date-time fields that read and show dates the way the reader writes them.

A browser's own date input shows the format of the browser's locale, not the page's (so an
English browser showed mm/dd/yyyy on French pages). These fields use a plain text input with the
format written out: dd/mm/yyyy in French, yyyy-mm-dd otherwise. The server accepts both, and the
ISO forms a browser or a script sends (``2026-12-14``, ``2026-12-14T09:30``), in every language.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

DAY_FIRST = ("fr",)
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y", "%d.%m.%Y"]
DATETIME_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %Hh%M", "%d/%m/%Y",
                    "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M",
                    "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"]


def _day_first() -> bool:
    return (get_language() or "en").split("-")[0] in DAY_FIRST


def shown_format(with_time: bool = False) -> str:
    """The strftime pattern dates are shown (and best typed) in, for the active language."""
    day = "%d/%m/%Y" if _day_first() else "%Y-%m-%d"
    return f"{day} %H:%M" if with_time else day


def shown_placeholder(with_time: bool = False) -> str:
    if with_time:
        return str(_("dd/mm/yyyy hh:mm") if _day_first() else _("yyyy-mm-dd hh:mm"))
    return str(_("dd/mm/yyyy") if _day_first() else _("yyyy-mm-dd"))


class _LocalMixin:
    with_time = False
    input_type = "text"

    def format_value(self, value):
        if hasattr(value, "strftime"):
            return value.strftime(shown_format(self.with_time))
        return value or None

    def get_context(self, name, value, attrs):
        attrs = {"placeholder": shown_placeholder(self.with_time), "autocomplete": "off",
                 "class": "date-input", "size": 16 if self.with_time else 10,
                 "data-date-input": "datetime" if self.with_time else "date", **(attrs or {})}
        return super().get_context(name, value, attrs)


class LocalDateInput(_LocalMixin, forms.DateInput):
    pass


class LocalDateTimeInput(_LocalMixin, forms.DateTimeInput):
    with_time = True


class LocalDateField(forms.DateField):
    widget = LocalDateInput
    input_formats = DATE_FORMATS
    default_error_messages = {
        "invalid": _("Enter a valid date, for example 14/12/2026 or 2026-12-14."),
    }


class LocalDateTimeField(forms.DateTimeField):
    widget = LocalDateTimeInput
    input_formats = DATETIME_FORMATS
    default_error_messages = {
        "invalid": _("Enter a valid date and time, for example 14/12/2026 09:30 or "
                     "2026-12-14 09:30."),
    }
