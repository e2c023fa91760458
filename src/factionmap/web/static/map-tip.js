/* Hover tooltips on the map: a node's name, kind, lifespan and ties; an edge's relation, dates,
   status and number of sources. Text only (textContent), positioned through the CSSOM. */
(function () {
  "use strict";

  function lines(el) {
    var d = el.data();
    if (el.isNode()) {
      var life = d.lifespan ? (d.lifespan.start || "?") + " – " + (d.lifespan.end || "") : "lifespan unknown";
      return [d.name, (d.kind || d.type).replace(/_/g, " ") + " · " + life,
        el.connectedEdges().not(".hidden").length + " ties shown",
        d.aliases && d.aliases.length ? "also: " + d.aliases.slice(0, 3).join(", ") : ""];
    }
    var s = el.source().data("name"), t = el.target().data("name");
    return [s + " " + d.label + " " + t, d.span + (d.undated ? " (no date in the evidence)" : ""),
      d.status + (d.reported ? ", reported only" : "") + " · grade " + d.grade,
      d.sources + " source" + (d.sources === 1 ? "" : "s")];
  }

  function bind(cy, tip) {
    function show(evt) {
      var el = evt.target, p = evt.renderedPosition || el.renderedPosition();
      fm.clear(tip);
      lines(el).filter(Boolean).forEach(function (text, i) {
        tip.appendChild(fm.h(i ? "div" : "strong", { text: text }));
      });
      tip.hidden = false;
      tip.style.left = Math.round(p.x + 14) + "px";
      tip.style.top = Math.round(p.y + 14) + "px";
      tip.setAttribute("data-for", el.id());
    }
    function hide() { tip.hidden = true; tip.removeAttribute("data-for"); }
    cy.on("mouseover", "node, edge", show);
    cy.on("mouseout", "node, edge", hide);
    cy.on("viewport", hide);
  }

  window.fmTip = { bind: bind, lines: lines };
})();
