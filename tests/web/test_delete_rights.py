"""Who may delete a post is the delete action's answer; the web page only translates it."""

from __future__ import annotations

from django.urls import reverse

from essaim.communities import actions as community_actions
from essaim.communities.actions import do_post_in_community
from essaim.posts.models import Post

from ..communities.conftest import build_community


def test_an_animator_deletes_a_members_community_post_on_the_web(alice, bob, carol,
                                                                 signed_in):
    community = build_community(alice, "Atlas", members=[bob, carol])
    community_actions.do_set_role(alice, community, bob, "animator")
    noise = do_post_in_community(carol, community, "Off topic")
    client = signed_in(bob)
    confirm = client.get(reverse("web:delete", args=[noise.id]))
    assert confirm.status_code == 200 and "Off topic" in confirm.content.decode()
    response = client.post(reverse("web:delete", args=[noise.id]))
    assert response.status_code == 302
    assert not Post.objects.filter(pk=noise.id).exists()


def test_a_plain_member_still_cannot_delete_someone_elses_post_on_the_web(alice, bob, carol,
                                                                         signed_in):
    community = build_community(alice, "Atlas", members=[bob, carol])
    post = do_post_in_community(carol, community, "Mine")
    response = signed_in(bob).post(reverse("web:delete", args=[post.id]))
    assert response.status_code in (302, 403)
    assert Post.objects.filter(pk=post.id).exists()
