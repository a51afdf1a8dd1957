"""The pages: my own network with its charts, and silos for administrators and analysts."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from essaim.visibility import ANALYST_GROUP


def test_my_network_page_shows_my_measures_charts_and_ways_to_widen_it(client, planted):
    client.force_login(planted["broker"])
    page = client.get("/me/network/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-metric="ties"' in html and "data-chart" in html
    assert "vendor/plotly.min.js" in html
    assert "Widen your network" in html


def test_my_network_page_reads_in_french(client, planted):
    broker = planted["broker"]
    broker.locale = "fr"
    broker.save()
    client.force_login(broker)
    html = client.get("/me/network/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Mon réseau" in html and "Élargir votre réseau" in html


def test_a_person_without_ties_sees_how_to_start(client, make_user):
    client.force_login(make_user("newcomer", department="R&D"))
    html = client.get("/me/network/").content.decode()
    assert "No interaction yet" in html


def test_a_bad_window_on_the_page_is_a_clear_error_not_a_crash(client, planted):
    client.force_login(planted["broker"])
    response = client.get("/me/network/", {"days": "2"})
    assert response.status_code == 422


@pytest.mark.parametrize("who,status", [("admin", 200), ("analyst", 200), ("employee", 403),
                                        ("guest", 403)])
def test_the_silos_page_is_for_administrators_and_analysts(client, planted, make_user, who,
                                                           status):
    people = {"admin": make_user("root", admin=True), "employee": planted["silos"]["Sales"][0],
              "guest": make_user("gail", guest_of="Acme Corp")}
    analyst = make_user("ana", department="HR")
    analyst.groups.add(Group.objects.get_or_create(name=ANALYST_GROUP)[0])
    people["analyst"] = analyst
    client.force_login(people[who])
    response = client.get("/insight/")
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "chart-heatmap" in html and "Sales" in html and "Legal" not in html


def test_anonymous_visitors_are_sent_to_sign_in(client, planted):
    assert client.get("/me/network/").status_code == 302
    assert client.get("/insight/").status_code == 302
