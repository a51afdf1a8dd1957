from __future__ import annotations

from django.conf import settings
from django.db import models


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
