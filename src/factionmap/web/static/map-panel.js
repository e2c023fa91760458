/* The map's side panel: a group's profile card, or a tie with its cited evidence. */
(function () {
  "use strict";
  var h = fm.h;

  function citationItem(c) {
    return h("li", { class: "citation stance-" + c.stance },
      h("blockquote", {}, h("a", { class: "quote-link", href: c.href, text: c.quote })),
      h("div", { class: "cite-meta" },
        h("a", { class: "doc-link", href: c.href, text: c.doc_title || c.doc_id.slice(0, 12) }),
        c.publisher ? " · " + c.publisher : "",
        c.published ? " · " + c.published : "",
        " · ", h("span", { class: "stance", text: c.stance }),
        c.attribution ? " · according to " + c.attribution : ""));
  }

  function entityLink(e) {
    return h("a", { class: "entity type-" + e.type, href: "/entities/" + e.id, text: e.name });
  }

  function tiePanel(tie) {
    var support = tie["for"] || [], against = tie.against || [];
    return h("div", { class: "tie-panel", "data-tie": tie.id },
      h("h2", {}, entityLink(tie.subject), " ", h("span", { class: "rel rel-" + tie.relation, text: tie.label }), " ",
        entityLink(tie.object)),
      h("p", { class: "badges" },
        h("span", { class: "status status-" + tie.status, text: tie.status }),
        tie.reported ? h("span", { class: "status status-reported", text: "reported" }) : null,
        tie.review ? h("span", { class: "review-badge verdict-" + tie.review.verdict, text: tie.review.verdict,
          title: "by " + tie.review.by + (tie.review.note ? ": " + tie.review.note : "") }) : null,
        h("span", { class: "grade", title: "Admiralty grade", text: tie.grade }),
        h("span", { class: "when", text: fm.span(tie) }),
        h("a", { href: tie.href, text: "tie page" })),
      h("h3", { text: "Evidence (" + support.length + ")" }),
      h("ol", { class: "citations" }, support.map(citationItem)),
      against.length ? [h("h3", { text: "Denied by (" + against.length + ")" }),
        h("ol", { class: "citations against" }, against.map(citationItem))] : null);
  }

  function entityPanel(p, onFocus) {
    var e = p.entity, counts = [];
    Object.keys(p.ties_by_relation).forEach(function (rel) {
      counts.push(h("li", {}, h("span", { class: "swatch rel-" + rel }), rel.replace(/_/g, " ") + ": " + p.ties_by_relation[rel].length));
    });
    return h("div", { class: "entity-panel", "data-entity": e.id },
      h("h2", { class: "entity-name", text: e.name }),
      h("p", { class: "kind", text: e.type }),
      e.aliases.length ? h("p", { class: "aliases" }, "Also: ", e.aliases.map(function (a) { return a.name; }).join(" · ")) : null,
      p.leaders.length ? [h("h3", { text: "Leaders" }), h("ul", {}, p.leaders.map(function (l) {
        return h("li", {}, entityLink(l.person), l.span ? " (" + l.span + ")" : "");
      }))] : null,
      h("h3", { text: "Ties" }), h("ul", { class: "counts" }, counts),
      h("p", { class: "actions" },
        h("a", { class: "button open-profile", href: p.links.page, text: "Open profile" }), " ",
        h("button", { type: "button", class: "focus-here", onclick: function () { onFocus(e.id, e.name); },
          text: "Focus on neighbourhood" })));
  }

  function show(node) { fm.append(fm.clear(document.getElementById("panel-body")), node); }

  function showError(err) { show(h("p", { class: "error", text: String(err.message || err) })); }

  window.fmPanel = {
    showTie: function (id) {
      show(h("p", { class: "hint", text: "Loading the evidence…" }));
      return fm.getJSON("/api/ties/" + encodeURIComponent(id)).then(function (t) { show(tiePanel(t)); }, showError);
    },
    showEntity: function (id, onFocus) {
      show(h("p", { class: "hint", text: "Loading the profile…" }));
      return fm.getJSON("/api/entities/" + encodeURIComponent(id)).then(function (p) { show(entityPanel(p, onFocus)); }, showError);
    }
  };
})();
