"""The audit log. Other apps call :func:`record`; nothing else writes it."""

from __future__ import annotations

from contextvars import ContextVar

_request_ip: ContextVar[str | None] = ContextVar("audit_request_ip", default=None)


def client_ip(request) -> str | None:
    return (request.META.get("REMOTE_ADDR") or None) if request is not None else None


def record(actor, action: str, *, target=None, before=None, after=None, request=None):
    """Append one entry: who (``actor``, None for Essaim itself), what (``action``, e.g.
    "account.deactivate"), on what (``target``: a model instance), when, from where (the
    request's address, or the current request's), and the state before and after."""
    from .models import AuditEntry

    ip = client_ip(request) if request is not None else _request_ip.get()
    target_type = target_id = label = ""
    if target is not None:
        meta = getattr(target, "_meta", None)
        target_type = meta.label_lower if meta is not None else type(target).__name__.lower()
        target_id = str(getattr(target, "pk", "") or "")
        label = str(target)[:200]
    return AuditEntry.objects.create(
        actor_id=getattr(actor, "pk", None), actor_username=getattr(actor, "username", "")
        or "", action=action[:80], target_type=target_type[:60], target_id=target_id[:40],
        target_label=label, ip=ip, before=before, after=after)
