"""Every form is protected against cross-site request forgery."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from essaim.posts.models import Post


def test_a_post_without_its_csrf_token_is_refused(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(reverse("web:compose"), {"text": "Forged", "visibility": "company",
                                                    "reply_policy": "everyone"})
    assert response.status_code == 403
    assert not Post.objects.exists()


def test_a_post_with_its_csrf_token_goes_through(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    page = client.get(reverse("web:home"))
    token = page.context["csrf_token"]
    response = client.post(reverse("web:compose"), {
        "text": "Genuine", "visibility": "company", "reply_policy": "everyone",
        "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302
    assert Post.objects.get().text == "Genuine"


def test_the_login_form_is_protected_too(alice):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("web:login"), {"username": "alice",
                                                  "password": "correct horse battery"})
    assert response.status_code == 403


def test_htmx_buttons_send_the_token_in_a_header(alice):
    from essaim.posts.actions import do_create_post

    post = do_create_post(alice, "Like me", rate_limit=False)
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    page = client.get(reverse("web:home"))
    token = str(page.context["csrf_token"])
    assert f'"X-CSRFToken": "{token}"' in page.content.decode()
    response = client.post(reverse("web:like", args=[post.id]), {"on": "1"},
                           HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
