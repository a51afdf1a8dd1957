"""A small company for the schemathesis run, in a fresh data directory: never the demo data.

Run with ``ESSAIM_DATA_DIR`` pointing at an empty temporary directory; prints a bearer token
(all scopes) of an employee who owns a community and has posts, follows and a list.
"""

from __future__ import annotations

import os

import django


def seed() -> str:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from essaim.accounts.actions import do_create_user
    from essaim.communities import actions as communities
    from essaim.graph.actions import do_create_list, do_follow
    from essaim.oauth.actions import do_issue_token
    from essaim.posts.actions import do_create_post

    people = {name: do_create_user(name, password="fuzz fuzz fuzz", validate=False,
                                   department="R&D")[0]
              for name in ("alice", "bob", "carol")}
    guest = do_create_user("gail", password="fuzz fuzz fuzz", validate=False,
                           guest_of="Acme")[0]
    alice, bob = people["alice"], people["bob"]
    do_follow(bob, alice)
    do_follow(alice, bob)
    do_create_list(alice, "Team")
    community = communities.do_create_community(alice, "Atlas", kind="external")
    invitation = communities.do_invite_account(alice, community, guest)
    communities.do_accept_invitation(guest, invitation.pk)
    for number in range(5):
        do_create_post(alice, f"Hello #fuzz {number}", visibility="company")
        do_create_post(bob, f"Public note {number}", visibility="public")
    do_create_post(alice, "In the community", visibility="community", community=community)
    _token, raw = do_issue_token(alice, "read write follow push")
    return raw


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "essaim.config.settings")
    django.setup()
    print(seed())
