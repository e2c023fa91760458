/* The map's look: relation colours come from app.css (--rel-NAME), so the legend and the map agree. */
(function () {
  "use strict";

  function cssVar(name, fallback) {
    var v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return v || fallback;
  }

  function relationColor(rel) { return cssVar("--rel-" + rel, "#777"); }

  function nodeSize(large) {
    return large ? "mapData(degree, 0, 40, 5, 22)" : "mapData(degree, 0, 12, 22, 56)";
  }

  function stylesheet(large) {
    return [
      { selector: "node", style: {
        "background-color": cssVar("--type-ORG", "#2f4b7c"),
        "label": large ? "" : "data(name)",
        "width": nodeSize(large),
        "height": nodeSize(large),
        "font-size": large ? 11 : 13,
        "font-family": "system-ui, sans-serif",
        "color": "#1b1b1b",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": large ? "none" : "wrap",
        "text-max-width": 120,
        "text-outline-color": "#ffffff",
        "text-outline-width": 2,
        "min-zoomed-font-size": large ? 9 : 6,
        "border-width": large ? 0 : 1,
        "border-color": "#ffffff"
      } },
      { selector: "node[type = 'PERSON']", style: { "background-color": cssVar("--type-PERSON", "#a05195"), "shape": "ellipse" } },
      { selector: "node[type = 'PLACE']", style: { "background-color": cssVar("--type-PLACE", "#5a8f29"), "shape": "round-rectangle" } },
      { selector: "node[type = 'ORG']", style: { "shape": "round-diamond" } },
      { selector: "edge", style: {
        "width": large ? "mapData(confidence, 0, 90, 0.5, 1.5)" : "mapData(confidence, 0, 90, 1.2, 3.5)",
        "line-color": "data(color)",
        "target-arrow-color": "data(color)",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.8,
        "curve-style": large ? "haystack" : "bezier",
        "haystack-radius": 0,
        "opacity": large ? 0.5 : 0.85
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
      { selector: "node.labelled", style: { "label": "data(name)" } },
      { selector: ".hidden", style: { "display": "none" } },
      { selector: ".faded", style: { "opacity": 0.12, "text-opacity": 0 } },
      { selector: ".match", style: { "border-width": 4, "border-color": "#f2b701" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#111" } },
      { selector: "edge:selected", style: { "width": 5, "opacity": 1 } },
      { selector: ".focus", style: { "border-width": 4, "border-color": "#111", "font-weight": "bold" } }
    ];
  }

  window.fmStyle = { stylesheet: stylesheet, relationColor: relationColor, nodeSize: nodeSize };
})();
