/* Labels that can be read: about 12 px on screen at any zoom, and never two on top of each other.
   Nodes are taken by importance (focus, then degree); a label is shown only where it collides with none
   already shown. Hidden names still show on hover (the tooltip) and when zoomed in enough to fit. */
(function () {
  "use strict";
  var PX = 12, PAD = 2;
  var canvas = document.createElement("canvas").getContext("2d");
  var widths = {};

  function width(text) {
    if (!(text in widths)) { canvas.font = PX + "px system-ui, sans-serif"; widths[text] = canvas.measureText(text).width; }
    return widths[text];
  }

  function overlaps(a, b) { return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2; }

  // Label boxes in rendered pixels, below each node as Cytoscape draws them.
  function box(n) {
    var p = n.renderedPosition(), h = n.renderedHeight(), w = width(n.data("name")) + 4;
    var top = p.y + h / 2 + 2;
    return { x1: p.x - w / 2 - PAD, x2: p.x + w / 2 + PAD, y1: top - PAD, y2: top + PX * 1.25 + PAD };
  }

  function place(cy) {
    var zoom = cy.zoom(), shown = [], grid = {}, CELL = 80;
    var ext = { w: cy.width(), h: cy.height() };
    cy.batch(function () {
      cy.nodes().style("font-size", PX / zoom);
      var nodes = cy.nodes().not(".hidden").sort(function (a, b) {
        return (b.hasClass("focus") - a.hasClass("focus")) || (b.data("degree") - a.data("degree")) ||
          (a.data("entity") - b.data("entity"));
      });
      cy.nodes().removeClass("labelled");
      nodes.forEach(function (n) {
        var b = box(n);
        if (b.x2 < 0 || b.y2 < 0 || b.x1 > ext.w || b.y1 > ext.h) return;
        var cx1 = Math.floor(b.x1 / CELL), cx2 = Math.floor(b.x2 / CELL), cy1 = Math.floor(b.y1 / CELL), cy2 = Math.floor(b.y2 / CELL);
        var i, j, k, list;
        for (i = cx1; i <= cx2; i++) for (j = cy1; j <= cy2; j++) {
          list = grid[i + ":" + j] || [];
          for (k = 0; k < list.length; k++) if (overlaps(b, list[k])) return;
        }
        for (i = cx1; i <= cx2; i++) for (j = cy1; j <= cy2; j++) (grid[i + ":" + j] = grid[i + ":" + j] || []).push(b);
        shown.push(b);
        n.addClass("labelled");
      });
    });
    return shown.length;
  }

  function follow(cy) {
    var timer = null;
    cy.on("viewport", function () { clearTimeout(timer); timer = setTimeout(function () { place(cy); }, 120); });
  }

  window.fmLabels = { place: place, follow: follow, box: box, fontPx: PX };
})();
