/* The map's look: relation colours come from app.css (--rel-NAME), so the legend and the map agree. */
(function () {
  "use strict";

  function cssVar(name, fallback) {
    var v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return v || fallback;
  }

  function relationColor(rel) { return cssVar("--rel-" + rel, "#777"); }

  function stylesheet(large) {
    return [
      { selector: "node", style: {
        "background-color": cssVar("--type-ORG", "#2f4b7c"),
        "label": "data(name)",
        "width": "mapData(degree, 0, 20, 16, 54)",
        "height": "mapData(degree, 0, 20, 16, 54)",
        "font-size": 11,
        "font-family": "system-ui, sans-serif",
        "color": "#1b1b1b",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": "wrap",
        "text-max-width": 120,
        "text-outline-color": "#ffffff",
        "text-outline-width": 2,
        "min-zoomed-font-size": large ? 9 : 6,
        "border-width": 1,
        "border-color": "#ffffff"
      } },
      { selector: "node[type = 'PERSON']", style: { "background-color": cssVar("--type-PERSON", "#a05195"), "shape": "ellipse" } },
      { selector: "node[type = 'PLACE']", style: { "background-color": cssVar("--type-PLACE", "#5a8f29"), "shape": "round-rectangle" } },
      { selector: "node[type = 'ORG']", style: { "shape": "round-diamond" } },
      { selector: "edge", style: {
        "width": "mapData(confidence, 0, 90, 1.2, 3.5)",
        "line-color": "data(color)",
        "target-arrow-color": "data(color)",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.8,
        "curve-style": large ? "straight" : "bezier",
        "opacity": 0.85
      } },
      { selector: "edge[?symmetric]", style: { "target-arrow-shape": "none" } },
      { selector: "edge[?reported]", style: { "line-style": "dashed", "line-dash-pattern": [6, 4] } },
      { selector: "edge[status = 'contested']", style: {
        "underlay-color": cssVar("--contested", "#e8590c"), "underlay-opacity": 0.35, "underlay-padding": 4,
        "mid-target-arrow-shape": "diamond", "mid-target-arrow-color": cssVar("--contested", "#e8590c"),
        "mid-target-arrow-fill": "filled"
      } },
      { selector: "edge[status = 'denied']", style: { "line-style": "dotted", "opacity": 0.45, "line-color": "#999",
        "target-arrow-color": "#999" } },
      { selector: ".hidden", style: { "display": "none" } },
      { selector: ".faded", style: { "opacity": 0.12, "text-opacity": 0 } },
      { selector: ".match", style: { "border-width": 4, "border-color": "#f2b701" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#111" } },
      { selector: "edge:selected", style: { "width": 5, "opacity": 1 } },
      { selector: ".focus", style: { "border-width": 4, "border-color": "#111", "font-weight": "bold" } }
    ];
  }

  window.fmStyle = { stylesheet: stylesheet, relationColor: relationColor };
})();
