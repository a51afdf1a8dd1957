"""Content-Security-Policy on every response: scripts and styles from our own static files only.

No page has an inline script, an inline event handler, an inline ``style`` attribute or a
``javascript:`` address (a test scans every template); htmx reads its configuration from a
``<meta>`` tag with ``allowEval`` off. A view may widen one directive for its own response by
setting ``response.csp_extra = {"form-action": ["https://app.example"]}`` (the OAuth consent
page, whose form ends on the client application's redirect address).
"""

from __future__ import annotations

from django.core.exceptions import DisallowedHost

EMPTY_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
PLOTLY_MAPLIBRE_STYLE = "'sha256-ji27qzEtxXZW+7dun6UwjHXJ18e6WAin1VvNtkzIE/o='"
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    # Plotly (charts) adds an empty ``<style>`` and fills it through the CSSOM, which CSP does
    # not govern, and its bundle injects MapLibre's fixed stylesheet: both allowed by hash, so
    # no other inline CSS can run. A new Plotly release changes the second hash (the browser
    # tests that draw charts then report the violation).
    "style-src": ["'self'", EMPTY_STYLE, PLOTLY_MAPLIBRE_STYLE],
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
