"""API clients and bearer tokens (used by the native API, scripts, and OAuth clients)."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class Application(models.Model):
    name = models.CharField(max_length=200)
    website = models.URLField(blank=True)
    client_id = models.CharField(max_length=64, unique=True)
    client_secret = models.CharField(max_length=64)
    redirect_uris = models.TextField(blank=True)
    scopes = models.CharField(max_length=500, default="read")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class AccessToken(models.Model):
    """A bearer token; only its SHA-256 is stored."""

    token_hash = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="access_tokens",
    )
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="tokens"
    )
    scopes = models.CharField(max_length=500, default="read")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def new_raw_token() -> str:
        return secrets.token_urlsafe(32)

    def scope_set(self) -> set[str]:
        return set(self.scopes.split())


class AuthorizationCode(models.Model):
    """A one-time OAuth 2 authorisation code (only its SHA-256 is stored), with PKCE."""

    code_hash = models.CharField(max_length=64, unique=True)
    application = models.ForeignKey("oauth.Application", on_delete=models.CASCADE,
                                    related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    scopes = models.CharField(max_length=500)
    redirect_uri = models.TextField()
    code_challenge = models.CharField(max_length=128, blank=True)
    code_challenge_method = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"code for {self.application_id}"
