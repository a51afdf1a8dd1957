"""Telling link-preview crawlers and non-browser requests from people opening a link."""

from __future__ import annotations

import re

# Link-preview and search crawlers: their fetches are previews, not visits.
_CRAWLERS = re.compile(
    r"linkedinbot|twitterbot|facebookexternalhit|facebot|slackbot|slack-imgproxy|"
    r"microsoftpreview|skypeuripreview|teams|whatsapp|telegrambot|discordbot|"
    r"googlebot|bingbot|duckduckbot|yandex|baiduspider|applebot|embedly|pinterest|"
    r"redditbot|mastodon|bot\b|crawler|spider|preview", re.I)
# Clients that are not browsers at all (scripts, monitors): neither visit nor preview.
_TOOLS = re.compile(r"^(curl|wget|python-requests|python-urllib|httpx|go-http-client|"
                    r"java/|okhttp|libwww|httpie)", re.I)


def classify(method: str, headers) -> str | None:
    """``"visit"``, ``"preview"`` or ``None`` (not counted) for a request to a tracked link."""
    if method != "GET":
        return None  # HEAD and the rest open nothing
    purpose = (headers.get("Sec-Purpose") or headers.get("Purpose")
               or headers.get("X-Purpose") or headers.get("X-Moz") or "").lower()
    if "prefetch" in purpose or "prerender" in purpose:
        return None
    agent = headers.get("User-Agent") or ""
    if not agent.strip():
        return None
    if _CRAWLERS.search(agent):
        return "preview"
    if _TOOLS.search(agent):
        return None
    return "visit" if "mozilla/" in agent.lower() else None
