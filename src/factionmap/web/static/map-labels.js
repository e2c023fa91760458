/* Labels that can be read: about 12 px on screen at any zoom, and never two on top of each other.
   Only nodes in view are considered, by importance (focus, then degree); a label is shown only where it
   collides with none already shown (nor with what the page puts over the map: cy.scratch("labelObstacles")
   gives those boxes), and only shown labels get their font size set (so a zoom costs a style change on
   the labelled nodes, not on every node). Hidden names still show on hover (the tooltip), on the selected
   node, and when zoomed in enough to fit. */
(function () {
  "use strict";
  var PX = 12, PAD = 2, CELL = 80;
  var canvas = document.createElement("canvas").getContext("2d");
  var widths = {};

  function width(text, bold) {
    var key = (bold ? "b:" : "n:") + text;
    if (!(key in widths)) {
      var font = (bold ? "bold " : "") + PX + "px system-ui, sans-serif";
      if (canvas.font !== font) canvas.font = font;
      widths[key] = canvas.measureText(text).width;
    }
    return widths[key];
  }

  function overlaps(a, b) { return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2; }

  // Label boxes in rendered pixels, below each node as Cytoscape draws them. A node of a large map
  // carries its size in its data (map-style.js nodeData), which spares asking its style.
  function box(n) {
    var size = n.data("size"), p = n.renderedPosition(), w = width(n.data("name"), n.hasClass("hub")) + 4;
    var h = size === undefined ? n.renderedHeight() : size * n.cy().zoom();
    var top = p.y + h / 2 + 2;
    return { x1: p.x - w / 2 - PAD, x2: p.x + w / 2 + PAD, y1: top - PAD, y2: top + PX * 1.25 + PAD };
  }

  function inView(b, w, h) { return !(b.x2 < 0 || b.y2 < 0 || b.x1 > w || b.y1 > h); }

  function cells(b, fn) {
    var cx1 = Math.floor(b.x1 / CELL), cx2 = Math.floor(b.x2 / CELL), cy1 = Math.floor(b.y1 / CELL), cy2 = Math.floor(b.y2 / CELL);
    for (var i = cx1; i <= cx2; i++) for (var j = cy1; j <= cy2; j++) if (fn(i + ":" + j) === false) return false;
    return true;
  }

  function occupy(b, grid) { cells(b, function (k) { (grid[k] = grid[k] || []).push(b); }); }

  // Takes the box's place if nothing there overlaps it.
  function fits(b, grid) {
    var free = cells(b, function (k) {
      var list = grid[k] || [];
      for (var i = 0; i < list.length; i++) if (overlaps(b, list[i])) return false;
    });
    if (free) occupy(b, grid);
    return free;
  }

  function place(cy) {
    var size = PX / cy.zoom(), grid = {}, w = cy.width(), h = cy.height(), shown = 0;
    var candidates = [], obstacles = cy.scratch("labelObstacles");
    (obstacles ? obstacles() : []).forEach(function (b) { occupy(b, grid); });
    cy.nodes().forEach(function (n) {
      if (n.hasClass("hidden")) return;
      var b = box(n);
      if (inView(b, w, h)) candidates.push({ n: n, b: b, focus: n.hasClass("focus") ? 1 : 0, degree: n.data("degree"), id: n.data("entity") });
    });
    candidates.sort(function (a, b) { return (b.focus - a.focus) || (b.degree - a.degree) || (a.id - b.id); });
    cy.batch(function () {
      cy.nodes(".labelled").removeClass("labelled");
      candidates.forEach(function (c) {
        if (!fits(c.b, grid)) return;
        shown += 1;
        c.n.addClass("labelled");
        if (c.n.numericStyle("font-size") !== size) c.n.style("font-size", size);
      });
      cy.nodes(".focus, :selected").style("font-size", size);
    });
    return shown;
  }

  function follow(cy) {
    var timer = null;
    cy.on("viewport", function () { clearTimeout(timer); timer = setTimeout(function () { place(cy); }, 120); });
    cy.on("select", "node", function (evt) { evt.target.style("font-size", PX / cy.zoom()); });
  }

  window.fmLabels = { place: place, follow: follow, box: box, fontPx: PX };
})();
