"""Charts: Plotly comes from its PyPI package and charts are drawn from JSON islands."""

from __future__ import annotations

from django.contrib.staticfiles import finders
from django.template import Context, Template


def test_the_plotly_bundle_is_found_inside_its_package():
    path = finders.find("vendor/plotly.min.js")
    assert path is not None
    assert "site-packages" in path or "plotly" in path
    with open(path, encoding="utf-8") as bundle:
        assert "plotly" in bundle.read(4096).lower()


def test_the_chart_script_is_found_beside_the_app_scripts():
    assert finders.find("essaim/charts.js") is not None


def test_a_chart_carries_its_data_as_a_json_island_and_a_caption():
    html = Template('{% load chart_tags %}{% chart spec "Posts per week" %}').render(
        Context({"spec": {"kind": "bar", "x": ["W1", "W2"],
                          "series": [{"name": "posts", "values": [3, 5]}]}}))
    assert 'data-chart' in html
    assert '<script type="application/json">' in html
    assert '"values": [3, 5]' in html
    assert "<figcaption>Posts per week</figcaption>" in html


def test_a_chart_escapes_what_it_carries():
    html = Template('{% load chart_tags %}{% chart spec "x" %}').render(
        Context({"spec": {"kind": "bar", "x": ["</script><script>alert(1)</script>"],
                          "series": []}}))
    assert "<script>alert(1)" not in html
