"""Communities in the administration: every one listed (secret ones too, by name only),
archived and reopened, deleted after a confirmation, owners and animators chosen."""

from __future__ import annotations

from django.urls import reverse

from essaim.communities.actions.communities import do_create_community
from essaim.communities.actions.posts import do_post_in_community
from essaim.communities.models import Community, Membership
from essaim.posts.models import Post


def _action(community, action):
    return reverse("web:manage_community_action", args=[community.pk, action])


def test_every_community_is_listed_and_filtered(as_admin, alice):
    do_create_community(alice, "Open garden")
    secret = do_create_community(alice, "Project Falcon", kind="secret")
    url = reverse("web:manage_communities")

    def names(**params):
        return sorted(c.name for c in as_admin.get(url, params).context["page_obj"])

    assert names() == ["Open garden", "Project Falcon"]
    assert names(kind="secret") == ["Project Falcon"]
    assert names(q="garden") == ["Open garden"]
    secret.archived_at = secret.created_at
    secret.save()
    assert names(state="archived") == ["Project Falcon"]
    assert names(state="active") == ["Open garden"]
    assert "@alice" in as_admin.get(url).content.decode()  # the owners are named


def test_a_community_page_shows_no_post_text(as_admin, alice):
    secret = do_create_community(alice, "Project Falcon", kind="secret")
    do_post_in_community(alice, secret, "the falcon launches on friday")
    for url in (reverse("web:manage_communities"),
                reverse("web:manage_community", args=[secret.pk])):
        assert "the falcon launches" not in as_admin.get(url).content.decode()


def test_an_administrator_archives_and_reopens_a_community(as_admin, alice, signed_in):
    garden = do_create_community(alice, "Open garden")
    as_admin.post(_action(garden, "archive"))
    garden.refresh_from_db()
    assert garden.is_archived
    response = signed_in(alice).post(reverse("web:community_compose", args=[garden.slug]),
                                     {"text": "still here?"})
    assert not Post.objects.filter(community=garden).exists(), response.status_code
    as_admin.post(_action(garden, "unarchive"))
    garden.refresh_from_db()
    assert not garden.is_archived


def test_deleting_asks_first_then_removes_the_community_and_its_posts(as_admin, alice):
    garden = do_create_community(alice, "Open garden")
    do_post_in_community(alice, garden, "tomatoes are ripe")
    page = as_admin.get(_action(garden, "delete"))
    assert page.status_code == 200 and "This cannot be undone" in page.content.decode()
    as_admin.post(_action(garden, "delete"))
    assert Community.objects.filter(pk=garden.pk).exists()
    response = as_admin.post(_action(garden, "delete"), {"confirm": "yes"})
    assert response.status_code == 302
    assert not Community.objects.filter(pk=garden.pk).exists()
    assert not Post.objects.filter(text__contains="tomatoes").exists()


def test_an_administrator_changes_the_owner_and_names_animators(as_admin, alice, bob, carol,
                                                                signed_in):
    garden = do_create_community(alice, "Open garden")
    as_admin.post(_action(garden, "role"), {"username": "bob", "role": "owner"})
    as_admin.post(_action(garden, "role"), {"username": "carol", "role": "animator"})
    as_admin.post(_action(garden, "role"), {"username": "alice", "role": "member"})
    roles = dict(Membership.objects.filter(community=garden)
                 .values_list("user__username", "role"))
    assert roles == {"alice": "member", "bob": "owner", "carol": "animator"}
    garden.refresh_from_db()
    assert garden.members_count == 3
    # Bob, now owner, reaches the community's settings.
    assert signed_in(bob).get(reverse("web:community_settings", args=[garden.slug])) \
        .status_code == 200


def test_the_last_owner_stays_and_guests_are_not_made_leaders(as_admin, alice, guest):
    garden = do_create_community(alice, "Open garden")
    response = as_admin.post(_action(garden, "role"), {"username": "alice", "role": "member"},
                             follow=True)
    assert "keeps at least one owner" in response.content.decode()
    response = as_admin.post(_action(garden, "role"),
                             {"username": guest.username, "role": "animator"}, follow=True)
    assert "Only an employee can be an owner or an animator." in response.content.decode()
    response = as_admin.post(_action(garden, "role"), {"username": "alice", "role": "king"},
                             follow=True)
    assert "Unknown role." in response.content.decode()
    assert Membership.objects.get(community=garden, user=alice).role == "owner"


def test_an_unknown_community_or_action_is_not_found(as_admin, alice):
    garden = do_create_community(alice, "Open garden")
    assert as_admin.get(reverse("web:manage_community", args=[12345])).status_code == 404
    assert as_admin.get(_action(garden, "archive")).status_code == 404
