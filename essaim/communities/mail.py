"""E-mail sent for communities, in the background (when e-mail is configured)."""

from __future__ import annotations

from django_tasks import task


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
