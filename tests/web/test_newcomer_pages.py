"""What a newcomer reads on the pages: French everywhere, sentences that read well."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from essaim.accounts.actions import do_set_locale
from essaim.communities import actions


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_communities_page_and_the_menu_speak_french(alice):
    do_set_locale(alice, "fr")
    html = signed_in(alice).get(reverse("web:communities")).content.decode()
    for text in ("Mes tâches", "Nouvelle communauté", "Vos communautés", "Découvrir",
                 "Rechercher par nom, description ou mot-clé", "Tous les types de communauté"):
        assert text in html, text
    for text in ("My tasks", "New community", "Your communities", "Discover",
                 "All kinds of community"):
        assert text not in html, text


def test_a_deadline_in_the_afternoon_is_not_followed_by_a_second_period(alice):
    deadline = (timezone.localtime() + timedelta(days=20)).replace(hour=13, minute=31)
    community = actions.do_create_community(alice, "Tender Metro", template="tender",
                                            deadline=deadline)
    html = signed_in(alice).get(reverse("web:community", args=[community.slug])).content.decode()
    assert "p.m.." not in html
    assert "1:31 p.m. — the community archives itself then." in html


def test_the_deadline_notice_reads_well_in_french(alice):
    do_set_locale(alice, "fr")
    deadline = (timezone.localtime() + timedelta(days=20)).replace(hour=13, minute=31)
    community = actions.do_create_community(alice, "Tender Metro", template="tender",
                                            deadline=deadline)
    html = signed_in(alice).get(reverse("web:community", args=[community.slug])).content.decode()
    assert "13:31 — la communauté s’archivera alors d’elle-même." in html
