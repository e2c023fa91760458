/* The lines of large maps, drawn on a canvas under Cytoscape.js's. Cytoscape.js styles, bounds and
   strokes every edge by itself, which for thousands of ties is most of the time to a first paint and a
   cost on every frame; here all lines that look alike go in one path, so a frame is a dozen strokes.
   The look follows map-style.js: colour by family, dashes for reported, undated and denied ties, a
   thicker line for contested ones, and arrows (or bars, for conflict) once zoomed in enough to see them.
   Lines under the pointer are found through a grid of their segments (built on the first hover). */
(function () {
  "use strict";
  var ARROW_ZOOM = 0.8, HIT_PX = 5, CELL = 40;

  function look(d) {
    var dash = d.family === "place" ? [1, 3] : [];
    var alpha = 0.55, colour = d.color, width = d.width;
    if (d.reported) dash = [7, 4];
    if (d.status === "contested") { alpha = 0.9; width = 2.5; }
    if (d.undated) { alpha = 0.3; dash = [2, 5]; }
    if (d.status === "denied") { alpha = 0.45; colour = "#999"; dash = [1, 3]; }
    width = Math.round(width * 2) / 2;
    return { key: [colour, alpha, dash.join(","), width].join("|"), colour: colour, alpha: alpha, dash: dash, width: width };
  }

  function attach(cy, records, handlers) {
    var container = cy.container(), canvas = document.createElement("canvas"), ctx = canvas.getContext("2d");
    canvas.className = "edge-layer";
    container.insertBefore(canvas, container.firstChild);
    var lines = records.map(function (d) {
      return { d: d, s: cy.$id(d.source), t: cy.$id(d.target), look: look(d), shown: true };
    });
    var groups = {};
    lines.forEach(function (l) { (groups[l.look.key] = groups[l.look.key] || { look: l.look, lines: [] }).lines.push(l); });
    var order = Object.keys(groups).sort(function (a, b) { return groups[a].look.alpha - groups[b].look.alpha; });  // faint first
    var selected = null, hovered = null, grid = null, frame = null, destroyed = false;

    function size() {
      var w = container.clientWidth, h = container.clientHeight;
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
        canvas.style.width = w + "px";
        canvas.style.height = h + "px";
      }
    }

    // Draws every shown line on ctx, whose transform maps the map's coordinates to its pixels at `zoom`.
    function paint(context, zoom, arrows) {
      order.forEach(function (key) {
        var g = groups[key], lk = g.look;
        context.strokeStyle = context.fillStyle = lk.colour;
        context.globalAlpha = lk.alpha;
        context.lineWidth = Math.max(0.8, lk.width * zoom) / zoom;
        context.setLineDash(lk.dash.map(function (x) { return x / zoom; }));
        context.beginPath();
        g.lines.forEach(function (l) {
          if (!l.shown) return;
          var a = l.s.position(), b = l.t.position();
          context.moveTo(a.x, a.y);
          context.lineTo(b.x, b.y);
        });
        context.stroke();
        if (arrows) {
          context.setLineDash([]);
          context.beginPath();
          g.lines.forEach(function (l) { if (l.shown) arrow(context, l, zoom); });
          context.fill();
          context.stroke();
        }
      });
      if (selected && selected.shown) {
        var a = selected.s.position(), b = selected.t.position();
        context.globalAlpha = 1;
        context.strokeStyle = selected.look.colour;
        context.setLineDash([]);
        context.lineWidth = 4 / zoom;
        context.beginPath();
        context.moveTo(a.x, a.y);
        context.lineTo(b.x, b.y);
        context.stroke();
      }
      context.globalAlpha = 1;
      context.setLineDash([]);
    }

    // A triangle at the target's edge (or, for conflict, a bar: at both ends when it is mutual).
    function arrow(context, l, zoom) {
      if (l.d.symmetric && l.d.family !== "conflict") return;
      var a = l.s.position(), b = l.t.position(), dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy);
      if (len < 1) return;
      var ux = dx / len, uy = dy / len, size = 7 / zoom;
      var ends = l.d.family === "conflict" && l.d.symmetric ? [[a, -1, l.s], [b, 1, l.t]] : [[b, 1, l.t]];
      ends.forEach(function (end) {
        var p = end[0], sgn = end[1], r = end[2].data("size") / 2 + 1;
        var tx = p.x - sgn * ux * r, ty = p.y - sgn * uy * r;
        if (l.d.family === "conflict") {
          context.moveTo(tx - uy * size * 0.6, ty + ux * size * 0.6);
          context.lineTo(tx + uy * size * 0.6, ty - ux * size * 0.6);
        } else {
          context.moveTo(tx, ty);
          context.lineTo(tx - ux * size - uy * size * 0.45, ty - uy * size + ux * size * 0.45);
          context.lineTo(tx - ux * size + uy * size * 0.45, ty - uy * size - ux * size * 0.45);
          context.closePath();
        }
      });
    }

    function draw() {
      frame = null;
      if (destroyed) return;
      size();
      var zoom = cy.zoom(), pan = cy.pan();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(zoom, 0, 0, zoom, pan.x, pan.y);
      paint(ctx, zoom, zoom >= ARROW_ZOOM);
    }

    function redraw() { if (!frame && !destroyed) frame = requestAnimationFrame(draw); }

    // -- finding the line under the pointer ---------------------------------------------------------
    function cellKey(x, y) { return Math.floor(x / CELL) + ":" + Math.floor(y / CELL); }

    function buildGrid() {
      grid = {};
      lines.forEach(function (l) {
        var a = l.s.position(), b = l.t.position(), len = Math.sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
        var steps = Math.max(1, Math.ceil(len / (CELL / 2))), last = null;
        for (var i = 0; i <= steps; i++) {
          var k = cellKey(a.x + (b.x - a.x) * i / steps, a.y + (b.y - a.y) * i / steps);
          if (k !== last) { (grid[k] = grid[k] || []).push(l); last = k; }
        }
      });
    }

    function distance(p, l) {
      var a = l.s.position(), b = l.t.position(), dx = b.x - a.x, dy = b.y - a.y, n = dx * dx + dy * dy;
      var u = n ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / n)) : 0;
      var x = a.x + u * dx - p.x, y = a.y + u * dy - p.y;
      return Math.sqrt(x * x + y * y);
    }

    // The shown line nearest to p (the map's coordinates) within a few pixels, or null.
    function at(p) {
      if (!grid) buildGrid();
      var tol = HIT_PX / cy.zoom(), best = null, bestD = tol, seen = [];
      for (var i = -1; i <= 1; i++) for (var j = -1; j <= 1; j++) {
        (grid[cellKey(p.x + i * CELL, p.y + j * CELL)] || []).forEach(function (l) {
          if (!l.shown || seen.indexOf(l) >= 0) return;
          seen.push(l);
          var dist = distance(p, l);
          if (dist <= bestD) { best = l; bestD = dist; }
        });
      }
      return best;
    }

    function onMove(evt) {
      if (evt.target !== cy) return;
      var l = at(evt.position);
      if (l && handlers.hover) handlers.hover(l.d, l.s, l.t, evt.renderedPosition);
      else if (hovered && handlers.out) handlers.out();
      hovered = l;
    }

    function onTap(evt) {
      if (evt.target !== cy) return;
      var l = at(evt.position);
      selected = l;
      redraw();
      if (l && handlers.tap) handlers.tap(l.d);
    }

    function moved() { grid = null; redraw(); }

    cy.on("viewport resize", redraw);
    cy.on("position", "node", moved);
    cy.on("mousemove", onMove);
    cy.on("tap", onTap);
    draw();

    return {
      // Shows only the lines whose ids are in `ids` (an object used as a set), or every line (null).
      show: function (ids) {
        lines.forEach(function (l) { l.shown = !ids || !!ids[l.d.id]; });
        redraw();
      },
      count: function (test) {
        var n = 0;
        lines.forEach(function (l) { if (l.shown && (!test || test(l.d))) n += 1; });
        return n;
      },
      degree: function (nodeId) { return this.count(function (d) { return d.source === nodeId || d.target === nodeId; }); },
      each: function (fn) { lines.forEach(function (l) { if (l.shown) fn(l.d, l.s, l.t); }); },
      paint: paint,
      draw: draw,
      destroy: function () {
        destroyed = true;
        if (frame) cancelAnimationFrame(frame);
        cy.off("viewport resize", redraw);
        cy.off("position", "node", moved);
        cy.off("mousemove", onMove);
        cy.off("tap", onTap);
        canvas.remove();
      }
    };
  }

  window.fmEdges = { attach: attach, look: look };
})();
