"""People in the administration: find them, open them, and change what an administrator
changes, each through its form (CSRF on, destructive ones confirmed first)."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from essaim.accounts.models import Department, User
from essaim.posts.actions import do_create_post


def _action(user, action):
    return reverse("web:manage_person_action", args=[user.pk, action])


def test_the_list_finds_people_by_name_department_kind_and_state(as_admin, alice, bob, guest,
                                                                 make_user):
    make_user("gone", name="Gone Away", department="R&D").__class__.objects.filter(
        username="gone").update(is_active=False)
    url = reverse("web:manage_people")

    def names(**params):
        page = as_admin.get(url, params).context["page_obj"]
        return sorted(account.username for account in page)

    assert names(q="martin") == ["alice"]
    rnd = Department.objects.get(name="R&D")
    assert names(department=rnd.pk) == ["alice", "gone"]
    assert names(kind="guest") == ["gail"]
    assert names(kind="admin") == ["root"]
    assert names(state="inactive") == ["gone"]
    assert names(department=rnd.pk, state="active") == ["alice"]
    assert "gail" in names(department="none")


def test_the_list_is_paginated(as_admin, make_user):
    for n in range(30):
        make_user(f"person{n:02d}")
    url = reverse("web:manage_people")
    first = as_admin.get(url).context["page_obj"]
    assert len(first) == 25 and first.has_next()
    second = as_admin.get(url, {"page": 2}).context["page_obj"]
    assert len(second) == 6  # 30 people and the administrator
    assert as_admin.get(url, {"page": "zzz"}).status_code == 200


def test_a_bad_department_filter_is_a_clear_error_and_other_odd_filters_are_ignored(
        as_admin):
    url = reverse("web:manage_people")
    for bad in ("x", "99999999999999999999999", "-1"):
        response = as_admin.get(url, {"department": bad})
        assert response.status_code == 422
        assert "This department does not exist." in response.content.decode()
    assert as_admin.get(url, {"kind": "alien", "state": "odd"}).status_code == 200


def test_deactivating_asks_for_a_confirmation_first(as_admin, bob):
    page = as_admin.get(_action(bob, "deactivate"))
    assert page.status_code == 200 and 'name="confirm" value="yes"' in page.content.decode()
    as_admin.post(_action(bob, "deactivate"))  # no confirmation: nothing happens
    bob.refresh_from_db()
    assert bob.is_active


def test_a_deactivated_person_is_signed_out_and_cannot_sign_in(as_admin, bob, signed_in):
    bobs_browser = signed_in(bob)
    assert bobs_browser.get(reverse("web:home")).status_code == 200
    response = as_admin.post(_action(bob, "deactivate"), {"confirm": "yes"})
    assert response.status_code == 302
    bob.refresh_from_db()
    assert not bob.is_active
    assert "/login/" in bobs_browser.get(reverse("web:home"))["Location"]
    login = Client().post(reverse("web:login"),
                          {"username": "bob", "password": "correct horse battery"})
    assert login.status_code == 200 and "_auth_user_id" not in login.client.session
    as_admin.post(_action(bob, "activate"))
    bob.refresh_from_db()
    assert bob.is_active


def test_administrator_rights_are_granted_and_removed_after_confirmation(as_admin, bob,
                                                                         signed_in):
    as_admin.post(_action(bob, "grant-admin"))
    bob.refresh_from_db()
    assert bob.is_staff
    assert signed_in(bob).get(reverse("web:manage")).status_code == 200
    as_admin.post(_action(bob, "revoke-admin"))
    bob.refresh_from_db()
    assert bob.is_staff
    as_admin.post(_action(bob, "revoke-admin"), {"confirm": "yes"})
    bob.refresh_from_db()
    assert not bob.is_staff


def test_an_administrator_cannot_lock_themselves_out_through_the_page(as_admin, root):
    response = as_admin.post(_action(root, "deactivate"), {"confirm": "yes"}, follow=True)
    root.refresh_from_db()
    assert root.is_active
    assert "You cannot deactivate your own account." in response.content.decode()


def test_the_department_is_changed(as_admin, bob):
    rnd = Department.objects.get_or_create(name="R&D", defaults={"slug": "r-d"})[0]
    as_admin.post(_action(bob, "department"), {"department": rnd.pk})
    bob.refresh_from_db()
    assert bob.department == rnd
    as_admin.post(_action(bob, "department"), {"department": ""})
    bob.refresh_from_db()
    assert bob.department is None


def test_an_unknown_department_is_refused_with_a_message(as_admin, bob):
    response = as_admin.post(_action(bob, "department"), {"department": "999999"},
                             follow=True)
    assert "This department does not exist." in response.content.decode()


def test_making_someone_a_guest_takes_away_company_access(as_admin, bob, signed_in):
    as_admin.post(_action(bob, "guest"), {"organisation": "Client Horizon"})
    bob.refresh_from_db()
    assert bob.is_employee  # not yet: it asks for a confirmation
    as_admin.post(_action(bob, "guest"), {"organisation": "Client Horizon", "confirm": "yes"})
    bob.refresh_from_db()
    assert bob.is_guest and bob.organisation.name == "Client Horizon"
    assert signed_in(bob).get(reverse("web:company")).status_code == 403


def test_an_unknown_action_or_person_is_not_found(as_admin, bob):
    response = as_admin.post(_action(bob, "explode"), follow=True)
    assert "This page does not exist." in response.content.decode()
    assert as_admin.get(_action(bob, "activate")).status_code == 404
    assert as_admin.get(reverse("web:manage_person", args=[987654321])).status_code == 404


def test_the_forms_need_the_csrf_token(root, bob):
    client = Client(enforce_csrf_checks=True)
    client.force_login(root)
    assert client.post(_action(bob, "deactivate"), {"confirm": "yes"}).status_code == 403
    bob.refresh_from_db()
    assert bob.is_active


def test_an_administrator_adds_a_person_and_sees_the_password_once(as_admin):
    legal = Department.objects.create(name="Legal", slug="legal")
    response = as_admin.post(reverse("web:manage_person_new"), {
        "username": "Newbie", "name": "New Bie", "email": "newbie@example.com",
        "department": legal.pk})
    assert response.status_code == 200
    newbie = User.objects.get(username="newbie")
    assert newbie.department == legal and newbie.is_employee
    assert newbie.check_password(response.context["password"])


def test_a_taken_username_is_refused_with_a_message(as_admin, bob):
    response = as_admin.post(reverse("web:manage_person_new"), {"username": "bob"})
    assert response.status_code == 422
    assert "is taken" in response.content.decode()


def test_no_administration_page_shows_the_text_of_a_direct_post(as_admin, root, alice, bob):
    secret = "our very private salary talk"
    do_create_post(alice, f"@bob {secret}", visibility="direct")
    do_create_post(alice, f"@root {secret} also", visibility="direct")
    for url in (reverse("web:manage"), reverse("web:manage_people"),
                reverse("web:manage_person", args=[alice.pk]),
                reverse("web:manage_person", args=[bob.pk]),
                reverse("web:manage_departments")):
        assert secret not in as_admin.get(url).content.decode(), url
