"""``{% chart spec caption %}``: a figure that charts.js draws with Plotly.

``spec`` is a dict in the shape documented at the top of ``static/essaim/charts.js``. The data
travels as a JSON island (never executed), so pages keep a strict Content-Security-Policy; the
caption (and any fallback table the template adds after the tag) is what screen readers get.
Pages that draw charts add ``{% include "web/partials/chart_scripts.html" %}`` to the
``extra_head`` block.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html, json_script

register = template.Library()


@register.simple_tag
def chart(spec: dict, caption: str = "", css_class: str = ""):
    kind = spec.get("kind", "line")
    return format_html(
        '<figure class="chart chart-{} {}" data-chart>{}<figcaption>{}</figcaption></figure>',
        kind, css_class, json_script(spec), caption)
