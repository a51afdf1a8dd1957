"""The back office: staff manage accounts and remove posts through the same actions."""

from __future__ import annotations

from django.urls import reverse

from essaim.accounts.models import User
from essaim.posts.actions import do_create_post
from essaim.posts.models import Post


def test_only_staff_open_the_back_office(alice, make_user, signed_in):
    assert signed_in(alice).get(reverse("admin:index")).status_code == 302
    admin = make_user("root", admin=True)
    assert signed_in(admin).get(reverse("admin:accounts_user_changelist")).status_code == 200


def test_staff_deactivate_and_reactivate_accounts(alice, bob, make_user, signed_in):
    client = signed_in(make_user("root", admin=True))
    url = reverse("admin:accounts_user_changelist")
    client.post(url, {"action": "deactivate", "_selected_action": [bob.pk]})
    bob.refresh_from_db()
    assert not bob.is_active
    client.post(url, {"action": "reactivate", "_selected_action": [bob.pk]})
    bob.refresh_from_db()
    assert bob.is_active


def test_the_account_list_filters_by_kind(alice, guest, make_user, signed_in):
    client = signed_in(make_user("root", admin=True))
    response = client.get(reverse("admin:accounts_user_changelist"), {"kind": "guest"})
    assert [u.username for u in response.context["cl"].result_list] == ["gail"]


def test_staff_add_an_account_through_the_creation_action(make_user, signed_in):
    client = signed_in(make_user("root", admin=True))
    response = client.post(reverse("admin:accounts_user_add"), {
        "username": "Newcomer", "email": "new@example.com", "display_name": "New Comer",
        "usable_password": "true", "password1": "a long enough password 1",
        "password2": "a long enough password 1"})
    assert response.status_code == 302
    user = User.objects.get(username="newcomer")  # usernames are stored lower-case
    assert user.check_password("a long enough password 1")
    assert user.is_employee


def test_a_username_the_product_refuses_is_refused_in_the_back_office(make_user, signed_in):
    client = signed_in(make_user("root", admin=True))
    response = client.post(reverse("admin:accounts_user_add"), {
        "username": "bad name!", "usable_password": "true",
        "password1": "a long enough password 1", "password2": "a long enough password 1"})
    assert response.status_code == 200
    assert "A username has 1 to 30 letters" in response.content.decode()


def test_staff_reset_a_password_with_the_standard_form(bob, make_user, signed_in):
    client = signed_in(make_user("root", admin=True))
    url = reverse("admin:auth_user_password_change", args=[bob.pk])
    response = client.post(url, {"password1": "brand new password 7",
                                 "password2": "brand new password 7"})
    assert response.status_code == 302
    bob.refresh_from_db()
    assert bob.check_password("brand new password 7")


def test_deleting_a_post_in_the_back_office_goes_through_the_action(alice, bob, make_user,
                                                                    signed_in):
    root = do_create_post(alice, "Question", rate_limit=False)
    reply = do_create_post(bob, "Inappropriate answer", in_reply_to=root, rate_limit=False)
    client = signed_in(make_user("root", admin=True))
    response = client.post(reverse("admin:posts_post_delete", args=[reply.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Post.objects.filter(pk=reply.pk).exists()
    root.refresh_from_db()
    assert root.replies_count == 0  # the action keeps the counters right


def test_bulk_deleting_posts_goes_through_the_action(alice, bob, make_user, signed_in):
    root = do_create_post(alice, "Question", rate_limit=False)
    replies = [do_create_post(bob, f"Spam {n}", in_reply_to=root, rate_limit=False)
               for n in range(3)]
    client = signed_in(make_user("root", admin=True))
    client.post(reverse("admin:posts_post_changelist"), {
        "action": "delete_selected", "_selected_action": [r.pk for r in replies], "post": "yes"})
    assert list(Post.objects.all()) == [root]
    root.refresh_from_db()
    assert root.replies_count == 0


def test_official_accounts_delegates_are_editable(alice, make_user, signed_in):
    news = make_user("news", name="Company News", is_official=True)
    client = signed_in(make_user("root", admin=True))
    html = client.get(reverse("admin:accounts_user_change", args=[news.pk])).content.decode()
    assert 'name="delegates"' in html
    assert "selectfilter" in html.lower()
