"""Official accounts in the administration: create, edit, and choose who posts as them."""

from __future__ import annotations

from django.urls import reverse

from essaim.accounts.models import User
from essaim.posts.models import Post


def _official(as_admin, username="news", name="Company news"):
    as_admin.post(reverse("web:manage_officials"), {"username": username, "name": name,
                                                    "bio": "What happens here."})
    return User.objects.get(username=username)


def test_an_administrator_creates_an_official_account_nobody_signs_in_to(as_admin):
    news = _official(as_admin)
    assert news.is_official and news.is_employee and news.bio == "What happens here."
    assert not news.has_usable_password()
    page = as_admin.get(reverse("web:manage_officials")).content.decode()
    assert "Company news" in page


def test_an_official_account_needs_a_free_username_and_a_name(as_admin, bob):
    response = as_admin.post(reverse("web:manage_officials"), {"username": "bob",
                                                               "name": "Bob news"})
    assert response.status_code == 422 and "is taken" in response.content.decode()
    response = as_admin.post(reverse("web:manage_officials"), {"username": "hr", "name": " "})
    assert response.status_code == 422
    assert "An official account needs a name." in response.content.decode()
    assert not User.objects.filter(username="hr").exists()


def test_an_official_account_is_renamed_and_described(as_admin):
    news = _official(as_admin)
    as_admin.post(reverse("web:manage_official", args=[news.pk]),
                  {"name": "Newsroom", "bio": "Daily."})
    news.refresh_from_db()
    assert news.display_name == "Newsroom" and news.bio == "Daily."


def test_a_delegate_posts_as_the_official_account_until_removed(as_admin, bob, signed_in):
    news = _official(as_admin)
    bobs = signed_in(bob)
    compose = {"text": "Town hall at noon", "visibility": "company",
               "reply_policy": "everyone", "author": news.pk}
    bobs.post(reverse("web:compose"), compose)
    assert not Post.objects.filter(author=news).exists()  # not a delegate yet

    as_admin.post(reverse("web:manage_official_delegate", args=[news.pk, "add"]),
                  {"username": "@Bob"})
    assert list(news.delegates.all()) == [bob]
    assert bobs.post(reverse("web:compose"), compose).status_code == 302
    post = Post.objects.get(author=news)
    assert post.posted_by_id == bob.pk

    as_admin.post(reverse("web:manage_official_delegate", args=[news.pk, "remove"]),
                  {"user": bob.pk})
    assert not news.delegates.exists()
    bobs.post(reverse("web:compose"), {**compose, "text": "Another one"})
    assert Post.objects.filter(author=news).count() == 1


def test_guests_and_unknown_people_cannot_become_delegates(as_admin, guest):
    news = _official(as_admin)
    url = reverse("web:manage_official_delegate", args=[news.pk, "add"])
    response = as_admin.post(url, {"username": guest.username}, follow=True)
    assert "Only an active employee can post as an official account." in \
        response.content.decode()
    response = as_admin.post(url, {"username": "nobody"}, follow=True)
    assert "Nobody has the username @nobody." in response.content.decode()
    assert not news.delegates.exists()


def test_a_person_is_not_an_official_account_page(as_admin, bob):
    assert as_admin.get(reverse("web:manage_official", args=[bob.pk])).status_code == 404
