"""Settings: profile, avatar, language, and undoing mutes and blocks."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from essaim.accounts.models import Department
from essaim.graph.actions import do_block, do_mute
from essaim.graph.models import Block, Mute


def _png(size=(60, 40), colour=(15, 118, 110)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return SimpleUploadedFile("me.png", buffer.getvalue(), content_type="image/png")


def test_a_real_image_becomes_the_avatar(alice, signed_in):
    client = signed_in(alice)
    response = client.post(reverse("web:settings_avatar"), {"avatar": _png()}, follow=True)
    assert "Your new profile picture is in place." in response.content.decode()
    alice.refresh_from_db()
    assert alice.avatar.name.endswith(".webp")
    profile = client.get(reverse("web:profile", args=["alice"])).content.decode()
    assert alice.avatar.url in profile


def test_a_file_that_is_not_an_image_is_refused_with_a_message(alice, signed_in):
    fake = SimpleUploadedFile("me.png", b"#!/bin/sh\necho not an image\n",
                              content_type="image/png")
    response = signed_in(alice).post(reverse("web:settings_avatar"), {"avatar": fake})
    assert response.status_code == 422
    assert "This file is not an image we can read." in response.content.decode()
    alice.refresh_from_db()
    assert not alice.avatar


def test_without_an_avatar_the_initials_are_shown(alice, signed_in):
    html = signed_in(alice).get(reverse("web:profile", args=["alice"])).content.decode()
    assert 'avatar-initials' in html
    assert ">AM</span>" in html


def test_the_profile_form_updates_the_profile(alice, signed_in):
    sales = Department.objects.create(name="Sales", slug="sales")
    response = signed_in(alice).post(reverse("web:settings_profile"), {
        "display_name": "Alice M.", "job_title": "Engineer", "department": sales.id,
        "location": "Lyon", "languages": "French, English", "skills": "Python, #SQL, ",
        "bio": "Hello"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.display_name, alice.job_title, alice.department, alice.location) == (
        "Alice M.", "Engineer", sales, "Lyon")
    assert sorted(s.name for s in alice.skills.all()) == ["python", "sql"]


def test_an_overlong_bio_is_refused_with_a_message(alice, signed_in):
    response = signed_in(alice).post(reverse("web:settings_profile"), {"bio": "b" * 1001})
    assert response.status_code == 422
    assert "at most 1000 characters" in response.content.decode()


def test_choosing_french_in_settings_makes_the_interface_french(alice, signed_in):
    client = signed_in(alice)
    assert '<html lang="en">' in client.get(reverse("web:home")).content.decode()
    response = client.post(reverse("web:settings_language"), {"language": "fr"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.locale == "fr"
    assert '<html lang="fr">' in client.get(reverse("web:home")).content.decode()
    # The preference follows the person to another browser.
    other = Client()
    other.force_login(alice)
    assert '<html lang="fr">' in other.get(reverse("web:home")).content.decode()


def test_an_unknown_language_is_refused(alice, signed_in):
    signed_in(alice).post(reverse("web:settings_language"), {"language": "tlh"})
    alice.refresh_from_db()
    assert alice.locale == ""


def test_the_login_page_switches_language_before_signing_in(client):
    assert '<html lang="en">' in client.get(reverse("web:login")).content.decode()
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/login/"})
    assert response.status_code == 302
    assert '<html lang="fr">' in client.get(reverse("web:login")).content.decode()


def test_muted_and_blocked_people_are_listed_and_can_be_released(alice, bob, carol, signed_in):
    do_mute(alice, bob)
    do_block(alice, carol)
    client = signed_in(alice)
    html = client.get(reverse("web:settings")).content.decode()
    assert "Bob Durand" in html and "Carol Petit" in html
    client.post(reverse("web:mute", args=["bob"]), {"on": "0", "next": "/settings/"})
    client.post(reverse("web:block", args=["carol"]), {"on": "0", "next": "/settings/"})
    assert not Mute.objects.exists()
    assert not Block.objects.exists()


def test_mute_and_block_from_a_profile(alice, bob, signed_in):
    client = signed_in(alice)
    response = client.post(reverse("web:mute", args=["bob"]), {"on": "1"}, follow=True)
    assert "is muted" in response.content.decode()
    client.post(reverse("web:block", args=["bob"]), {"on": "1"})
    assert Mute.objects.filter(muter=alice, muted=bob).exists()
    assert Block.objects.filter(blocker=alice, blocked=bob).exists()
    html = client.get(reverse("web:profile", args=["bob"])).content.decode()
    assert "You blocked this account." in html
