"""The audit log records administrators' actions, refuses to be changed, and exports."""

from __future__ import annotations

import json

import pytest
from django.db import connection, transaction

from essaim.accounts.actions import manage
from essaim.audit.models import AuditEntry, AuditImmutable
from essaim.cli import main


@pytest.fixture
def admin(make_user):
    return make_user("root", name="Root", department="IT", admin=True)


def test_deactivating_someone_is_recorded_with_who_what_and_before_after(admin, alice):
    manage.do_set_active(admin, alice, False)
    entry = AuditEntry.objects.get(action="account.deactivate")
    assert entry.actor_username == "root" and "alice" in entry.target_label.lower()
    assert entry.before == {"active": True} and entry.after == {"active": False}


def test_role_department_and_community_changes_are_recorded(admin, alice):
    manage.do_set_admin(admin, alice, True)
    department = manage.do_admin_create_department(admin, "Legal")
    manage.do_set_department(admin, alice, department.pk)
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"account.role", "department.create", "account.department"} <= actions


def test_an_entry_cannot_be_changed_or_deleted_through_the_product(admin, alice):
    manage.do_set_active(admin, alice, False)
    entry = AuditEntry.objects.get()
    entry.action = "nothing.happened"
    with pytest.raises(AuditImmutable):
        entry.save()
    with pytest.raises(AuditImmutable):
        entry.delete()
    with pytest.raises(AuditImmutable):
        AuditEntry.objects.update(action="x")
    with pytest.raises(AuditImmutable):
        AuditEntry.objects.all().delete()


def test_the_database_refuses_an_update_even_in_raw_sql(admin, alice):
    manage.do_set_active(admin, alice, False)
    table = AuditEntry._meta.db_table
    with pytest.raises(Exception, match="append-only"), transaction.atomic(), \
            connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET action = 'x'")  # noqa: S608
    assert AuditEntry.objects.get().action == "account.deactivate"


def test_the_command_exports_json_lines_and_csv(admin, alice, capsys):
    manage.do_set_active(admin, alice, False)
    assert main(["audit", "export", "--since", "2020-01-01", "--format", "jsonl"]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert line["action"] == "account.deactivate" and line["actor_username"] == "root"
    assert main(["audit", "export", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("at,actor_username,action")


def test_the_command_refuses_a_bad_date_or_format(db, capsys):
    assert main(["audit", "export", "--since", "yesterday"]) == 2
    assert main(["audit", "export", "--format", "xml"]) == 2
    assert "jsonl" in capsys.readouterr().err


@pytest.mark.parametrize("who,status", [("admin", 200), ("employee", 403), ("guest", 403),
                                        ("anonymous", 302)])
def test_only_administrators_read_the_audit_log_page(client, admin, alice, bob, guest, who,
                                                     status):
    manage.do_set_active(admin, alice, False)
    user = {"admin": admin, "employee": bob, "guest": guest}.get(who)
    if user is not None:
        client.force_login(user)
    response = client.get("/manage/audit/")
    assert response.status_code == status
    if status == 200:
        assert "account.deactivate" in response.content.decode()


def test_the_page_filters_exports_and_records_the_export(client, admin, alice):
    manage.do_set_active(admin, alice, False)
    client.force_login(admin)
    assert "account.deactivate" not in client.get(
        "/manage/audit/", {"action": "department."}).content.decode()
    export = client.get("/manage/audit/", {"format": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    assert AuditEntry.objects.filter(action="audit.export").exists()
    assert client.get("/manage/audit/", {"since": "not a date"}).status_code == 422


def test_on_postgresql_the_database_also_refuses_a_raw_delete(admin, alice):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test flush deletes rows: there the model refuses deletes")
    manage.do_set_active(admin, alice, False)
    table = AuditEntry._meta.db_table
    with pytest.raises(Exception, match="append-only"), transaction.atomic(), \
            connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608
    assert AuditEntry.objects.count() == 1
