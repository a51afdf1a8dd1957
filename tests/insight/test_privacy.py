"""Network measures only for oneself; aggregates only for administrators and analysts, and only
for groups of at least five people."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from essaim.visibility import ANALYST_GROUP

API = "/api/essaim/v1"


@pytest.fixture
def people(make_user, planted):
    analyst = make_user("ana", department="HR")
    analyst.groups.add(Group.objects.get_or_create(name=ANALYST_GROUP)[0])
    return {"employee": planted["silos"]["Sales"][3], "me": planted["broker"],
            "admin": make_user("root", department="IT", admin=True), "analyst": analyst,
            "guest": make_user("gail", guest_of="Acme Corp")}


def _as(client, user):
    if user is not None:
        client.force_login(user)
    return client


def test_a_person_reads_their_own_network(client, people):
    me = people["me"]
    mine = _as(client, me).get(f"{API}/me/network").json()
    assert set(mine) >= {"ties", "departments", "diversity", "constraint", "effective_size",
                         "brokerage", "scout", "connector", "window_days"}
    assert mine["ties"] > 5 and mine["window_days"] == 90
    same = client.get(f"{API}/people/{me.username}/network").json()
    assert same["constraint"] == mine["constraint"]


@pytest.mark.parametrize("who", ["employee", "admin", "analyst", "guest"])
def test_nobody_else_reads_a_persons_network_not_even_an_administrator(client, people, who):
    response = _as(client, people[who]).get(f"{API}/people/{people['me'].username}/network")
    assert response.status_code == 403
    assert "only to the person" in response.json()["error"]


def test_anonymous_visitors_read_no_network(client, people):
    assert client.get(f"{API}/me/network").status_code == 401
    assert client.get(f"{API}/people/{people['me'].username}/network").status_code == 401


@pytest.mark.parametrize("who,status", [("admin", 200), ("analyst", 200), ("employee", 403),
                                        ("guest", 403), (None, 401)])
def test_department_aggregates_are_for_administrators_and_analysts(client, people, who,
                                                                   status):
    user = people[who] if who else None
    assert _as(client, user).get(f"{API}/analytics/departments").status_code == status
    assert client.get(f"{API}/analytics/departments/matrix").status_code == status
    assert client.get(f"{API}/analytics/adoption").status_code == status


def test_small_departments_are_merged_into_other_and_never_named(client, people, settings):
    settings.ESSAIM_INSIGHT_MIN_GROUP = 2  # never below five, whatever is configured
    items = _as(client, people["admin"]).get(f"{API}/analytics/departments").json()["items"]
    names = {i["department"] for i in items}
    assert {"R&D", "Sales", "Support"} <= names
    assert "Legal" not in names and "HR" not in names and "IT" not in names
    assert all(i["members"] >= 5 for i in items)
    silo = next(i for i in items if i["department"] == "Sales")
    assert silo["ei_index"] < 0  # a silo talks mostly inside
    assert silo["ei_index"] == pytest.approx((silo["external"] - silo["internal"])
                                             / (silo["external"] + silo["internal"]))


def test_the_matrix_counts_bridges_between_departments_without_naming_people(client, people):
    matrix = _as(client, people["analyst"]).get(f"{API}/analytics/departments/matrix").json()
    assert matrix["bridges"] >= 2
    assert "broker" not in str(matrix) and people["me"].username not in str(matrix)


@pytest.mark.parametrize("days", ["3", "366", "abc", "-1"])
def test_a_window_out_of_range_is_refused_with_a_message(client, people, days):
    response = _as(client, people["me"]).get(f"{API}/me/network", {"days": days})
    assert response.status_code == 422
    assert "7" in response.json()["error"]


def test_a_csv_export_of_the_departments_downloads(client, people):
    response = _as(client, people["admin"]).get(f"{API}/analytics/departments",
                                                {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.content.decode().splitlines()[0] == \
        "department,members,internal,external,ei_index"
