/* The map: data from /api/map, drawn with Cytoscape.js. The server lays the whole map out once per store
   version (web/maplayout.py) and sends each node's place with the map, so the page only draws: the same
   data gives the same positions, kept across filter changes; the time slider only shows and hides what
   the server says stood on that date. Bad filters are reported, never silently reset. */
(function () {
  "use strict";
  var container = document.getElementById("map");
  var statusEl = document.getElementById("map-status");
  var errorEl = document.getElementById("map-error");
  var form = document.getElementById("filters");
  var slider = document.getElementById("time");
  var asOfInput = document.getElementById("as-of");
  // Maps of more than LARGE nodes are drawn denser (shorter lines, smaller nodes) and styled leaner. Nodes
  // the server did not place (people, places, ends of denied ties: not on the whole map it lays out) are
  // laid out around the others by fmForce (d3-force): on the page for small maps, in the worker for large.
  var LARGE = 300, EDGE_LENGTH = 110, FORCE_LENGTH = 60, SMALL_TICKS = 300, FORCE_TICKS = 60;
  var MIN_ZOOM = 0.05, MAX_FIT_ZOOM = 1.6;
  var DEFAULTS = { status: "supported,contested", type: "ORG" };
  var state = { cy: null, months: [], loadSeq: 0, timeSeq: 0, layoutSeq: 0, timer: null, worker: undefined,
    positions: {}, data: null, first: true, workerBusy: false, layer: null };
  window.factionmapMap = state;
  function startWorker() {  // only when a large map has nodes the server did not place
    try { return new Worker("/static/layout-worker.js"); } catch (e) { return null; }
  }

  if (typeof cytoscape === "undefined") {
    statusEl.textContent = "The map library did not load (run `make setup` to build the web assets).";
    return;
  }

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
    var limit = new URLSearchParams(location.search).get("limit");  // groups drawn at most, as the URL asks
    if (limit) q.set("limit", limit);
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
  // The ties as Cytoscape.js edge data (also what the edge layer of large maps draws).
  function edgeData(data) {
    var rels = data.relations || {}, short = { leadership: true, place: true };
    return data.edges.map(function (e) {
      var rel = rels[e.relation] || { label: e.relation.replace(/_/g, " "), family: "", symmetric: false };
      return {
        id: "e" + e.id, tie: e.id, source: "n" + e.source, target: "n" + e.target, relation: e.relation,
        label: rel.label, family: rel.family, status: e.status, reported: e.reported, symmetric: rel.symmetric,
        confidence: e.confidence, undated: e.undated, sources: e.sources, grade: e.grade,
        span: fm.span({ start: e.start && { iso: e.start }, end: e.end && { iso: e.end } }),
        short: !!short[rel.family], color: fmStyle.familyColor(rel.family), width: fmStyle.edgeWidth(e.confidence) };
    });
  }

  // Cytoscape.js elements: the nodes, and the edges unless the edge layer draws them (large maps).
  function elements(data, large, edges) {
    var els = data.nodes.map(function (n) {
      var d = { id: "n" + n.id, entity: n.id, name: n.name, type: n.type, kind: n.kind, degree: n.degree, lifespan: n.lifespan };
      return { group: "nodes", data: large ? Object.assign(d, fmStyle.nodeData(n)) : d };
    });
    return large ? els : els.concat(edges.map(function (d) { return { group: "edges", data: d }; }));
  }

  // The lineage view is drawn by dagre (ranks from predecessors to successors), loaded when first needed.
  function lineageLayout() {
    return fm.script("/static/vendor/cytoscape-dagre.min.js").then(function () {
      if (!state.dagre) { cytoscape.use(cytoscapeDagre); state.dagre = true; }
      return { name: "dagre", rankDir: "BT", nodeSep: 50, rankSep: 90, nodeDimensionsIncludeLabels: true,
        animate: false, fit: true, padding: 40 };
    });
  }

  function keptOf(ids) {
    var out = {};
    ids.forEach(function (id) { if (state.positions[id]) out[id] = state.positions[id]; });
    return out;
  }

  // Links as pairs of indexes into ids (and whether the family draws them short).
  function linksOf(data) {
    var index = {}, short = { leadership: true, place: true }, rels = data.relations || {};
    data.nodes.forEach(function (n, i) { index[n.id] = i; });
    return data.edges.map(function (e) {
      return [index[e.source], index[e.target], !!short[(rels[e.relation] || {}).family]];
    });
  }

  // The server's places for these nodes: the whole map's layout, made once per store version.
  function serverPlaces(data) {
    var out = {}, given = data.positions || {};
    Object.keys(given).forEach(function (id) { out["n" + id] = { x: given[id][0], y: given[id][1] }; });
    return out;
  }

  // Where the nodes go: {positions}, a promise of them (the server's places, then kept ones stay; nodes
  // placed by neither are laid out around them by fmForce, on the page for small maps, in the worker for
  // large ones while the page builds the drawing), or {layout}, a promise of options for Cytoscape.js to
  // lay out the lineage view on the page.
  function placement(data, seq) {
    var ids = data.nodes.map(function (n) { return "n" + n.id; }), kept = Object.assign(keptOf(ids), serverPlaces(data));
    if (document.getElementById("lineage").checked) return { layout: lineageLayout() };
    if (ids.length && Object.keys(kept).length === ids.length) return { positions: Promise.resolve(kept) };
    var large = ids.length > LARGE;
    var job = { id: seq, ids: ids, known: kept, links: linksOf(data), length: large ? FORCE_LENGTH : EDGE_LENGTH,
      ticks: large ? FORCE_TICKS : SMALL_TICKS };
    return { positions: large ? forceLayout(job) : forceHere(job) };
  }

  // d3-force and fmForce, loaded on the page the first time a layout runs here (the server places most
  // maps whole, so most loads never need them; the worker loads its own copies).
  var FORCE_SCRIPTS = ["/static/vendor/d3-dispatch.min.js", "/static/vendor/d3-quadtree.min.js",
    "/static/vendor/d3-timer.min.js", "/static/vendor/d3-force.min.js", "/static/force-layout.js"];
  function forceHere(job) {
    return FORCE_SCRIPTS.reduce(function (ready, src) { return ready.then(function () { return fm.script(src); }); },
      Promise.resolve()).then(function () { return fmForce.run(job); });
  }

  function forceLayout(job) {
    var here = function () { return forceHere(job); };
    if (state.worker === undefined) state.worker = startWorker();
    if (state.workerBusy) {  // an older layout is still running: start afresh
      state.worker.terminate();
      state.worker = startWorker();
    }
    if (!state.worker) return here();
    state.workerBusy = true;
    return new Promise(function (resolve) {
      state.worker.onmessage = function (msg) {
        if (msg.data.id !== job.id) return;
        state.workerBusy = false;
        resolve(msg.data.positions);
      };
      state.worker.onerror = function () { state.worker = null; state.workerBusy = false; resolve(here()); };
      state.worker.postMessage(job);
    });
  }

  // The legend lies over the bottom of the map: its box in the map's pixels, or null if hidden.
  function legendBox() {
    var legend = document.querySelector(".map-area .legend");
    if (!legend || !legend.offsetParent) return null;
    var c = container.getBoundingClientRect(), l = legend.getBoundingClientRect();
    return { x1: l.left - c.left, x2: l.right - c.left, y1: l.top - c.top, y2: l.bottom - c.top };
  }

  // The viewport that fits these positions in the container above the legend (what cy.fit does,
  // without measuring every element): 40 px of padding, and a few nodes are not blown up.
  function fitView(positions, margin) {
    var x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    Object.keys(positions).forEach(function (id) {
      var p = positions[id];
      x1 = Math.min(x1, p.x); x2 = Math.max(x2, p.x); y1 = Math.min(y1, p.y); y2 = Math.max(y2, p.y);
    });
    if (x1 === Infinity) return { zoom: 1, pan: { x: 0, y: 0 } };
    x1 -= margin; y1 -= margin; x2 += margin; y2 += margin;
    var w = container.clientWidth || 800, h = container.clientHeight || 600, legend = legendBox();
    if (legend) h = Math.max(h / 2, Math.min(h, legend.y1));
    var zoom = Math.max(MIN_ZOOM, Math.min(MAX_FIT_ZOOM, (w - 80) / (x2 - x1), (h - 80) / (y2 - y1)));
    return { zoom: zoom, pan: { x: w / 2 - zoom * (x1 + x2) / 2, y: h / 2 - zoom * (y1 + y2) / 2 } };
  }

  function placed(cy) {
    var out = {};
    cy.nodes().forEach(function (n) { out[n.id()] = { x: n.position("x"), y: n.position("y") }; });
    return out;
  }

  function keep(cy) { Object.assign(state.positions, placed(cy)); }

  // Resolves once Cytoscape.js has painted the map (or after a second, if the page is not painting).
  function painted(cy) {
    return new Promise(function (resolve) {
      var timer = setTimeout(resolve, 1000);
      cy.one("render", function () { clearTimeout(timer); resolve(); });
    });
  }

  // Draws the map: built and styled while the layout runs (in the worker, for a large map), inside a
  // batch so that nothing is painted before the nodes have their places; then one paint.
  function draw(data) {
    if (state.layer) { state.layer.destroy(); state.layer = null; }
    if (state.cy) { state.cy.destroy(); state.cy = null; }
    var seq = ++state.layoutSeq, large = data.nodes.length > LARGE, how = placement(data, seq), edges = edgeData(data);
    var cy = state.cy = cytoscape({
      container: container, style: fmStyle.stylesheet(large), minZoom: MIN_ZOOM, maxZoom: 4,
      textureOnViewport: large, pixelRatio: large ? 1 : "auto"
    });
    cy.startBatch();
    cy.add(elements(data, large, edges));  // added, not given to the constructor: no initial layout pass
    performance.mark("fm-built");
    cy.elements().forEach(function (e) { e.pstyle("width"); });  // style now, while the layout runs
    return (how.positions || how.layout).then(function (found) {
      if (seq !== state.layoutSeq) return null;  // a newer drawing took over
      performance.mark("fm-layout");
      if (how.positions) {
        cy.nodes().positions(function (n) { return found[n.id()]; });
        cy.viewport(fitView(found, large ? 12 : 26));
        cy.endBatch();
        if (large) state.layer = fmEdges.attach(cy, edges, { hover: fmTip.showEdge, out: fmTip.hide,
          tap: function (d) { fmPanel.showTie(d.tie); } });
      } else {
        cy.endBatch();
        if (data.nodes.length) {
          cy.layout(found).run();
          cy.viewport(fitView(placed(cy), 30));  // above the legend, like the other views
        }
      }
      return shown(cy, data);
    });
  }

  function shown(cy, data) {
    keep(cy);
    finishDraw(data);
    performance.mark("fm-drawn");
    return painted(cy).then(function () { performance.mark("fm-painted"); });
  }

  function finishDraw(data) {
    var cy = state.cy, focus = form.elements.focus.value;
    if (focus) cy.$id("n" + focus).addClass("focus");
    cy.scratch("labelObstacles", function () { var b = legendBox(); return b ? [b] : []; });
    cy.nodes().sort(function (a, b) { return b.data("degree") - a.data("degree"); }).slice(0, 3).addClass("hub");
    fmLabels.place(cy);
    fmLabels.follow(cy);
    fmTip.bind(cy, document.getElementById("map-tip"), function () { return state.layer; });
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

  // a large selection is drawn page-wise: the groups with the most ties, or the focus's neighbourhood
  function pageNote() {
    var page = state.data && state.data.page;
    container.setAttribute("data-groups", page ? String(page.groups) : "");
    if (!page || !page.truncated) return "";
    return " — the " + page.shown + " most connected of " + page.groups + " groups"
      + (form.elements.focus.value ? " near the focus" : "; focus on a group to see its neighbourhood");
  }

  function report() {
    var cy = state.cy;
    var layer = state.layer, nodes = cy ? cy.nodes().not(".hidden").length : 0;
    var edges = layer ? layer.count() : cy ? cy.edges().not(".hidden").length : 0;
    var undated = layer ? layer.count(function (d) { return d.undated; }) : cy ? cy.edges("[?undated]").not(".hidden").length : 0;
    container.setAttribute("data-visible-edges", String(edges));
    container.setAttribute("data-visible-nodes", String(nodes));
    statusEl.textContent = nodes + " entities, " + edges + " ties shown" + (currentAsOf() ? " as of " + currentAsOf() : "")
      + (undated ? " (" + undated + " undated, drawn faint)" : "")
      + (nodes ? "" : " — no ties match these filters") + pageNote();
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
    if (state.layer) state.layer.show(edgeIds);
    fmLabels.place(cy);
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
      if (!currentAsOf()) {
        state.cy.elements().removeClass("hidden");
        if (state.layer) state.layer.show(null);
        fmLabels.place(state.cy);
        showError(null);
        return report();
      }
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
  document.getElementById("dl-png").addEventListener("click", function () { fmExport.png(state.cy, state.layer); });
  document.getElementById("dl-svg").addEventListener("click", function () { fmExport.svg(state.cy, state.layer); });

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
