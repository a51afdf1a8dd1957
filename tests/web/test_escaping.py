"""What people type is shown as text, never run as markup."""

from __future__ import annotations

from django.urls import reverse

from essaim.accounts.actions import do_update_profile
from essaim.posts.actions import do_create_post

ATTACK = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_a_script_in_a_post_is_escaped(alice, bob, signed_in):
    post = do_create_post(alice, f"Look {ATTACK}", rate_limit=False)
    client = signed_in(bob)
    for url in (reverse("web:company"), reverse("web:thread", args=[post.id]),
                reverse("web:profile", args=["alice"])):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert" in html


def test_a_script_in_a_bio_and_names_is_escaped(alice, bob, signed_in):
    do_update_profile(alice, bio=ATTACK, display_name="<b>Alice</b>", job_title=ATTACK)
    html = signed_in(bob).get(reverse("web:profile", args=["alice"])).content.decode()
    assert "<script>alert" not in html
    assert "<b>Alice</b>" not in html
    assert "&lt;b&gt;Alice&lt;/b&gt;" in html


def test_a_script_in_a_content_warning_is_escaped(alice, bob, signed_in):
    post = do_create_post(alice, "Hidden", spoiler_text=ATTACK, rate_limit=False)
    html = signed_in(bob).get(reverse("web:thread", args=[post.id])).content.decode()
    assert "<script>alert" not in html
