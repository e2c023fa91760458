/* Hover tooltips on the map: a node's name, kind, lifespan, ties and other names; a line's relation,
   dates, status and number of sources (for Cytoscape.js edges, and for the edge layer of large maps
   through showEdge). The map's answer is lean: a node's other names are fetched on its first hover
   (/api/entities/{id}/card) and kept. Text only (textContent), positioned through the CSSOM. */
(function () {
  "use strict";
  var cards = {}, tip = null;

  function edgeLines(d, source, target) {
    return [source.data("name") + " " + d.label + " " + target.data("name"), d.span + (d.undated ? " (no date in the evidence)" : ""),
      d.status + (d.reported ? ", reported only" : "") + " · grade " + d.grade,
      d.sources + " source" + (d.sources === 1 ? "" : "s")];
  }

  // ties(node): how many lines of the node are shown
  function nodeLines(el, ties) {
    var d = el.data(), card = cards[d.entity], life = d.lifespan || (card && card.lifespan);
    var aliases = card ? card.aliases : [];
    return [d.name, (d.kind || d.type).replace(/_/g, " ") + " · " +
      (life ? (life.start || "?") + " – " + (life.end || "") : "lifespan unknown"),
      ties(el) + " ties shown", aliases.length ? "also: " + aliases.slice(0, 3).join(", ") : ""];
  }

  function render(lines, p, forId) {
    fm.clear(tip);
    lines.filter(Boolean).forEach(function (text, i) { tip.appendChild(fm.h(i ? "div" : "strong", { text: text })); });
    tip.hidden = false;
    tip.style.left = Math.round(p.x + 14) + "px";
    tip.style.top = Math.round(p.y + 14) + "px";
    tip.setAttribute("data-for", forId);
  }

  function hide() {
    if (!tip) return;
    tip.hidden = true;
    tip.removeAttribute("data-for");
  }

  function showEdge(d, source, target, p) { render(edgeLines(d, source, target), p, d.id); }

  // layer(): the edge layer of a large map, or null
  function bind(cy, el, layer) {
    tip = el;
    function ties(node) {
      var l = layer && layer();
      return l ? l.degree(node.id()) : node.connectedEdges().not(".hidden").length;
    }
    function show(evt) {
      var target = evt.target, p = evt.renderedPosition || target.renderedPosition();
      if (target.isEdge()) return showEdge(target.data(), target.source(), target.target(), p);
      render(nodeLines(target, ties), p, target.id());
      var id = target.data("entity");
      if (!cards[id]) {
        fm.getJSON("/api/entities/" + encodeURIComponent(id) + "/card").then(function (card) {
          cards[id] = card;
          if (tip.getAttribute("data-for") === target.id()) render(nodeLines(target, ties), p, target.id());
        }, function () {});
      }
    }
    cy.on("mouseover", "node, edge", show);
    cy.on("mouseout", "node, edge", hide);
    cy.on("viewport", hide);
  }

  window.fmTip = { bind: bind, showEdge: showEdge, hide: hide, edgeLines: edgeLines };
})();
