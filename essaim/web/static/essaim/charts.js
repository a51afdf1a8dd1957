/* Essaim charts: every chart is a <figure data-chart> holding its data as a JSON island
 * (<script type="application/json">), drawn with Plotly (served from the plotly package).
 * No inline script, so the pages keep a strict Content-Security-Policy.
 *
 * The island's shape: {"kind": "line"|"bar"|"heatmap"|"sparkline"|"pie",
 *   "x": [...], "series": [{"name": "...", "values": [...]}],   (line, bar, sparkline, pie)
 *   "z": [[...]], "y": [...],                                    (heatmap: rows y, columns x)
 *   "title": "...", "x_title": "...", "y_title": "...", "stacked": false}
 * A table or text inside the figure stays as the accessible fallback.
 */
(function () {
  "use strict";

  function traces(spec) {
    var kind = spec.kind || "line";
    if (kind === "heatmap") {
      return [{type: "heatmap", x: spec.x, y: spec.y, z: spec.z, colorscale: "YlOrRd",
               zsmooth: "best", showscale: false,  /* both defaults set style attributes (CSP) */
               hoverongaps: false}];
    }
    return (spec.series || []).map(function (s) {
      if (kind === "bar") return {type: "bar", name: s.name, x: spec.x, y: s.values};
      if (kind === "pie") return {type: "pie", labels: spec.x, values: s.values, name: s.name,
                                  hole: 0.45};
      return {type: "scatter", mode: kind === "sparkline" ? "lines" : "lines+markers",
              name: s.name, x: spec.x, y: s.values, fill: kind === "sparkline" ? "tozeroy" : "none",
              line: {width: kind === "sparkline" ? 1.5 : 2}};
    });
  }

  function layout(spec) {
    var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
    var color = dark ? "#e8e8ea" : "#1f2328";
    if (spec.kind === "sparkline") {
      return {margin: {l: 0, r: 0, t: 0, b: 0}, height: 40, showlegend: false,
              xaxis: {visible: false, fixedrange: true}, yaxis: {visible: false, fixedrange: true},
              paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)"};
    }
    return {margin: {l: 48, r: 16, t: spec.title ? 36 : 12, b: 48}, height: spec.height || 300,
            title: spec.title ? {text: spec.title, font: {size: 14}} : undefined,
            barmode: spec.stacked ? "stack" : "group", font: {color: color},
            xaxis: {title: spec.x_title ? {text: spec.x_title} : undefined, automargin: true},
            yaxis: {title: spec.y_title ? {text: spec.y_title} : undefined, automargin: true,
                    rangemode: "tozero"},
            legend: {orientation: "h"}, paper_bgcolor: "rgba(0,0,0,0)",
            plot_bgcolor: "rgba(0,0,0,0)"};
  }

  function draw(figure) {
    if (figure.dataset.chartDrawn || !window.Plotly) return;
    var island = figure.querySelector("script[type='application/json']");
    if (!island) return;
    var spec;
    try { spec = JSON.parse(island.textContent); } catch (e) { return; }
    var target = document.createElement("div");
    target.className = "chart-canvas";
    target.setAttribute("aria-hidden", "true");  /* the figure's table/caption is the text */
    figure.insertBefore(target, figure.firstChild);
    window.Plotly.newPlot(target, traces(spec), layout(spec),
                          {displayModeBar: false, responsive: true,
                           staticPlot: spec.kind === "sparkline"});
    figure.dataset.chartDrawn = "1";
    figure.classList.add("has-chart");
  }

  function drawAll(root) {
    (root || document).querySelectorAll("figure[data-chart]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function (e) { drawAll(e.target); });
})();
