import pytest
from django.contrib.auth import authenticate, get_user_model

from essaim.cli import main


def _created(username: str):
    return get_user_model().objects.get(username=username)


def test_it_prints_a_generated_password_that_logs_in(db, stdin, capsys):
    stdin("")
    assert main(["createuser", "zoe", "--email", "zoe@example.com", "--name", "Zoé Blanc",
                 "--department", "R&D"]) == 0
    out = capsys.readouterr().out
    password = out.split("Password: ")[1].strip()
    assert authenticate(None, username="zoe", password=password) == _created("zoe")
    assert _created("zoe").department.name == "R&D"
    assert _created("zoe").name == "Zoé Blanc"


def test_it_takes_the_password_piped_on_stdin(db, stdin, capsys):
    stdin("a long passphrase 42\n")
    assert main(["createuser", "yann"]) == 0
    assert "Password" not in capsys.readouterr().out
    assert authenticate(None, username="yann", password="a long passphrase 42") is not None


def test_a_taken_username_exits_1_with_a_message(make_user, stdin, capsys):
    make_user("zoe")
    stdin("")
    assert main(["createuser", "ZOE"]) == 1
    assert "taken" in capsys.readouterr().err
    assert get_user_model().objects.filter(username__iexact="zoe").count() == 1


def test_a_weak_password_exits_1_and_creates_nobody(db, stdin, capsys):
    stdin("123\n")
    assert main(["createuser", "xavier"]) == 1
    assert capsys.readouterr().err.startswith("essaim: ")
    assert not get_user_model().objects.filter(username="xavier").exists()


def test_a_bad_email_exits_1(db, stdin, capsys):
    stdin("")
    assert main(["createuser", "wanda", "--email", "not-an-address"]) == 1
    assert "e-mail" in capsys.readouterr().err


def test_it_creates_administrators_and_external_guests(db, stdin):
    stdin("")
    assert main(["createuser", "boss", "--admin"]) == 0
    stdin("")
    assert main(["createuser", "visitor", "--guest-of", "Client Horizon"]) == 0
    assert _created("boss").is_superuser and _created("boss").is_staff
    visitor = _created("visitor")
    assert visitor.is_guest and visitor.organisation.name == "Client Horizon"


def test_an_external_guest_cannot_be_an_administrator(db, stdin, capsys):
    stdin("")
    assert main(["createuser", "visitor", "--admin", "--guest-of", "Acme"]) == 1
    assert "guest" in capsys.readouterr().err
    assert not get_user_model().objects.filter(username="visitor").exists()


def test_a_missing_username_is_a_usage_error(db):
    with pytest.raises(SystemExit) as exc:
        main(["createuser"])
    assert exc.value.code != 0
