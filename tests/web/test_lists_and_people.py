"""Lists, the directory, notifications, edits and hashtags."""

from __future__ import annotations

from django.urls import reverse

from essaim.accounts.actions import do_update_profile
from essaim.graph.actions import do_create_list, do_follow
from essaim.graph.models import AccountList, HashtagFollow, ListMember
from essaim.notifications.models import Notification
from essaim.posts.actions import do_create_post, do_edit_post, do_like


def test_a_list_is_created_filled_and_read(alice, bob, carol, signed_in):
    client = signed_in(alice)
    response = client.post(reverse("web:lists"), {"title": "Project Atlas"})
    account_list = AccountList.objects.get(owner=alice)
    assert response.url == reverse("web:list", args=[account_list.id])
    client.post(reverse("web:list_add", args=[account_list.id]), {"username": "@bob"})
    assert ListMember.objects.filter(account_list=account_list, account=bob).exists()
    do_create_post(bob, "Atlas milestone reached", rate_limit=False)
    do_create_post(carol, "Unrelated news", rate_limit=False)
    html = client.get(reverse("web:list", args=[account_list.id])).content.decode()
    assert "Atlas milestone reached" in html
    assert "Unrelated news" not in html


def test_a_list_is_renamed_emptied_and_deleted(alice, bob, signed_in):
    account_list = do_create_list(alice, "Old name")
    client = signed_in(alice)
    client.post(reverse("web:list_add", args=[account_list.id]), {"username": "bob"})
    client.post(reverse("web:list_rename", args=[account_list.id]), {"title": "New name"})
    account_list.refresh_from_db()
    assert account_list.title == "New name"
    client.post(reverse("web:list_remove", args=[account_list.id, "bob"]))
    assert not ListMember.objects.exists()
    response = client.post(reverse("web:list_delete", args=[account_list.id]))
    assert response.url == reverse("web:lists")
    assert not AccountList.objects.exists()


def test_adding_an_unknown_person_to_a_list_says_so(alice, signed_in):
    account_list = do_create_list(alice, "Team")
    response = signed_in(alice).post(reverse("web:list_add", args=[account_list.id]),
                                     {"username": "nobody"}, follow=True)
    assert "Nobody has the username @nobody." in response.content.decode()


def test_a_list_without_a_title_is_refused(alice, signed_in):
    response = signed_in(alice).post(reverse("web:lists"), {"title": ""}, follow=True)
    assert "This field is required." in response.content.decode()
    assert not AccountList.objects.exists()


def test_the_directory_filters_by_name_department_and_skill(alice, bob, carol, guest,
                                                             signed_in):
    do_update_profile(carol, skills=["statistics"])
    client = signed_in(alice)
    everyone = client.get(reverse("web:directory")).content.decode()
    assert "Bob Durand" in everyone and "Carol Petit" in everyone
    assert "Gail Guest" not in everyone  # guests are not in the employee directory
    by_dept = client.get(reverse("web:directory"), {"department": bob.department_id})
    assert [a.username for a, _rel in by_dept.context["people"]] == ["bob"]
    by_skill = client.get(reverse("web:directory"), {"skill": "Statistics"})
    assert [a.username for a, _rel in by_skill.context["people"]] == ["carol"]
    by_name = client.get(reverse("web:directory"), {"q": "durand"})
    assert [a.username for a, _rel in by_name.context["people"]] == ["bob"]


def test_the_directory_is_paginated(alice, make_user, signed_in):
    for n in range(30):
        make_user(f"person{n:02d}", name=f"Person {n:02d}")
    client = signed_in(alice)
    first = client.get(reverse("web:directory"))
    assert len(first.context["people"]) == 24
    assert "Page 1 of 2" in first.content.decode()
    second = client.get(reverse("web:directory"), {"page": 2})
    assert len(second.context["people"]) == 7


def test_notifications_highlight_unread_and_mark_all_read(alice, bob, signed_in):
    post = do_create_post(alice, "Notice me", rate_limit=False)
    do_like(bob, post.id)
    do_follow(bob, alice)
    client = signed_in(alice)
    html = client.get(reverse("web:notifications")).content.decode()
    assert html.count("notification is-unread") == 2
    assert "Bob Durand</strong> liked your post" in html
    client.post(reverse("web:notifications_read"))
    assert not Notification.objects.filter(recipient=alice, read_at__isnull=True).exists()
    html = client.get(reverse("web:notifications")).content.decode()
    assert "is-unread" not in html


def test_editing_a_post_keeps_its_history(alice, signed_in):
    post = do_create_post(alice, "Meeting at 10:00", rate_limit=False)
    client = signed_in(alice)
    response = client.post(reverse("web:edit", args=[post.id]), {"text": "Meeting at 11:00"})
    assert response.url == reverse("web:thread", args=[post.id])
    history = client.get(reverse("web:history", args=[post.id])).content.decode()
    assert history.index("Meeting at 11:00") < history.index("Meeting at 10:00")


def test_only_the_author_can_open_the_edit_page(alice, bob, signed_in):
    post = do_create_post(alice, "Mine", rate_limit=False)
    assert signed_in(bob).get(reverse("web:edit", args=[post.id])).status_code == 403


def test_the_history_of_an_edited_post_is_linked_from_the_card(alice, bob, signed_in):
    post = do_create_post(alice, "Draft", rate_limit=False)
    do_edit_post(alice, post.id, "Final")
    html = signed_in(bob).get(reverse("web:thread", args=[post.id])).content.decode()
    assert reverse("web:history", args=[post.id]) in html


def test_following_a_hashtag_from_its_page(alice, bob, signed_in):
    do_create_post(bob, "Shipping #Atlas today", rate_limit=False)
    client = signed_in(alice)
    html = client.get(reverse("web:hashtag", args=["atlas"])).content.decode()
    assert "Shipping" in html and "Follow hashtag" in html
    client.post(reverse("web:hashtag_follow", args=["atlas"]), {"on": "1"})
    assert HashtagFollow.objects.filter(user=alice, hashtag__name="atlas").exists()
    assert "Following" in client.get(reverse("web:hashtag", args=["atlas"])).content.decode()
    client.post(reverse("web:hashtag_follow", args=["atlas"]), {"on": "0"})
    assert not HashtagFollow.objects.exists()


def test_a_profile_shows_the_persons_details_and_counts(alice, bob, signed_in):
    do_update_profile(bob, job_title="Brand manager", location="Paris", languages="French, Spanish",
                      skills=["branding"], bio="Stories that matter")
    do_follow(alice, bob)
    do_create_post(bob, "Hi", rate_limit=False)
    response = signed_in(alice).get(reverse("web:profile", args=["bob"]))
    html = response.content.decode()
    for text in ("Brand manager", "Marketing", "Paris", "French, Spanish", "branding",
                 "Stories that matter"):
        assert text in html
    assert response.context["counts"] == {"posts": 1, "followers": 1, "following": 0}
