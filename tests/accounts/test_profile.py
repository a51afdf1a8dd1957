"""Editing one's profile."""

from __future__ import annotations

import pytest

from essaim.accounts.actions import do_create_department, do_set_locale, do_update_profile
from essaim.accounts.models import User
from essaim.core.errors import ValidationFailed


def test_profile_fields_are_trimmed_and_saved(alice):
    do_update_profile(alice, display_name="  Alice M.  ", bio="Builds things.",
                      job_title="Engineer", location="Lyon", languages="fr, en")
    alice = User.objects.get(pk=alice.pk)
    assert (alice.display_name, alice.bio, alice.job_title, alice.location) == (
        "Alice M.", "Builds things.", "Engineer", "Lyon")
    assert alice.language_list() == ["fr", "en"]
    assert alice.name == "Alice M."


def test_fields_left_out_stay_as_they_were(alice):
    do_update_profile(alice, bio="Hello")
    alice = User.objects.get(pk=alice.pk)
    assert alice.display_name == "Alice Martin" and alice.bio == "Hello"


@pytest.mark.parametrize(("field", "limit"), [("display_name", 100), ("bio", 1000),
                                              ("job_title", 120), ("location", 120),
                                              ("languages", 200)])
def test_an_overlong_field_is_refused_and_nothing_is_saved(alice, field, limit):
    other = "location" if field == "bio" else "bio"
    with pytest.raises(ValidationFailed) as err:
        do_update_profile(alice, **{other: "Changed", field: "x" * (limit + 1)})
    assert err.value.field == field
    assert f"{limit} characters at most" in err.value.message
    for account in (alice, User.objects.get(pk=alice.pk)):
        assert getattr(account, other) == ""
        assert getattr(account, field) != "x" * (limit + 1)
    do_update_profile(alice, **{field: "x" * limit})
    assert getattr(User.objects.get(pk=alice.pk), field) == "x" * limit


def test_the_department_can_be_changed_or_cleared_but_not_made_up(alice):
    sales = do_create_department("Sales")
    do_update_profile(alice, department_id=sales.id)
    assert User.objects.get(pk=alice.pk).department == sales
    for unknown in (999_999, "abc", "12x"):
        with pytest.raises(ValidationFailed):
            do_update_profile(alice, bio="Not saved", department_id=unknown)
    assert User.objects.get(pk=alice.pk).bio == "" and alice.department == sales
    do_update_profile(alice, department_id="")
    assert User.objects.get(pk=alice.pk).department is None


def test_skills_are_set_lower_case_without_duplicates(alice):
    do_update_profile(alice, skills=["Python", "#django", "python", "  ", "SQL"])
    assert list(alice.skills.values_list("name", flat=True)) == ["django", "python", "sql"]
    do_update_profile(alice, skills=["rust"])
    assert list(alice.skills.values_list("name", flat=True)) == ["rust"]
    do_update_profile(alice, skills=[])
    assert not alice.skills.exists()


def test_more_than_thirty_skills_are_refused(alice):
    do_update_profile(alice, skills=["python"])
    with pytest.raises(ValidationFailed):
        do_update_profile(alice, bio="Not saved", skills=[f"skill{i}" for i in range(31)])
    assert list(alice.skills.values_list("name", flat=True)) == ["python"]
    assert User.objects.get(pk=alice.pk).bio == ""


def test_the_interface_language_must_be_one_we_offer(alice):
    do_set_locale(alice, "fr")
    assert User.objects.get(pk=alice.pk).locale == "fr"
    with pytest.raises(ValidationFailed):
        do_set_locale(alice, "tlh")
    do_set_locale(alice, "")
    assert User.objects.get(pk=alice.pk).locale == ""
