/* Download the map as drawn: PNG through Cytoscape.js, SVG written here from the drawn elements. */
(function () {
  "use strict";

  function save(blob, name) {
    var url = URL.createObjectURL(blob), a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  // PNG through Cytoscape.js; on a large map, its nodes are laid over the edge layer's lines, drawn
  // here in the same frame (the bounds and scale Cytoscape.js uses for a full image).
  function png(cy, layer) {
    if (!cy) return;
    var options = { output: "blob", full: true, scale: 2, bg: "#ffffff" };
    if (!layer) return save(cy.png(options), "factionmap.png");
    var bb = cy.mutableElements().boundingBox(), scale = options.scale * cy.renderer().getPixelRatio();
    var canvas = document.createElement("canvas"), ctx = canvas.getContext("2d"), img = new Image();
    canvas.width = Math.ceil(bb.w) * scale;
    canvas.height = Math.ceil(bb.h) * scale;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(scale, 0, 0, scale, -bb.x1 * scale, -bb.y1 * scale);
    layer.paint(ctx, scale, true);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    img.onload = function () {
      ctx.drawImage(img, 0, 0);
      canvas.toBlob(function (blob) { save(blob, "factionmap.png"); }, "image/png");
    };
    img.src = cy.png({ output: "base64uri", full: true, scale: options.scale });
  }

  function lineSVG(d, s, t) {
    var a = s.position(), b = t.position();
    return '<line x1="' + a.x + '" y1="' + a.y + '" x2="' + b.x + '" y2="' + b.y + '" stroke="' + esc(d.color) +
      '" stroke-width="2"' + (d.reported || d.undated ? ' stroke-dasharray="6 4"' : "") +
      (d.undated ? ' stroke-opacity="0.4"' : "") + '><title>' + esc(s.data("name") + " " + d.label + " " +
      t.data("name") + " (" + d.span + ")") + '</title></line>';
  }

  function toSVG(cy, layer) {
    var bb = cy.elements().not(".hidden").boundingBox({ includeLabels: true }), pad = 20;
    var out = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="' + [bb.x1 - pad, bb.y1 - pad, bb.w + 2 * pad, bb.h + 2 * pad].join(" ") +
      '" font-family="system-ui, sans-serif">', '<rect x="' + (bb.x1 - pad) + '" y="' + (bb.y1 - pad) + '" width="' + (bb.w + 2 * pad) +
      '" height="' + (bb.h + 2 * pad) + '" fill="#ffffff"/>'];
    if (layer) layer.each(function (d, s, t) { out.push(lineSVG(d, s, t)); });
    cy.edges().not(".hidden").forEach(function (e) { out.push(lineSVG(e.data(), e.source(), e.target())); });
    cy.nodes().not(".hidden").forEach(function (n) {
      var p = n.position(), r = n.width() / 2;
      out.push('<circle cx="' + p.x + '" cy="' + p.y + '" r="' + r + '" fill="' + esc(n.style("background-color")) + '"><title>' +
        esc(n.data("name")) + '</title></circle>');
      if (n.hasClass("labelled") || n.selected() || n.hasClass("focus")) {
        out.push('<text x="' + p.x + '" y="' + (p.y + r + 12) + '" font-size="12" text-anchor="middle">' + esc(n.data("name")) + '</text>');
      }
    });
    out.push("</svg>");
    return out.join("\n");
  }

  function svg(cy, layer) {
    if (!cy) return;
    save(new Blob([toSVG(cy, layer)], { type: "image/svg+xml" }), "factionmap.svg");
  }

  window.fmExport = { png: png, svg: svg, toSVG: toSVG };
})();
