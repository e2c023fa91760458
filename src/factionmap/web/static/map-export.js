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

  function png(cy) {
    if (!cy) return;
    save(cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }), "factionmap.png");
  }

  function toSVG(cy) {
    var bb = cy.elements().not(".hidden").boundingBox({ includeLabels: true }), pad = 20;
    var out = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="' + [bb.x1 - pad, bb.y1 - pad, bb.w + 2 * pad, bb.h + 2 * pad].join(" ") +
      '" font-family="system-ui, sans-serif">', '<rect x="' + (bb.x1 - pad) + '" y="' + (bb.y1 - pad) + '" width="' + (bb.w + 2 * pad) +
      '" height="' + (bb.h + 2 * pad) + '" fill="#ffffff"/>'];
    cy.edges().not(".hidden").forEach(function (e) {
      var s = e.source().position(), t = e.target().position(), d = e.data();
      out.push('<line x1="' + s.x + '" y1="' + s.y + '" x2="' + t.x + '" y2="' + t.y + '" stroke="' + esc(d.color) +
        '" stroke-width="2"' + (d.reported || d.undated ? ' stroke-dasharray="6 4"' : "") +
        (d.undated ? ' stroke-opacity="0.4"' : "") + '><title>' + esc(e.source().data("name") + " " + d.label + " " +
        e.target().data("name") + " (" + d.span + ")") + '</title></line>');
    });
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

  function svg(cy) {
    if (!cy) return;
    save(new Blob([toSVG(cy)], { type: "image/svg+xml" }), "factionmap.svg");
  }

  window.fmExport = { png: png, svg: svg, toSVG: toSVG };
})();
