"""Only administrators reach the administration: employees and guests get a 403,
anonymous visitors the sign-in page; the menu shows it to administrators only."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from essaim.accounts.actions import manage
from essaim.accounts.actions.officials import do_create_official
from essaim.accounts.models import Department, User
from essaim.communities.actions.communities import do_create_community
from essaim.communities.actions.members import do_accept_invitation, do_invite_account
from essaim.communities.models import Community, Membership


@pytest.fixture
def pages(root, bob, alice):
    department = manage.do_admin_create_department(root, "Legal")
    news = do_create_official(root, "news", "Company news")
    garden = do_create_community(alice, "Garden", kind="secret")
    return [reverse("web:manage"), reverse("web:manage_people"),
            reverse("web:manage_person_new"), reverse("web:manage_person", args=[bob.pk]),
            reverse("web:manage_person_action", args=[bob.pk, "deactivate"]),
            reverse("web:manage_departments"),
            reverse("web:manage_officials"), reverse("web:manage_official", args=[news.pk]),
            reverse("web:manage_communities"),
            reverse("web:manage_community", args=[garden.pk]),
            reverse("web:manage_community_action", args=[garden.pk, "delete"]),
            # POST only
            reverse("web:manage_department_rename", args=[department.pk]),
            reverse("web:manage_department_merge", args=[department.pk]),
            reverse("web:manage_official_delegate", args=[news.pk, "add"])]


GET_PAGES = 11  # the first eleven answer GET; the others only POST


def _member_guest(make_user, alice):
    community = do_create_community(alice, "Customers", kind="external")
    member = make_user("gina", guest_of="Client Horizon")
    invitation = do_invite_account(alice, community, member)
    do_accept_invitation(member, invitation.id)
    return member


def test_an_employee_is_refused_every_administration_page(pages, alice, signed_in):
    client = signed_in(alice)
    for url in pages[:GET_PAGES]:
        assert client.get(url).status_code == 403, url


def test_a_refused_post_changes_nothing(pages, alice, bob, signed_in):
    client = signed_in(alice)
    client.post(reverse("web:manage_person_action", args=[bob.pk, "deactivate"]),
                {"confirm": "yes"})
    client.post(reverse("web:manage_person_action", args=[bob.pk, "grant-admin"]))
    client.post(reverse("web:manage_departments"), {"name": "Shadow"})
    client.post(reverse("web:manage_officials"), {"username": "shadow", "name": "Shadow"})
    garden = Community.objects.get(name="Garden")
    client.post(reverse("web:manage_community_action", args=[garden.pk, "delete"]),
                {"confirm": "yes"})
    client.post(reverse("web:manage_community_action", args=[garden.pk, "role"]),
                {"username": "alice", "role": "member"})
    bob.refresh_from_db()
    assert bob.is_active and not bob.is_staff
    assert not Department.objects.filter(name="Shadow").exists()
    assert not User.objects.filter(username="shadow").exists()
    assert Community.objects.filter(pk=garden.pk).exists()
    assert Membership.objects.get(community=garden, user__username="alice").role == "owner"


def test_a_guest_member_of_a_community_is_refused(pages, make_user, alice, signed_in):
    client = signed_in(_member_guest(make_user, alice))
    for url in pages[:GET_PAGES]:
        assert client.get(url).status_code == 403, url


def test_a_guest_of_another_community_is_refused(pages, guest, signed_in):
    client = signed_in(guest)
    for url in pages[:GET_PAGES]:
        assert client.get(url).status_code == 403, url


def test_a_guest_flagged_as_staff_is_still_refused(pages, guest, signed_in):
    guest.is_staff = True
    guest.save(update_fields=["is_staff"])
    assert signed_in(guest).get(pages[0]).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(pages):
    client = Client()
    for url in pages[:GET_PAGES]:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    response = client.post(pages[-1], {"confirm": "yes"})
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_an_administrator_opens_every_page(pages, as_admin):
    for url in pages[:GET_PAGES]:
        assert as_admin.get(url).status_code == 200, url


def test_a_deactivated_administrator_is_signed_out(pages, root, as_admin):
    root.is_active = False
    root.save(update_fields=["is_active"])
    response = as_admin.get(pages[0])
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_menu_links_the_administration_for_administrators_only(as_admin, alice,
                                                                   signed_in):
    link = f'href="{reverse("web:manage")}"'
    assert link in as_admin.get(reverse("web:home")).content.decode()
    assert link not in signed_in(alice).get(reverse("web:home")).content.decode()


def test_the_administration_speaks_french_to_a_french_administrator(as_admin, bob):
    as_admin.cookies["django_language"] = "fr"
    page = as_admin.get(reverse("web:manage_person", args=[bob.pk]),
                        HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Vue d’ensemble" in page and "Désactiver" in page
