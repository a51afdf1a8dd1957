"""Community posts and community work as Mastodon clients see them."""

from django.test import Client

from essaim.communities.actions.communities import do_create_community
from essaim.communities.actions.members import do_invite_account, do_join
from essaim.oauth.actions import do_issue_token
from essaim.posts.actions import do_create_post


def client_for(user) -> Client:
    _token, raw = do_issue_token(user, "read write")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_members_read_community_posts_as_private_statuses(alice, bob):
    community = do_create_community(alice, "Appel d'offres SNCF", kind="open")
    do_join(bob, community)
    post = do_create_post(alice, "Bid documents are up", community=community)
    home = client_for(bob).get("/api/v1/timelines/home")
    assert home.status_code == 200
    statuses = {s["id"]: s for s in home.json()}
    assert statuses[str(post.id)]["visibility"] == "private"


def test_non_members_get_404_for_a_community_post(alice, carol):
    community = do_create_community(alice, "Projet secret", kind="secret")
    post = do_create_post(alice, "Not for everyone", community=community)
    assert client_for(carol).get(f"/api/v1/statuses/{post.id}").status_code == 404


def test_community_invitations_do_not_reach_mastodon_notifications(alice, bob):
    community = do_create_community(alice, "Séminaire", kind="closed")
    do_invite_account(alice, community, bob)
    do_create_post(alice, "@bob welcome", visibility="company")
    assert bob.notifications.count() == 2  # the invitation and the mention, in the web UI
    types = [n["type"] for n in client_for(bob).get("/api/v1/notifications").json()]
    assert types == ["mention"]
