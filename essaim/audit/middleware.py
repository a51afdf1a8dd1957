"""Remember the client's address for the audit entries written while serving a request."""

from __future__ import annotations

from . import _request_ip, client_ip


class AuditRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            _request_ip.reset(token)
