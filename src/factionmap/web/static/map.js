/* The map: data from /api/map, drawn with Cytoscape.js. Filters reload and lay out again; the time
   slider only shows and hides what the server says stood on that date, so nodes keep their places. */
(function () {
  "use strict";
  var container = document.getElementById("map");
  var statusEl = document.getElementById("map-status");
  var form = document.getElementById("filters");
  var slider = document.getElementById("time");
  var timeLabel = document.getElementById("time-label");
  var LARGE = 300;
  var state = { cy: null, months: [], loadSeq: 0, timeSeq: 0, layoutSeq: 0, timer: null, worker: null };
  window.factionmapMap = state;
  try { state.worker = new Worker("/static/layout-worker.js"); } catch (e) { state.worker = null; }

  if (typeof cytoscape === "undefined") {
    statusEl.textContent = "The map library did not load (run `make setup` to build the web assets).";
    return;
  }
  cytoscape.use(cytoscapeFcose);
  cytoscape.use(cytoscapeDagre);

  // -- filters <-> URL ---------------------------------------------------------------------------
  function readURL() {
    var q = new URLSearchParams(location.search);
    function setChecks(name) {
      if (!q.has(name)) return;
      var want = q.get(name).split(",");
      form.querySelectorAll("input[name=" + name + "]").forEach(function (i) { i.checked = want.indexOf(i.value) >= 0; });
    }
    ["relation", "status", "type"].forEach(setChecks);
    ["start", "end", "min_grade", "depth", "focus"].forEach(function (n) { if (q.has(n)) form.elements[n].value = q.get(n); });
    document.getElementById("lineage").checked = q.get("lineage") === "1" || q.get("lineage") === "true";
    if (q.has("undated")) document.getElementById("undated").checked = q.get("undated") !== "0" && q.get("undated") !== "false";
    if (q.has("region")) {
      var sel = document.getElementById("region");
      sel.appendChild(fm.h("option", { value: q.get("region"), text: q.get("region") }));
      sel.value = q.get("region");
    }
    state.initialAsOf = q.get("as_of");
  }

  function params(withTime) {
    var q = new URLSearchParams();
    ["relation", "status", "type"].forEach(function (name) {
      var all = form.querySelectorAll("input[name=" + name + "]");
      var on = Array.prototype.filter.call(all, function (i) { return i.checked; }).map(function (i) { return i.value; });
      if (on.length !== all.length || name !== "relation") q.set(name, on.join(","));
    });
    ["start", "end", "min_grade", "region", "focus"].forEach(function (n) {
      var v = (form.elements[n].value || "").trim();
      if (v) q.set(n, v);
    });
    if (form.elements.focus.value) q.set("depth", form.elements.depth.value);
    if (document.getElementById("lineage").checked) q.set("lineage", "1");
    if (!document.getElementById("undated").checked) q.set("undated", "0");
    var asOf = withTime ? currentAsOf() : null;
    if (asOf) q.set("as_of", asOf);
    return q;
  }

  function syncURL() {
    var q = params(true);
    history.replaceState(null, "", location.pathname + (q.toString() ? "?" + q : ""));
    var json = document.querySelector("a.json");
    if (json) json.setAttribute("href", "/api/map" + (q.toString() ? "?" + q : ""));
  }

  // -- time slider -------------------------------------------------------------------------------
  function monthsBetween(min, max) {
    var out = [], y = +min.slice(0, 4), m = +min.slice(5, 7), y1 = +max.slice(0, 4), m1 = +max.slice(5, 7);
    while (y < y1 || (y === y1 && m <= m1)) {
      out.push(y + "-" + (m < 10 ? "0" : "") + m);
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  function setupSlider(bounds) {
    var keep = currentAsOf() || state.initialAsOf;
    state.initialAsOf = null;
    state.months = bounds && bounds.min ? monthsBetween(bounds.min, bounds.max) : [];
    slider.max = String(state.months.length);
    slider.disabled = state.months.length === 0;
    var idx = keep ? state.months.indexOf(keep.slice(0, 7)) : -1;
    slider.value = String(idx >= 0 ? idx : state.months.length);
    labelTime();
  }

  function currentAsOf() {
    var i = +slider.value;
    return i < state.months.length ? state.months[i] : null;
  }

  function labelTime() {
    var asOf = currentAsOf();
    timeLabel.textContent = asOf || "all dates";
    container.setAttribute("data-as-of", asOf || "");
  }

  // -- drawing -----------------------------------------------------------------------------------
  function elements(data) {
    var colors = {};
    var els = data.nodes.map(function (n) {
      return { group: "nodes", data: { id: "n" + n.id, entity: n.id, name: n.name, type: n.type, degree: n.degree } };
    });
    data.edges.forEach(function (e) {
      els.push({ group: "edges", data: {
        id: "e" + e.id, tie: e.id, source: "n" + e.source, target: "n" + e.target, relation: e.relation,
        status: e.status, reported: e.reported, symmetric: e.symmetric, confidence: e.confidence,
        color: colors[e.relation] || (colors[e.relation] = fmStyle.relationColor(e.relation)) } });
    });
    return els;
  }

  function layoutOptions(n) {
    if (document.getElementById("lineage").checked) {
      return { name: "dagre", rankDir: "BT", nodeSep: 40, rankSep: 80, nodeDimensionsIncludeLabels: true, animate: false, fit: true, padding: 30 };
    }
    return { name: "fcose", quality: n > LARGE ? "draft" : "default", randomize: true, animate: false,
      fit: true, padding: 30, nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 90; },
      nodeSeparation: 90, packComponents: true, numIter: n > LARGE ? 1200 : 2500 };
  }

  // Large maps are laid out in a worker while the page builds the drawing; small ones right here.
  function layOut(els, n) {
    var options = layoutOptions(n);
    if (!state.worker || n <= LARGE || options.name !== "fcose") return Promise.resolve(null);
    var id = ++state.layoutSeq;
    options.nodeRepulsion = 20000;
    options.idealEdgeLength = 60;
    var nodesAndEdges = els.map(function (e) {
      return { group: e.group, data: { id: e.data.id, source: e.data.source, target: e.data.target, degree: e.data.degree } };
    });
    return new Promise(function (resolve) {
      state.worker.onmessage = function (msg) { if (msg.data.id === id) resolve(msg.data.positions); };
      state.worker.onerror = function () { resolve(null); };
      state.worker.postMessage({ id: id, elements: nodesAndEdges, options: options, nodeSize: fmStyle.nodeSize(true) });
    });
  }

  function draw(data) {
    if (state.cy) state.cy.destroy();
    var large = data.nodes.length > LARGE, els = elements(data);
    var positions = layOut(els, data.nodes.length);
    state.cy = cytoscape({
      container: container, elements: els, style: fmStyle.stylesheet(large),
      layout: { name: "preset" }, minZoom: 0.05, maxZoom: 4,
      textureOnViewport: large, hideEdgesOnViewport: large, pixelRatio: large ? 1 : "auto"
    });
    performance.mark("fm-init");
    return positions.then(function (found) {
      if (found) {
        state.cy.nodes().positions(function (n) { return found[n.id()]; });
        state.cy.fit(undefined, 30);
      } else if (data.nodes.length) {
        state.cy.layout(layoutOptions(data.nodes.length)).run();
      }
      if (state.cy.zoom() > 1.6) { state.cy.zoom(1.6); state.cy.center(); }  // a few nodes: do not blow them up
      performance.mark("fm-layout");
      finishDraw(data, large);
    });
  }

  function finishDraw(data, large) {
    var focus = form.elements.focus.value;
    if (focus) state.cy.$id("n" + focus).addClass("focus");
    if (large) labelLarge();
    state.cy.on("tap", "node", function (evt) { selectEntity(evt.target.data("entity")); });
    state.cy.on("tap", "edge", function (evt) { fmPanel.showTie(evt.target.data("tie")); });
    fillRegions(data.regions);
  }

  // A large map names its biggest hubs; zoomed in, every group in view is named.
  function labelLarge() {
    var cy = state.cy, timer = null;
    cy.nodes().sort(function (a, b) { return b.data("degree") - a.data("degree"); }).slice(0, 15).addClass("labelled");
    cy.on("viewport", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (cy.zoom() < 0.8) return;
        var ext = cy.extent();
        cy.batch(function () {
          cy.nodes().filter(function (n) {
            var p = n.position();
            return !n.hasClass("labelled") && p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
          }).addClass("labelled");
        });
      }, 150);
    });
  }

  function fillRegions(regions) {
    var sel = document.getElementById("region"), keep = sel.value;
    fm.clear(sel).appendChild(fm.h("option", { value: "", text: "anywhere" }));
    regions.forEach(function (r) { sel.appendChild(fm.h("option", { value: r, text: r })); });
    if (keep && regions.indexOf(keep) < 0) sel.appendChild(fm.h("option", { value: keep, text: keep }));
    sel.value = keep;
  }

  function report() {
    var cy = state.cy;
    var edges = cy ? cy.edges().not(".hidden").length : 0, nodes = cy ? cy.nodes().not(".hidden").length : 0;
    container.setAttribute("data-visible-edges", String(edges));
    container.setAttribute("data-visible-nodes", String(nodes));
    statusEl.textContent = nodes + " entities, " + edges + " ties shown" + (currentAsOf() ? " as of " + currentAsOf() : "")
      + (nodes ? "" : " — no ties match these filters");
    container.setAttribute("data-state", "ready");
  }

  function applyTime(data) {
    var cy = state.cy, edgeIds = {}, nodeIds = {};
    data.edges.forEach(function (e) { edgeIds["e" + e.id] = true; });
    data.nodes.forEach(function (n) { nodeIds["n" + n.id] = true; });
    cy.batch(function () {
      cy.elements().removeClass("hidden");
      cy.edges().filter(function (e) { return !edgeIds[e.id()]; }).addClass("hidden");
      cy.nodes().filter(function (n) { return !nodeIds[n.id()]; }).addClass("hidden");
    });
  }

  function load() {
    var seq = ++state.loadSeq;
    // the first, default view was preloaded by the page (<link rel=preload href="/api/map">)
    var url = state.loaded || location.search ? "/api/map?" + params(false) : "/api/map";
    state.loaded = true;
    container.setAttribute("data-state", "loading");
    statusEl.textContent = "Loading the map…";
    syncURL();
    performance.mark("fm-fetch");
    return fm.getJSON(url).then(function (data) {
      if (seq !== state.loadSeq) return;
      performance.mark("fm-data");
      setupSlider(data.bounds);
      return draw(data).then(function () {
        if (seq !== state.loadSeq) return;
        syncURL();
        return currentAsOf() ? timeChanged(true) : report();
      });
    }).catch(function (err) {
      statusEl.textContent = "Could not load the map: " + err.message;
      container.setAttribute("data-state", "error");
    });
  }

  function timeChanged(now) {
    container.setAttribute("data-state", "loading");
    labelTime();
    clearTimeout(state.timer);
    var run = function () {
      var seq = ++state.timeSeq;
      syncURL();
      if (!currentAsOf()) { state.cy.elements().removeClass("hidden"); return report(); }
      return fm.getJSON("/api/map?" + params(true)).then(function (data) {
        if (seq !== state.timeSeq) return;
        applyTime(data);
        report();
      });
    };
    if (now === true) return run();
    state.timer = setTimeout(run, 120);
  }

  // -- interaction -------------------------------------------------------------------------------
  function selectEntity(id) {
    fmPanel.showEntity(id, focusOn);
  }

  function focusOn(id, name) {
    form.elements.focus.value = String(id);
    showFocus(name);
    load();
  }

  function showFocus(name) {
    var box = document.getElementById("focus-box"), id = form.elements.focus.value;
    box.hidden = !id;
    var link = document.getElementById("focus-name");
    link.textContent = name || ("#" + id);
    link.setAttribute("href", fm.safeHref("/entities/" + id));
    if (id && !name) fm.getJSON("/api/entities/" + encodeURIComponent(id)).then(function (p) { link.textContent = p.entity.name; }, function () {});
  }

  document.getElementById("focus-clear").addEventListener("click", function () {
    form.elements.focus.value = "";
    showFocus();
    load();
  });
  slider.addEventListener("input", timeChanged);
  form.addEventListener("change", function (evt) {
    if (evt.target === slider) return;
    if ((evt.target.name === "start" || evt.target.name === "end") && !evt.target.checkValidity()) return;
    load();
  });
  form.addEventListener("submit", function (evt) { evt.preventDefault(); load(); });

  var search = document.getElementById("search");
  search.addEventListener("input", function () {
    if (!state.cy) return;
    var q = search.value.trim().toLowerCase();
    state.cy.nodes().removeClass("match");
    if (q.length < 2) return;
    state.cy.nodes().filter(function (n) { return n.data("name").toLowerCase().indexOf(q) >= 0; }).addClass("match");
  });
  search.form.addEventListener("submit", function (evt) {
    var hits = state.cy ? state.cy.nodes(".match").not(".hidden") : [];
    if (hits.length === 1) {
      evt.preventDefault();
      state.cy.animate({ center: { eles: hits }, zoom: Math.max(state.cy.zoom(), 1.2) }, { duration: 250 });
      hits.select();
      selectEntity(hits.data("entity"));
    }
  });

  readURL();
  showFocus();
  load();
})();
