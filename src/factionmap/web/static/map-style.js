/* The map's look. Relations come in families (hierarchy, alliance, conflict, lineage, leadership, place),
   each drawn by a colour (app.css --fam-NAME, so the legend and the map agree) plus a line and arrow
   style, so that the families stay apart without colour. Nodes: colour by kind, size by degree.
   Large maps get a lean sheet: colours and sizes come with each element's data (see nodeData/edgeData)
   instead of a rule per kind, text properties only on labelled nodes, straight "haystack" lines without
   end arrows (Cytoscape.js draws none on them), so styling and drawing thousands of elements stay cheap. */
(function () {
  "use strict";

  function cssVar(name, fallback) {
    var v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return v || fallback;
  }

  var FAMILY_STYLE = {
    hierarchy: { "target-arrow-shape": "triangle" },
    // a double line: a white core between two rails of the family's colour
    alliance: { "line-color": "#ffffff", "line-outline-width": 1.5, "line-outline-color": "data(color)", "width": 2.5,
      "target-arrow-shape": "none" },
    conflict: { "target-arrow-shape": "tee", "source-arrow-shape": "tee" },
    lineage: { "target-arrow-shape": "chevron", "mid-target-arrow-shape": "chevron" },
    leadership: { "target-arrow-shape": "circle" },
    place: { "target-arrow-shape": "square", "line-style": "dashed", "line-dash-pattern": [1, 3] }
  };
  var KINDS = ["armed_group", "coalition", "party", "state", "government_body", "international_body", "media_outlet",
    "person", "place"];

  var SHAPES = { PERSON: "ellipse", PLACE: "round-rectangle", ORG: "round-diamond" };
  var colours = {};

  function colour(name, fallback) {
    return name in colours ? colours[name] : (colours[name] = cssVar(name, fallback));
  }

  function familyColor(family) { return colour("--fam-" + family, "#777"); }

  function nodeSize(large) {
    return large ? "mapData(degree, 0, 40, 6, 24)" : "mapData(degree, 0, 12, 20, 52)";
  }

  // What the lean sheet reads from each element's data (the same mappings as nodeSize and the edge width).
  function nodeData(n) {
    return { color: colour("--kind-" + n.kind, colour("--kind-other", "#4a5a7a")), shape: SHAPES[n.type] || "ellipse",
      size: 6 + 18 * Math.min(Math.max(n.degree, 0), 40) / 40 };
  }

  function edgeWidth(confidence) { return 0.6 + Math.min(Math.max(confidence || 0, 0), 90) / 90; }

  var TEXT = { "font-family": "system-ui, sans-serif", "color": "#111", "text-valign": "bottom", "text-margin-y": 2,
    "text-wrap": "none", "text-outline-color": "#ffffff", "text-outline-width": 2, "min-zoomed-font-size": 0 };

  // Each family's line style without its arrows, for the lean sheet.
  function familyLines() {
    return Object.keys(FAMILY_STYLE).map(function (f) {
      var style = {};
      ["line-style", "line-dash-pattern"].forEach(function (k) { if (k in FAMILY_STYLE[f]) style[k] = FAMILY_STYLE[f][k]; });
      return { selector: "edge[family = '" + f + "']", style: style };
    }).filter(function (rule) { return Object.keys(rule.style).length; });
  }

  function leanSheet() {
    var label = Object.assign({ "label": "data(name)" }, TEXT);
    return [
      { selector: "node", style: { "background-color": "data(color)", "shape": "data(shape)", "width": "data(size)",
        "height": "data(size)", "label": "", "border-width": 0 } },
      { selector: "edge", style: { "width": "data(width)", "line-color": "data(color)", "curve-style": "haystack",
        "haystack-radius": 0, "opacity": 0.55 } }
    ].concat(familyLines(), [
      { selector: "edge[status = 'contested']", style: { "width": 2.5, "opacity": 0.9 } },
      { selector: "edge[?reported]", style: { "line-style": "dashed", "line-dash-pattern": [7, 4] } },
      { selector: "edge[?undated]", style: { "opacity": 0.3, "line-style": "dashed", "line-dash-pattern": [2, 5] } },
      { selector: "edge[status = 'denied']", style: { "line-style": "dotted", "opacity": 0.45, "line-color": "#999" } },
      { selector: "node.labelled", style: label },
      { selector: "node.hub", style: { "font-weight": "bold" } },
      { selector: ".hidden", style: { "display": "none" } },
      { selector: ".match", style: { "border-width": 4, "border-color": "#f2b701" } },
      { selector: "node:selected", style: Object.assign({ "border-width": 4, "border-color": "#111" }, label) },
      { selector: "edge:selected", style: { "width": 4, "opacity": 1 } },
      { selector: ".focus", style: Object.assign({ "border-width": 4, "border-color": "#111" }, label) }
    ]);
  }

  function stylesheet(large) {
    if (large) return leanSheet();
    var sheet = [
      { selector: "node", style: {
        "background-color": cssVar("--kind-other", "#4a5a7a"),
        "label": "",
        "width": nodeSize(false),
        "height": nodeSize(false),
        "font-size": 12,
        "font-family": "system-ui, sans-serif",
        "color": "#111",
        "text-valign": "bottom",
        "text-margin-y": 2,
        "text-wrap": "none",
        "text-outline-color": "#ffffff",
        "text-outline-width": 2,
        "min-zoomed-font-size": 0,
        "border-width": 1,
        "border-color": "#ffffff"
      } },
      { selector: "node[type = 'PERSON']", style: { "shape": "ellipse" } },
      { selector: "node[type = 'PLACE']", style: { "shape": "round-rectangle" } },
      { selector: "node[type = 'ORG']", style: { "shape": "round-diamond" } },
      { selector: "edge", style: {
        "width": "mapData(confidence, 0, 90, 1.4, 3.2)",
        "line-color": "data(color)",
        "target-arrow-color": "data(color)",
        "source-arrow-color": "data(color)",
        "mid-target-arrow-color": "data(color)",
        "arrow-scale": 0.9,
        "curve-style": "bezier",
        "opacity": 0.9
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

  window.fmStyle = { stylesheet: stylesheet, familyColor: familyColor, nodeSize: nodeSize, nodeData: nodeData,
    edgeWidth: edgeWidth, families: FAMILY_STYLE };
})();
