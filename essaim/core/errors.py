"""Errors raised by actions and access checks; every interface maps them to a clean answer."""

from __future__ import annotations


class EssaimError(Exception):
    """Base error: a message a user can read, and the HTTP status it maps to."""

    status = 400

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = str(message)
        self.field = field


class ValidationFailed(EssaimError):
    status = 422


class NotAuthenticated(EssaimError):
    status = 401


class PermissionDenied(EssaimError):
    status = 403


class NotFound(EssaimError):
    status = 404


class RateLimited(EssaimError):
    status = 429
