from datetime import timedelta

import pytest
from django.utils import timezone

from essaim.accounts.actions import do_deactivate_user
from essaim.cli import main
from essaim.oauth.actions import do_issue_token, do_revoke_token
from essaim.oauth.auth import authenticate_token
from essaim.oauth.models import AccessToken, Application, hash_token


def _tokens(capsys) -> list[str]:
    return capsys.readouterr().out.split()


def test_the_printed_token_authenticates_its_owner(alice, capsys):
    assert main(["token", "alice"]) == 0
    [raw] = _tokens(capsys)
    token = authenticate_token(raw)
    assert token.user == alice
    assert token.scope_set() == {"read", "write", "follow", "push"}


def test_it_prints_one_token_per_username_in_order(alice, bob, capsys):
    assert main(["token", "bob", "@alice", "--scopes", "read"]) == 0
    raws = _tokens(capsys)
    assert [authenticate_token(r).user for r in raws] == [bob, alice]
    assert authenticate_token(raws[0]).scopes == "read"


def test_only_a_hash_of_the_token_is_stored(alice, capsys):
    main(["token", "alice"])
    [raw] = _tokens(capsys)
    assert not AccessToken.objects.filter(token_hash=raw).exists()
    assert AccessToken.objects.filter(token_hash=hash_token(raw), user=alice).exists()


def test_an_unknown_username_exits_1_and_issues_nothing(alice, capsys):
    assert main(["token", "alice", "nobody"]) == 1
    captured = capsys.readouterr()
    assert "@nobody" in captured.err and captured.out == ""
    assert not AccessToken.objects.exists()


@pytest.mark.parametrize("scopes", ["read admin", "read:everything", ""])
def test_a_bad_scope_exits_1(alice, capsys, scopes):
    assert main(["token", "alice", "--scopes", scopes]) == 1
    assert "scope" in capsys.readouterr().err
    assert not AccessToken.objects.exists()


def test_sub_scopes_are_accepted(alice, capsys):
    assert main(["token", "alice", "--scopes", "read:statuses write:favourites"]) == 0
    [raw] = _tokens(capsys)
    assert authenticate_token(raw).scope_set() == {"read:statuses", "write:favourites"}


def test_unknown_and_revoked_tokens_do_not_authenticate(alice):
    token, raw = do_issue_token(alice, "read")
    assert authenticate_token("not-a-token") is None
    assert authenticate_token("") is None
    do_revoke_token(token)
    assert authenticate_token(raw) is None


def test_deactivating_an_account_ends_its_tokens(alice):
    _token, raw = do_issue_token(alice, "read write")
    do_deactivate_user(alice)
    assert authenticate_token(raw) is None


def test_last_use_is_recorded_at_most_once_a_minute(alice):
    token, raw = do_issue_token(alice, "read")
    first = authenticate_token(raw).last_used_at
    assert first is not None
    assert authenticate_token(raw).last_used_at == first
    earlier = timezone.now() - timedelta(minutes=2)
    AccessToken.objects.filter(pk=token.pk).update(last_used_at=earlier)
    assert authenticate_token(raw).last_used_at > earlier


def test_an_application_cannot_grant_more_than_its_scopes(alice):
    from essaim.core.errors import ValidationFailed

    app = Application.objects.create(name="Reader", client_id="c1", client_secret="s1",
                                     scopes="read")
    token, _raw = do_issue_token(alice, "read:statuses", application=app)
    assert token.application == app
    with pytest.raises(ValidationFailed):
        do_issue_token(alice, "read write", application=app)
