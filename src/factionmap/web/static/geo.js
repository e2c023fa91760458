/* The geography view: a world base map from Natural Earth (world-atlas, shipped with the app, no tile
   server), a circle per place sized by its groups, following a time slider; data from /api/geo. */
(function () {
  "use strict";
  var el = document.getElementById("geo"), slider = document.getElementById("geo-time");
  var label = document.getElementById("geo-label"), statusEl = document.getElementById("geo-status");
  var errorEl = document.getElementById("geo-error");
  var state = { map: null, layer: null, months: [], seq: 0 };
  window.factionmapGeo = state;
  var base = new URLSearchParams(location.search);
  var asOf = base.get("as_of");
  base.delete("as_of");

  state.map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 8, attributionControl: true, zoomSnap: 0.25 }).setView([25, 30], 2);
  state.map.attributionControl.addAttribution("Natural Earth");
  fetch("/static/vendor/countries-110m.json").then(function (r) { return r.json(); }).then(function (topo) {
    L.geoJSON(topojson.feature(topo, topo.objects.countries), {
      style: { color: "#9aa0a6", weight: 0.6, fillColor: "#eef0f2", fillOpacity: 1 }, interactive: false
    }).addTo(state.map).bringToBack();
  });

  function panel(p) {
    var box = document.getElementById("geo-panel");
    fm.clear(box);
    box.appendChild(fm.h("h2", {}, fm.h("a", { href: p.place.href, text: p.place.name })));
    box.appendChild(fm.h("ul", { class: "geo-groups" }, p.groups.map(function (g) {
      return fm.h("li", {}, fm.h("a", { href: g.group.href, text: g.group.name }), " ",
        fm.h("a", { class: "hint", href: "/ties/" + g.tie_id, text: g.span || "dates unknown" }));
    })));
  }

  function draw(data) {
    if (state.layer) state.layer.remove();
    state.layer = L.layerGroup().addTo(state.map);
    data.places.forEach(function (p) {
      var m = L.circleMarker([p.lat, p.lon], { radius: 5 + 3 * Math.sqrt(p.groups.length), color: "#7a1f1f", weight: 1,
        fillColor: "#D55E00", fillOpacity: 0.7 });
      m.bindTooltip(p.place.name + ": " + p.groups.length + " group" + (p.groups.length === 1 ? "" : "s"));
      m.on("click", function () { panel(p); });
      m.addTo(state.layer);
    });
    var list = fm.clear(document.getElementById("geo-unplaced"));
    data.unplaced.forEach(function (p) { list.appendChild(fm.h("li", { text: p.place.name + " (" + p.groups.length + ")" })); });
    el.setAttribute("data-places", String(data.places.length));
    statusEl.textContent = data.places.length + " places, " + data.places.reduce(function (n, p) { return n + p.groups.length; }, 0) +
      " group–place ties" + (current() ? " as of " + current() : "");
    el.setAttribute("data-state", "ready");
  }

  function current() {
    var i = +slider.value;
    return i < state.months.length ? state.months[i] : null;
  }

  function load() {
    var q = new URLSearchParams(base), seq = ++state.seq, when = current();
    if (when) q.set("as_of", when);
    label.textContent = when || "all dates";
    el.setAttribute("data-state", "loading");
    history.replaceState(null, "", location.pathname + (q.toString() ? "?" + q : ""));
    return fm.getJSON("/api/geo" + (q.toString() ? "?" + q : "")).then(function (data) {
      if (seq !== state.seq) return;
      errorEl.hidden = true;
      draw(data);
    }, function (err) {
      errorEl.hidden = false;
      errorEl.textContent = err.message;
      el.setAttribute("data-state", "error");
    });
  }

  fm.getJSON("/api/map" + (base.toString() ? "?" + base : "")).then(function (m) {
    var b = m.bounds, out = [];
    if (b && b.min) {
      var y = +b.min.slice(0, 4), mo = +b.min.slice(5, 7), y1 = Math.min(+b.max.slice(0, 4), new Date().getFullYear());
      while (y < y1 || (y === y1 && mo <= 12)) { out.push(y + "-" + (mo < 10 ? "0" : "") + mo); mo += 1; if (mo > 12) { mo = 1; y += 1; } }
    }
    state.months = out;
    slider.max = String(out.length);
    var i = asOf ? out.indexOf(asOf.length === 4 ? asOf + "-01" : asOf.slice(0, 7)) : -1;
    slider.value = String(i >= 0 ? i : out.length);
    load();
  }, function (err) { errorEl.hidden = false; errorEl.textContent = err.message; el.setAttribute("data-state", "error"); });
  slider.addEventListener("input", function () { clearTimeout(state.timer); state.timer = setTimeout(load, 120); });
})();
