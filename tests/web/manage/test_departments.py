"""Departments in the administration: create, rename and merge through the page."""

from __future__ import annotations

from django.urls import reverse

from essaim.accounts.models import Department


def test_an_administrator_creates_a_department(as_admin):
    response = as_admin.post(reverse("web:manage_departments"), {"name": "  Legal  "})
    assert response.status_code == 302
    assert Department.objects.filter(name="Legal").exists()
    page = as_admin.get(reverse("web:manage_departments")).content.decode()
    assert "Legal" in page and "The department Legal is created." in page


def test_a_duplicate_or_empty_name_is_refused_with_a_message(as_admin, alice):
    response = as_admin.post(reverse("web:manage_departments"), {"name": "r&d"})
    assert response.status_code == 422
    assert "This department exists already." in response.content.decode()
    response = as_admin.post(reverse("web:manage_departments"), {"name": "   "})
    assert response.status_code == 422
    assert "A department needs a name." in response.content.decode()


def test_a_department_is_renamed(as_admin, alice):
    rnd = alice.department
    as_admin.post(reverse("web:manage_department_rename", args=[rnd.pk]),
                  {"name": "Research"})
    rnd.refresh_from_db()
    assert rnd.name == "Research"


def test_merging_asks_first_then_moves_everyone(as_admin, alice, bob, carol):
    rnd, marketing = alice.department, bob.department
    url = reverse("web:manage_department_merge", args=[marketing.pk])
    page = as_admin.post(url, {"into": rnd.pk})
    assert page.status_code == 200 and "This cannot be undone." in page.content.decode()
    assert Department.objects.filter(pk=marketing.pk).exists()
    response = as_admin.post(url, {"into": rnd.pk, "confirm": "yes"}, follow=True)
    assert not Department.objects.filter(pk=marketing.pk).exists()
    bob.refresh_from_db()
    assert bob.department == rnd
    assert "1 person moved" in response.content.decode()


def test_merging_into_itself_or_nowhere_is_refused(as_admin, alice):
    rnd = alice.department
    url = reverse("web:manage_department_merge", args=[rnd.pk])
    for into in (rnd.pk, "", "abc", "99999999999999999999999"):
        as_admin.post(url, {"into": into, "confirm": "yes"})
        assert Department.objects.filter(pk=rnd.pk).exists()


def test_the_page_counts_the_people_of_each_department(as_admin, alice, carol):
    departments = {d.name: d.people for d in
                   as_admin.get(reverse("web:manage_departments")).context["departments"]}
    assert departments["R&D"] == 2
