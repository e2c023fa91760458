/* The map's look. Relations come in families (hierarchy, alliance, conflict, lineage, leadership, place),
   each drawn by a colour (app.css --fam-NAME, so the legend and the map agree) plus a line and arrow
   style, so that the families stay apart without colour. Nodes: colour by kind, size by degree. */
(function () {
  "use strict";

  function cssVar(name, fallback) {
    var v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return v || fallback;
  }

  var FAMILY_STYLE = {
    hierarchy: { "target-arrow-shape": "triangle" },
    alliance: { "line-style": "double", "width": 4, "target-arrow-shape": "none" },
    conflict: { "target-arrow-shape": "tee", "source-arrow-shape": "tee" },
    lineage: { "target-arrow-shape": "chevron", "mid-target-arrow-shape": "chevron" },
    leadership: { "target-arrow-shape": "circle" },
    place: { "target-arrow-shape": "square", "line-style": "dashed", "line-dash-pattern": [1, 3] }
  };
  var KINDS = ["armed_group", "coalition", "party", "state", "government_body", "international_body", "media",
    "person", "place"];

  function familyColor(family) { return cssVar("--fam-" + family, "#777"); }

  function nodeSize(large) {
    return large ? "mapData(degree, 0, 40, 6, 24)" : "mapData(degree, 0, 12, 20, 52)";
  }

  function stylesheet(large) {
    var sheet = [
      { selector: "node", style: {
        "background-color": cssVar("--kind-other", "#4a5a7a"),
        "label": "",
        "width": nodeSize(large),
        "height": nodeSize(large),
        "font-size": 12,
        "font-family": "system-ui, sans-serif",
        "color": "#111",
        "text-valign": "bottom",
        "text-margin-y": 2,
        "text-wrap": "none",
        "text-outline-color": "#ffffff",
        "text-outline-width": 2,
        "min-zoomed-font-size": 0,
        "border-width": large ? 0 : 1,
        "border-color": "#ffffff"
      } },
      { selector: "node[type = 'PERSON']", style: { "shape": "ellipse" } },
      { selector: "node[type = 'PLACE']", style: { "shape": "round-rectangle" } },
      { selector: "node[type = 'ORG']", style: { "shape": "round-diamond" } },
      { selector: "edge", style: {
        "width": large ? "mapData(confidence, 0, 90, 0.6, 1.6)" : "mapData(confidence, 0, 90, 1.4, 3.2)",
        "line-color": "data(color)",
        "target-arrow-color": "data(color)",
        "source-arrow-color": "data(color)",
        "mid-target-arrow-color": "data(color)",
        "arrow-scale": 0.9,
        "curve-style": large ? "haystack" : "bezier",
        "haystack-radius": 0,
        "opacity": large ? 0.55 : 0.9
      } }
    ];
    KINDS.forEach(function (k) {
      sheet.push({ selector: "node[kind = '" + k + "']", style: { "background-color": cssVar("--kind-" + k, "#4a5a7a") } });
    });
    Object.keys(FAMILY_STYLE).forEach(function (f) {
      sheet.push({ selector: "edge[family = '" + f + "']", style: FAMILY_STYLE[f] });
    });
    return sheet.concat([
      { selector: "edge[?symmetric][family != 'conflict']", style: { "target-arrow-shape": "none" } },
      { selector: "edge[family = 'conflict'][!symmetric]", style: { "source-arrow-shape": "none" } },
      { selector: "edge[?reported]", style: { "line-style": "dashed", "line-dash-pattern": [7, 4] } },
      { selector: "edge[?undated]", style: { "opacity": 0.35, "line-style": "dashed", "line-dash-pattern": [2, 5] } },
      { selector: "edge[status = 'contested']", style: {
        "underlay-color": cssVar("--contested", "#e8590c"), "underlay-opacity": 0.3, "underlay-padding": 4 } },
      { selector: "edge[status = 'denied']", style: { "line-style": "dotted", "opacity": 0.45, "line-color": "#999",
        "target-arrow-color": "#999", "source-arrow-color": "#999" } },
      { selector: "node.labelled", style: { "label": "data(name)" } },
      { selector: "node.hub", style: { "font-weight": "bold" } },
      { selector: ".hidden", style: { "display": "none" } },
      { selector: ".match", style: { "border-width": 4, "border-color": "#f2b701" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#111", "label": "data(name)" } },
      { selector: "edge:selected", style: { "width": 5, "opacity": 1 } },
      { selector: ".focus", style: { "border-width": 4, "border-color": "#111", "label": "data(name)" } }
    ]);
  }

  window.fmStyle = { stylesheet: stylesheet, familyColor: familyColor, nodeSize: nodeSize, families: FAMILY_STYLE };
})();
