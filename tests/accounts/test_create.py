"""Creating accounts and logging in."""

from __future__ import annotations

import importlib

import pytest
from django.contrib.auth import authenticate

from essaim.accounts.actions import (
    do_create_user,
    do_deactivate_user,
    do_reactivate_user,
    do_set_password,
)
from essaim.accounts.models import User
from essaim.core.errors import ValidationFailed


def test_argon2_is_the_password_hasher_of_the_real_settings():
    settings_module = importlib.import_module("essaim.config.settings")
    assert settings_module.PASSWORD_HASHERS[0] == (
        "django.contrib.auth.hashers.Argon2PasswordHasher")


def test_a_username_is_stored_lower_case_without_a_leading_at(db):
    user, _password = do_create_user("@Alice.Martin", password="correct horse battery")
    assert user.username == "alice.martin"


@pytest.mark.parametrize("username", ["", "a b", "-alice", "alice-", "al!ce", "x" * 31, "é"])
def test_a_malformed_username_is_refused(db, username):
    with pytest.raises(ValidationFailed) as err:
        do_create_user(username, password="correct horse battery")
    assert err.value.field == "username"
    assert not User.objects.exists()


def test_a_taken_username_is_refused_whatever_its_case(alice):
    with pytest.raises(ValidationFailed) as err:
        do_create_user("ALICE", password="correct horse battery")
    assert err.value.message == "The username @alice is taken."
    assert User.objects.count() == 1


def test_an_email_address_is_checked_and_may_be_used_once(alice):
    do_create_user("bob", email="bob@example.com", password="correct horse battery")
    with pytest.raises(ValidationFailed):
        do_create_user("bobby", email="BOB@example.com", password="correct horse battery")
    with pytest.raises(ValidationFailed):
        do_create_user("rob", email="not an address", password="correct horse battery")
    assert User.objects.count() == 2


def test_a_weak_password_is_refused_unless_validation_is_skipped(db):
    with pytest.raises(ValidationFailed) as err:
        do_create_user("alice", password="short")
    assert err.value.field == "password"
    assert not User.objects.exists()
    user, _password = do_create_user("alice", password="short", validate=False)
    assert user.check_password("short")


def test_a_password_is_generated_when_none_is_given(db):
    user, password = do_create_user("alice")
    assert len(password) >= 12
    assert user.check_password(password)


def test_one_logs_in_with_a_username_or_an_email_address_in_any_case(db):
    user, _password = do_create_user("alice", email="Alice@Example.com",
                                      password="correct horse battery")
    assert authenticate(username="alice", password="correct horse battery") == user
    assert authenticate(username="@ALICE", password="correct horse battery") == user
    assert authenticate(username="alice@example.com", password="correct horse battery") == user
    assert authenticate(username="alice@example.com", password="wrong") is None
    assert authenticate(username="nobody@example.com", password="correct horse battery") is None


def test_changing_the_password_replaces_the_old_one(alice):
    do_set_password(alice, "a brand new passphrase")
    assert authenticate(username="alice", password="a brand new passphrase") == alice
    assert authenticate(username="alice", password="correct horse battery") is None
    with pytest.raises(ValidationFailed):
        do_set_password(alice, "123")


def test_deactivating_an_account_stops_logins_and_open_sessions(alice, client):
    from django.contrib.auth import get_user
    from django.http import HttpRequest

    client.force_login(alice)
    request = HttpRequest()
    request.session = client.session
    assert get_user(request) == alice
    do_deactivate_user(alice)
    assert authenticate(username="alice", password="correct horse battery") is None
    assert not get_user(request).is_authenticated
    do_reactivate_user(alice)
    assert authenticate(username="alice", password="correct horse battery") == alice


def test_deactivating_an_account_revokes_its_api_tokens(alice):
    from essaim.oauth.models import AccessToken, hash_token

    token = AccessToken.objects.create(user=alice, token_hash=hash_token("secret"))
    do_deactivate_user(alice)
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_guests_belong_to_their_organisation_and_employees_to_none(alice, guest):
    assert guest.is_guest and guest.organisation.name == "Acme Corp"
    assert alice.is_employee and alice.organisation is None
    assert alice.department.name == "R&D"
