"""My network (each person, about themselves only) and the company's silos and adoption
(administrators and analysts): pages over essaim.insight's queries."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _

from essaim import visibility
from essaim.insight import queries
from essaim.insight.tasks import compute_soon

from .common import web_view


@web_view()
def my_network(request):
    person = visibility.access_own_network(request.user)
    compute_soon()
    days = queries.check_days(request.GET.get("days"))
    data = queries.my_network(person, days)
    groups = data["by_department"]
    over_time = queries.scores_over_time(person)
    return render(request, "web/insight/my_network.html", {
        "current": "my_network", "days": days, "net": data,
        "suggestions": queries.suggestions(person, days),
        "groups_chart": {"kind": "bar", "x": [g["group"] for g in groups],
                         "series": [{"name": _("Interactions"),
                                     "values": [g["weight"] for g in groups]}],
                         "y_title": _("Interactions")},
        "scores_chart": {"kind": "line", "x": [s["end"] for s in over_time],
                         "series": [{"name": _("Scout (bits)"),
                                     "values": [s["scout"] for s in over_time]},
                                    {"name": _("Connector (carries)"),
                                     "values": [s["connector"] for s in over_time]}]},
        "over_time": over_time,
    })


@web_view()
def silos(request):
    visibility.check_analytics(request.user)
    compute_soon()
    days = queries.check_days(request.GET.get("days"))
    matrix = queries.matrix(days)
    adoption = queries.adoption("week", 12)
    return render(request, "web/insight/silos.html", {
        "current": "silos", "days": days, "departments": queries.departments(days),
        "matrix": matrix, "adoption": adoption,
        "heatmap": {"kind": "heatmap", "x": matrix["departments"], "y": matrix["departments"],
                    "z": matrix["weights"]},
        "adoption_chart": {"kind": "line", "x": [a["period"] for a in adoption],
                           "series": [{"name": _("Contributors"),
                                       "values": [a["contributors"] for a in adoption]},
                                      {"name": _("Posting"),
                                       "values": [a["posting"] for a in adoption]},
                                      {"name": _("Replying"),
                                       "values": [a["replying"] for a in adoption]},
                                      {"name": _("Reacting"),
                                       "values": [a["reacting"] for a in adoption]}]},
    })
