"""Communities built through the real actions."""

from __future__ import annotations

import pytest

from essaim.communities import actions


def build_community(owner, name="Project Atlas", kind="open", *, members=(), guests=(),
                    **options):
    """A community of ``kind`` owned by ``owner``, with employees and guests as members."""
    community = actions.do_create_community(owner, name, kind=kind, **options)
    for person in members:
        if kind == "open":
            actions.do_join(person, community)
        else:
            invitation = actions.do_invite_account(owner, community, person)
            actions.do_accept_invitation(person, invitation.pk)
    for person in guests:
        invitation = actions.do_invite_account(owner, community, person)
        actions.do_accept_invitation(person, invitation.pk)
    community.refresh_from_db()
    return community


@pytest.fixture
def make_community():
    return build_community
