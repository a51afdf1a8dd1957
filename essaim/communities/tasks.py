"""Background work for communities, run through the Tasks API."""

from __future__ import annotations

from django.core.cache import cache
from django_tasks import task

from essaim.core.jobs import enqueue_on_commit

SWEEP_EVERY = 300  # seconds


@task()
def sweep_communities() -> dict:
    """Archive communities past their deadline, remind animators before it, and remind
    assignees of tasks falling due. Idempotent: safe to run as often as one likes."""
    from .actions import do_remind_due_tasks, do_sweep_deadlines

    archived, reminded = do_sweep_deadlines()
    return {"archived": archived, "reminded": reminded, "tasks": do_remind_due_tasks()}


def sweep_soon() -> None:
    """Enqueue a sweep at most every few minutes (called from busy pages, so that the
    lifecycle runs without a separate scheduler)."""
    if cache.add("communities:sweep", 1, timeout=SWEEP_EVERY):
        enqueue_on_commit(sweep_communities)


@task()
def send_invitation_email(invitation_id: int) -> bool:
    """Mail an invitation link to someone from outside (when e-mail is configured)."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from .models import Invitation

    invitation = (Invitation.objects.select_related("community", "invited_by")
                  .filter(pk=invitation_id, accepted_at__isnull=True,
                          declined_at__isnull=True).first())
    if invitation is None or not settings.ESSAIM_EMAIL_ENABLED:
        return False
    scheme = "https" if settings.SECURE else "http"
    link = f"{scheme}://{settings.DOMAIN}" + reverse("web:community_invitation",
                                                     args=[invitation.token])
    names = {"inviter": invitation.invited_by.name, "community": invitation.community.name}
    subject = _("%(inviter)s invites you to %(community)s") % names
    body = _("%(inviter)s invites you to join the community %(community)s on Essaim.\n\n"
             "Open this link to create your guest account and join:\n%(link)s\n") % {
        **names, "link": link}
    send_mail(subject, body, None, [invitation.email])
    return True
