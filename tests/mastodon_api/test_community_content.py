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


def test_a_members_communities_appear_as_read_only_lists(alice, bob):
    community = do_create_community(alice, "Salon VivaTech", kind="open")
    do_join(bob, community)
    post = do_create_post(alice, "Stand B12, come by", community=community)
    client = client_for(bob)
    lists = client.get("/api/v1/lists").json()
    assert {"id": f"community-{community.pk}", "title": "Salon VivaTech",
            "replies_policy": "list", "exclusive": False} in lists
    timeline = client.get(f"/api/v1/timelines/list/community-{community.pk}")
    assert [s["id"] for s in timeline.json()] == [str(post.id)]
    members = client.get(f"/api/v1/lists/community-{community.pk}/accounts").json()
    assert {m["username"] for m in members} == {"alice", "bob"}
    renamed = client.put(f"/api/v1/lists/community-{community.pk}", {"title": "x"},
                         content_type="application/json")
    assert renamed.status_code == 403


def test_a_secret_community_list_is_unknown_to_non_members(alice, carol):
    community = do_create_community(alice, "Projet Phénix", kind="secret")
    do_create_post(alice, "Confidential", community=community)
    client = client_for(carol)
    assert all(not x["id"].startswith("community-") for x in client.get("/api/v1/lists").json())
    response = client.get(f"/api/v1/timelines/list/community-{community.pk}")
    assert response.status_code == 404
    assert "error" in response.json()
