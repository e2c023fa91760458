/* The map: data from /api/map, drawn with Cytoscape.js. The layout is seeded (the same data gives the
   same positions) and positions are kept across filter changes; the time slider only shows and hides
   what the server says stood on that date. Bad filters are reported, never silently reset. */
(function () {
  "use strict";
  var container = document.getElementById("map");
  var statusEl = document.getElementById("map-status");
  var errorEl = document.getElementById("map-error");
  var form = document.getElementById("filters");
  var slider = document.getElementById("time");
  var asOfInput = document.getElementById("as-of");
  var LARGE = 300, EDGE_LENGTH = 110;
  var DEFAULTS = { status: "supported,contested", type: "ORG" };
  var state = { cy: null, months: [], loadSeq: 0, timeSeq: 0, layoutSeq: 0, timer: null, worker: null,
    positions: {}, data: null, first: true };
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
    if (q.has("start") && !q.has("from")) q.set("from", q.get("start"));
    if (q.has("end") && !q.has("to")) q.set("to", q.get("end"));
    ["from", "to", "min_grade", "depth", "focus"].forEach(function (n) { if (q.has(n)) form.elements[n].value = q.get(n); });
    document.getElementById("lineage").checked = q.get("lineage") === "1" || q.get("lineage") === "true";
    if (q.has("undated")) document.getElementById("undated").checked = q.get("undated") === "1" || q.get("undated") === "true";
    if (q.has("region")) {
      var sel = document.getElementById("region");
      sel.appendChild(fm.h("option", { value: q.get("region"), text: q.get("region") }));
      sel.value = q.get("region");
    }
    asOfInput.value = q.get("as_of") || "";
  }

  function checked(name) {
    var all = form.querySelectorAll("input[name=" + name + "]");
    var on = Array.prototype.filter.call(all, function (i) { return i.checked; }).map(function (i) { return i.value; });
    return { all: all.length === on.length, value: on.join(",") };
  }

  function params(withTime) {
    var q = new URLSearchParams();
    var rel = checked("relation");
    if (!rel.all) q.set("relation", rel.value);  // "" (nothing checked) selects nothing
    ["status", "type"].forEach(function (name) {
      var c = checked(name);
      if (c.value !== DEFAULTS[name]) q.set(name, c.value);
    });
    ["from", "to", "min_grade", "region", "focus"].forEach(function (n) {
      var v = (form.elements[n].value || "").trim();
      if (v) q.set(n, v);
    });
    if (form.elements.focus.value) q.set("depth", form.elements.depth.value);
    if (document.getElementById("lineage").checked) q.set("lineage", "1");
    if (document.getElementById("undated").checked) q.set("undated", "1");
    var asOf = withTime ? currentAsOf() : null;
    if (asOf) q.set("as_of", asOf);
    return q;
  }

  function query(q) { return q.toString() ? "?" + q : ""; }

  function syncURL(q) {
    q = q || params(true);
    history.replaceState(null, "", location.pathname + query(q));
    var json = document.querySelector("a.json");
    if (json) json.setAttribute("href", "/api/map" + query(q));
    var links = { "table-link": "/ties", "geo-link": "/geo", "dl-stix": "/api/export?format=stix&",
      "dl-csv": "/api/export?format=csv&", "dl-graphml": "/api/export?format=graphml&" };
    Object.keys(links).forEach(function (id) {
      var a = document.getElementById(id);
      if (!a) return;
      var base = links[id];
      a.setAttribute("href", base.indexOf("?") >= 0 ? base + q.toString() : base + query(q));
    });
  }

  function showError(message) {
    errorEl.hidden = !message;
    errorEl.textContent = message || "";
  }

  // -- time --------------------------------------------------------------------------------------
  function monthsBetween(min, max) {
    var out = [], y = +min.slice(0, 4), m = +min.slice(5, 7), y1 = +max.slice(0, 4), m1 = +max.slice(5, 7);
    while (y < y1 || (y === y1 && m <= m1)) {
      out.push(y + "-" + (m < 10 ? "0" : "") + m);
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  function setupSlider(bounds, histogram) {
    var keep = (asOfInput.value || "").trim();
    var hi = bounds && bounds.max && bounds.max > new Date().toISOString().slice(0, 10) ? new Date().toISOString().slice(0, 7) : bounds && bounds.max;
    state.months = bounds && bounds.min ? monthsBetween(bounds.min, hi || bounds.max) : [];
    slider.max = String(state.months.length);
    slider.disabled = state.months.length === 0;
    slider.value = String(indexOf(keep));
    labelTime();
    fmTime.draw(document.getElementById("time-scale"), state.months, histogram || []);
  }

  function indexOf(asOf) {
    if (!asOf) return state.months.length;
    var key = asOf.length === 4 ? asOf + "-01" : asOf.slice(0, 7);
    var i = state.months.indexOf(key);
    if (i >= 0) return i;
    return key < state.months[0] ? 0 : state.months.length - 1;
  }

  function currentAsOf() { return (asOfInput.value || "").trim() || null; }

  function labelTime() {
    var asOf = currentAsOf();
    document.getElementById("time-label").textContent = asOf || "all dates";
    container.setAttribute("data-as-of", asOf || "");
  }

  // -- drawing -----------------------------------------------------------------------------------
  function elements(data) {
    var colors = {};
    var short = { leadership: true, place: true };
    var els = data.nodes.map(function (n) {
      return { group: "nodes", data: { id: "n" + n.id, entity: n.id, name: n.name, type: n.type, kind: n.kind,
        degree: n.degree, lifespan: n.lifespan, aliases: n.aliases } };
    });
    data.edges.forEach(function (e) {
      els.push({ group: "edges", data: {
        id: "e" + e.id, tie: e.id, source: "n" + e.source, target: "n" + e.target, relation: e.relation,
        label: e.label, family: e.family, status: e.status, reported: e.reported, symmetric: e.symmetric,
        confidence: e.confidence, undated: e.undated, span: e.span, sources: e.sources, grade: e.grade,
        short: !!short[e.family],
        color: colors[e.family] || (colors[e.family] = fmStyle.familyColor(e.family)) } });
    });
    return els;
  }

  function seedOf(data) {
    return fmSeed.hash(data.nodes.map(function (n) { return n.id; }).join(",") + "|" +
      data.edges.map(function (e) { return e.source + ">" + e.target; }).join(","));
  }

  function layoutOptions(n, known) {
    if (document.getElementById("lineage").checked) {
      return { name: "dagre", rankDir: "BT", nodeSep: 50, rankSep: 90, nodeDimensionsIncludeLabels: true, animate: false, fit: true, padding: 40 };
    }
    var opts = { name: "fcose", quality: n > LARGE ? "draft" : "default", randomize: !known, animate: false,
      fit: true, padding: 40, nodeRepulsion: function () { return n > LARGE ? 20000 : 12000; },
      idealEdgeLength: function (e) { return e.data("short") ? EDGE_LENGTH * 0.5 : EDGE_LENGTH; },
      nodeSeparation: 110, packComponents: true, numIter: n > LARGE ? 1200 : 2500, tile: true };
    if (known) opts.fixedNodeConstraint = known;
    return opts;
  }

  // Positions for these elements: kept ones stay where they were; new ones are laid out around them,
  // in a worker for large maps. Everything under a seeded Math.random.
  function positionsFor(els, data) {
    var nodes = els.filter(function (e) { return e.group === "nodes"; });
    var kept = nodes.filter(function (e) { return state.positions[e.data.id]; });
    if (document.getElementById("lineage").checked) return Promise.resolve({ layout: layoutOptions(nodes.length) });
    if (nodes.length && kept.length === nodes.length) return Promise.resolve({ preset: state.positions });
    var known = kept.length ? kept.map(function (e) { return { nodeId: e.data.id, position: state.positions[e.data.id] }; }) : null;
    var options = layoutOptions(nodes.length, known), seed = seedOf(data);
    if (!state.worker || nodes.length <= LARGE) return Promise.resolve({ layout: options, seed: seed, start: seedStart(nodes) });
    var id = ++state.layoutSeq;
    var slim = els.map(function (e) {
      return { group: e.group, data: { id: e.data.id, source: e.data.source, target: e.data.target, short: e.data.short } };
    });
    var fns = ["nodeRepulsion", "idealEdgeLength"];
    var plain = {};
    Object.keys(options).forEach(function (k) { if (fns.indexOf(k) < 0) plain[k] = options[k]; });
    plain.nodeRepulsion = 20000;
    return new Promise(function (resolve) {
      state.worker.onmessage = function (msg) { if (msg.data.id === id) resolve({ found: msg.data.positions }); };
      state.worker.onerror = function () { resolve({ layout: options, seed: seed }); };
      state.worker.postMessage({ id: id, elements: slim, options: plain, seed: seed, edgeLength: EDGE_LENGTH,
        nodeSize: fmStyle.nodeSize(true), preset: seedStart(nodes) });
    });
  }

  // New nodes start next to a kept neighbour (or on a seeded spiral), so a re-layout moves little.
  function seedStart(nodes) {
    var out = {}, adj = {};
    (state.data ? state.data.edges : []).forEach(function (e) {
      (adj["n" + e.source] = adj["n" + e.source] || []).push("n" + e.target);
      (adj["n" + e.target] = adj["n" + e.target] || []).push("n" + e.source);
    });
    nodes.forEach(function (e, i) {
      var id = e.data.id, p = state.positions[id];
      if (p) { out[id] = p; return; }
      var near = (adj[id] || []).map(function (x) { return state.positions[x]; }).filter(Boolean)[0];
      var a = i * 2.399963, r = 30 * Math.sqrt(i + 1);
      out[id] = near ? { x: near.x + 40 * Math.cos(a), y: near.y + 40 * Math.sin(a) } : { x: r * Math.cos(a), y: r * Math.sin(a) };
    });
    return out;
  }

  function draw(data) {
    if (state.cy) state.cy.destroy();
    var large = data.nodes.length > LARGE, els = elements(data);
    var placing = positionsFor(els, data);
    state.cy = cytoscape({
      container: container, elements: els, style: fmStyle.stylesheet(large),
      layout: { name: "preset" }, minZoom: 0.05, maxZoom: 4,
      textureOnViewport: large, hideEdgesOnViewport: large, pixelRatio: large ? 1 : "auto"
    });
    performance.mark("fm-init");
    return placing.then(function (how) {
      var cy = state.cy;
      if (how.found || how.preset) {
        var pos = how.found || how.preset;
        cy.nodes().positions(function (n) { return pos[n.id()]; });
        cy.fit(undefined, 40);
      } else if (how.layout && data.nodes.length) {
        if (how.start) cy.nodes().positions(function (n) { return how.start[n.id()]; });
        fmSeed.withSeed(how.seed || 1, function () { cy.layout(how.layout).run(); });
      }
      if (cy.zoom() > 1.6) { cy.zoom(1.6); cy.center(); }  // a few nodes: do not blow them up
      cy.nodes().forEach(function (n) { state.positions[n.id()] = { x: n.position("x"), y: n.position("y") }; });
      performance.mark("fm-layout");
      finishDraw(data);
    });
  }

  function finishDraw(data) {
    var cy = state.cy, focus = form.elements.focus.value;
    if (focus) cy.$id("n" + focus).addClass("focus");
    cy.nodes().sort(function (a, b) { return b.data("degree") - a.data("degree"); }).slice(0, 3).addClass("hub");
    fmLabels.place(cy);
    fmLabels.follow(cy);
    fmTip.bind(cy, document.getElementById("map-tip"));
    cy.on("tap", "node", function (evt) { selectEntity(evt.target.data("entity")); });
    cy.on("tap", "edge", function (evt) { fmPanel.showTie(evt.target.data("tie")); });
    fillRegions(data.regions);
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
    var undated = cy ? cy.edges("[?undated]").not(".hidden").length : 0;
    container.setAttribute("data-visible-edges", String(edges));
    container.setAttribute("data-visible-nodes", String(nodes));
    statusEl.textContent = nodes + " entities, " + edges + " ties shown" + (currentAsOf() ? " as of " + currentAsOf() : "")
      + (undated ? " (" + undated + " undated, drawn faint)" : "")
      + (nodes ? "" : " — no ties match these filters");
    if (cy) fmLabels.place(cy);
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

  function failed(err) {
    showError(err.message);
    statusEl.textContent = "The map was not updated.";
    container.setAttribute("data-state", "error");
  }

  function load() {
    var seq = ++state.loadSeq;
    // the first view reads the URL as given, so the server judges every parameter the user wrote
    var q = state.first ? new URLSearchParams(location.search) : params(false);
    q.delete("as_of");  // the whole period is drawn; the date then hides what did not stand (timeChanged)
    state.first = false;
    container.setAttribute("data-state", "loading");
    statusEl.textContent = "Loading the map…";
    performance.mark("fm-fetch");
    return fm.getJSON("/api/map" + query(q)).then(function (data) {
      if (seq !== state.loadSeq) return;
      showError(null);
      performance.mark("fm-data");
      state.data = data;
      setupSlider(data.bounds, data.histogram);
      return draw(data).then(function () {
        if (seq !== state.loadSeq) return;
        syncURL();
        return currentAsOf() ? timeChanged(true) : report();
      });
    }).catch(function (err) { if (seq === state.loadSeq) failed(err); });
  }

  function timeChanged(now) {
    container.setAttribute("data-state", "loading");
    labelTime();
    clearTimeout(state.timer);
    var run = function () {
      var seq = ++state.timeSeq;
      syncURL();
      if (!currentAsOf()) { state.cy.elements().removeClass("hidden"); showError(null); return report(); }
      return fm.getJSON("/api/map" + query(params(true))).then(function (data) {
        if (seq !== state.timeSeq) return;
        showError(null);
        applyTime(data);
        report();
      }, function (err) { if (seq === state.timeSeq) failed(err); });
    };
    if (now === true) return run();
    state.timer = setTimeout(run, 120);
  }

  // -- interaction -------------------------------------------------------------------------------
  function selectEntity(id) { fmPanel.showEntity(id, focusOn); }

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
    if (id && !name && /^\d+$/.test(id)) fm.getJSON("/api/entities/" + encodeURIComponent(id)).then(function (p) { link.textContent = p.entity.name; }, function () {});
  }

  function showAll() {
    form.reset();
    form.querySelectorAll("input[name=relation]").forEach(function (i) { i.checked = true; });
    form.querySelectorAll("input[name=status]").forEach(function (i) { i.checked = i.value !== "denied"; });
    form.querySelectorAll("input[name=type]").forEach(function (i) { i.checked = i.value === "ORG"; });
    form.elements.focus.value = "";
    asOfInput.value = "";
    document.getElementById("region").value = "";
    showFocus();
    load();
  }

  document.getElementById("show-all").addEventListener("click", showAll);
  document.getElementById("focus-clear").addEventListener("click", function () {
    form.elements.focus.value = "";
    showFocus();
    load();
  });
  slider.addEventListener("input", function () {
    var i = +slider.value;
    asOfInput.value = i < state.months.length ? state.months[i] : "";
    timeChanged();
  });
  asOfInput.addEventListener("change", function () {
    slider.value = String(indexOf((asOfInput.value || "").trim()));
    timeChanged(true);
  });
  form.addEventListener("change", function (evt) {
    if (evt.target === slider || evt.target === asOfInput) return;
    load();
  });
  form.addEventListener("submit", function (evt) { evt.preventDefault(); load(); });
  document.getElementById("dl-png").addEventListener("click", function () { fmExport.png(state.cy); });
  document.getElementById("dl-svg").addEventListener("click", function () { fmExport.svg(state.cy); });

  // the header search chooses an entity: select it here, or focus on it if it is not on the map
  document.addEventListener("fm:choose", function (evt) {
    var id = evt.detail.id, node = state.cy && state.cy.$id("n" + id);
    evt.preventDefault();
    if (node && node.length && !node.hasClass("hidden")) {
      state.cy.elements().unselect();
      node.select();
      state.cy.animate({ center: { eles: node }, zoom: Math.max(state.cy.zoom(), 1.2) }, { duration: 200 });
      selectEntity(id);
    } else {
      focusOn(id, evt.detail.name);
    }
  });
  document.addEventListener("fm:matches", function (evt) {
    if (!state.cy) return;
    var ids = {};
    evt.detail.ids.forEach(function (i) { ids["n" + i] = true; });
    state.cy.nodes().removeClass("match");
    state.cy.nodes().filter(function (n) { return ids[n.id()]; }).addClass("match");
  });

  readURL();
  showFocus();
  load();
})();
