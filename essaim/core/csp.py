"""Content-Security-Policy on every response: scripts and styles from our own static files only.

No page has an inline script, an inline event handler, an inline ``style`` attribute or a
``javascript:`` address (a test scans every template); htmx reads its configuration from a
``<meta>`` tag with ``allowEval`` off. A view may widen one directive for its own response by
setting ``response.csp_extra = {"form-action": ["https://app.example"]}`` (the OAuth consent
page, whose form ends on the client application's redirect address).
"""

from __future__ import annotations

from django.core.exceptions import DisallowedHost

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}


def policy_header(host: str, extra: dict | None = None) -> str:
    directives = {name: list(sources) for name, sources in POLICY.items()}
    if host:  # the streaming WebSocket, on this host
        directives["connect-src"] += [f"ws://{host}", f"wss://{host}"]
    for name, sources in (extra or {}).items():
        directives.setdefault(name, ["'self'"]).extend(s for s in sources if s)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            try:
                host = request.get_host()
            except DisallowedHost:  # answered 400 elsewhere; still send a policy
                host = ""
            response["Content-Security-Policy"] = policy_header(
                host, getattr(response, "csp_extra", None))
        return response
