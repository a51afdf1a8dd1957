"""Replying to a community post from its thread page keeps the reply in the community."""

from django.urls import reverse

from essaim.communities.actions.communities import do_create_community
from essaim.communities.actions.members import do_join
from essaim.posts.actions import do_create_post
from essaim.posts.models import Post, Visibility


def test_the_reply_box_says_who_will_see_a_reply_in_a_community(client, alice, bob):
    community = do_create_community(alice, "Salon Viva", kind="open")
    do_join(bob, community)
    post = do_create_post(alice, "Who staffs the booth?", community=community)
    client.force_login(bob)
    page = client.get(reverse("web:thread", args=[post.id])).content.decode()
    assert "Visible to the members of Salon Viva" in page
    client.post(reverse("web:compose"), {"text": "Me on Tuesday", "in_reply_to": post.id,
                                         "visibility": "company", "reply_policy": "everyone"})
    reply = Post.objects.get(in_reply_to=post)
    assert (reply.community_id, reply.visibility) == (community.pk, Visibility.COMMUNITY)
