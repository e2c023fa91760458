/* The header search: suggestions as you type from /api/search (every alias, folded), a list to choose
   from, arrows and Enter to pick. Picking fires a cancelable "fm:choose" event (the map selects or
   focuses the group); if nobody takes it, the group's profile opens. */
(function () {
  "use strict";
  var input = document.getElementById("search");
  if (!input) return;
  var list = document.getElementById("search-list");
  var hits = [], active = -1, timer = null, seq = 0;

  function render() {
    fm.clear(list);
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", String(hits.length > 0));
    hits.forEach(function (h, i) {
      var li = fm.h("li", { role: "option", id: "search-opt-" + i, class: "suggestion" + (i === active ? " active" : ""),
        "aria-selected": String(i === active), "data-id": h.id },
        fm.h("span", { class: "s-name", text: h.name }),
        h.matched && h.matched !== h.name ? fm.h("span", { class: "s-alias", text: " (" + h.matched + ")" }) : null,
        fm.h("span", { class: "s-meta", text: " " + h.type.toLowerCase() + " · " + h.ties + " ties" }));
      li.addEventListener("mousedown", function (evt) { evt.preventDefault(); choose(h); });
      list.appendChild(li);
    });
    if (active >= 0) input.setAttribute("aria-activedescendant", "search-opt-" + active);
    else input.removeAttribute("aria-activedescendant");
    document.dispatchEvent(new CustomEvent("fm:matches", { detail: { ids: hits.map(function (h) { return h.id; }) } }));
  }

  function fetchHits() {
    var q = input.value.trim(), mine = ++seq;
    if (q.length < 1) { hits = []; active = -1; render(); return; }
    fm.getJSON("/api/search?limit=10&q=" + encodeURIComponent(q)).then(function (found) {
      if (mine !== seq) return;
      hits = found;
      active = -1;
      render();
    }, function () {});
  }

  function choose(h) {
    hits = [];
    active = -1;
    render();
    input.value = h.name;
    var evt = new CustomEvent("fm:choose", { cancelable: true, detail: { id: h.id, name: h.name } });
    if (document.dispatchEvent(evt)) location.href = fm.safeHref("/entities/" + h.id);
  }

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-controls", "search-list");
  input.setAttribute("aria-autocomplete", "list");
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(fetchHits, 100); });
  input.addEventListener("keydown", function (evt) {
    if (evt.key === "ArrowDown" && hits.length) { active = (active + 1) % hits.length; render(); evt.preventDefault(); }
    else if (evt.key === "ArrowUp" && hits.length) { active = (active - 1 + hits.length) % hits.length; render(); evt.preventDefault(); }
    else if (evt.key === "Escape") { hits = []; render(); }
  });
  input.form.addEventListener("submit", function (evt) {
    if (active >= 0 && hits[active]) { evt.preventDefault(); choose(hits[active]); return; }
    if (hits.length === 1 || (hits.length > 1 && hits[0].score > hits[1].score && hits[0].score === 100)) {
      evt.preventDefault();
      choose(hits[0]);
      return;
    }
    if (hits.length > 1) { evt.preventDefault(); active = 0; render(); }  // ambiguous: choose from the list
  });
  input.addEventListener("blur", function () { setTimeout(function () { hits = []; render(); }, 150); });

  window.fmSearch = { choose: choose };
})();
