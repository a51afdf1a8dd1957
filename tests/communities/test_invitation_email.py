"""Invitations by e-mail are mailed when e-mail is configured, and only then."""

from django.core import mail

from essaim.communities.actions.communities import do_create_community
from essaim.communities.actions.members import do_invite_email


def test_an_invitation_by_email_is_mailed_with_its_link(alice, settings):
    settings.ESSAIM_EMAIL_ENABLED = True
    settings.DOMAIN = "essaim.example.com"
    community = do_create_community(alice, "Client Horizon x Essaim", kind="external")
    invitation = do_invite_email(alice, community, "lea@horizon.example", "Client Horizon")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lea@horizon.example"]
    assert "Client Horizon x Essaim" in message.subject
    assert f"/communities/invitations/{invitation.token}/" in message.body
    assert "http://essaim.example.com/" in message.body


def test_without_email_configured_nothing_is_sent(alice, settings):
    settings.ESSAIM_EMAIL_ENABLED = False
    community = do_create_community(alice, "Partenaires", kind="external")
    do_invite_email(alice, community, "sam@partner.example", "Partner Co")
    assert mail.outbox == []
