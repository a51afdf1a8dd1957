"""iCalendar (RFC 5545) export of an event: written by hand, it is a few lines of text."""

from __future__ import annotations

from datetime import UTC, timedelta

from django.urls import reverse
from django.utils import timezone

from .models import Event


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _utc(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    raw = line.encode()
    if len(raw) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > 74:
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def event_ics(event: Event, request=None) -> str:
    ends = event.ends_at or event.starts_at + timedelta(hours=1)
    url = reverse("web:community_event", args=[event.community.slug, event.id])
    if request is not None:
        url = request.build_absolute_uri(url)
    description = event.description
    if event.agenda:
        description = f"{description}\n\n{event.agenda}".strip()
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Essaim//Communities//EN",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT",
        f"UID:event-{event.id}@essaim", f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(event.starts_at)}", f"DTEND:{_utc(ends)}",
        f"SUMMARY:{_escape(event.title)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{_escape(description)}")
    location = event.place or event.online_url
    if location:
        lines.append(f"LOCATION:{_escape(location)}")
    lines += [f"URL:{url}", "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
