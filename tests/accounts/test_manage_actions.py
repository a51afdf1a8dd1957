"""Everyday administration actions: only administrators may run them, and they do what
an administrator expects."""

from __future__ import annotations

import pytest

from essaim.accounts.actions import manage
from essaim.accounts.models import Department
from essaim.core.errors import PermissionDenied, ValidationFailed


@pytest.fixture
def root(make_user):
    return make_user("root", admin=True)


@pytest.mark.parametrize("who", ["alice", "guest", "anonymous"])
def test_only_administrators_may_administer(who, alice, guest, bob):
    from django.contrib.auth.models import AnonymousUser

    actor = {"alice": alice, "guest": guest, "anonymous": AnonymousUser()}[who]
    with pytest.raises(PermissionDenied):
        manage.do_set_admin(actor, bob, True)
    with pytest.raises(PermissionDenied):
        manage.do_set_active(actor, bob, False)
    with pytest.raises(PermissionDenied):
        manage.do_admin_create_department(actor, "Legal")
    bob.refresh_from_db()
    assert bob.is_active and not bob.is_staff


def test_an_administrator_deactivates_reactivates_and_promotes(root, bob):
    manage.do_set_active(root, bob, False)
    bob.refresh_from_db()
    assert not bob.is_active
    manage.do_set_active(root, bob, True)
    manage.do_set_admin(root, bob, True)
    bob.refresh_from_db()
    assert bob.is_active and bob.is_staff


def test_an_administrator_cannot_lock_themselves_out(root):
    with pytest.raises(ValidationFailed):
        manage.do_set_active(root, root, False)
    with pytest.raises(ValidationFailed):
        manage.do_set_admin(root, root, False)


def test_departments_are_created_renamed_and_merged(root, alice, bob):
    legal = manage.do_admin_create_department(root, "Legal")
    manage.do_rename_department(root, legal, "Legal affairs")
    manage.do_set_department(root, bob, legal.id)
    rnd = alice.department
    moved = manage.do_merge_departments(root, legal, rnd)
    bob.refresh_from_db()
    assert moved == 1 and bob.department == rnd
    assert not Department.objects.filter(name="Legal affairs").exists()


def test_an_account_becomes_a_guest_of_an_organisation(root, bob):
    manage.do_make_guest(root, bob, "Client Horizon")
    bob.refresh_from_db()
    assert bob.is_guest and bob.organisation.name == "Client Horizon"
    assert bob.department is None
