/* The layout of large maps: a force-directed layout (d3-force, Barnes-Hut repulsion) that is cheap and
   deterministic. Nodes come in a fixed order, start at fixed places (next to a kept neighbour, or on a
   spiral in breadth-first order from the hubs, so that neighbours start near each other) and d3-force's
   own randomness is seeded. Kept nodes are pinned where they were.
   It runs in the layout worker (layout-worker.js); the page uses startPositions for its small maps and
   runs the whole layout itself if workers are unavailable. */
(function (root) {
  "use strict";
  var GOLDEN = Math.PI * (3 - Math.sqrt(5)), THETA = 1.5;

  // Start positions for `ids` (in order); links are [i, j] pairs of indexes; known maps id -> {x, y}.
  function startPositions(ids, links, known, spacing) {
    var n = ids.length, adj = [], degree = [], out = {}, i;
    for (i = 0; i < n; i++) { adj.push([]); degree.push(0); }
    links.forEach(function (l) { adj[l[0]].push(l[1]); adj[l[1]].push(l[0]); degree[l[0]]++; degree[l[1]]++; });
    var byDegree = ids.map(function (_, k) { return k; }).sort(function (a, b) { return degree[b] - degree[a] || a - b; });
    var seen = new Array(n), order = [], k, q, head;
    for (k = 0; k < n; k++) {
      var root0 = byDegree[k];
      if (seen[root0]) continue;
      seen[root0] = true;
      q = [root0];
      for (head = 0; head < q.length; head++) {
        order.push(q[head]);
        adj[q[head]].forEach(function (j) { if (!seen[j]) { seen[j] = true; q.push(j); } });
      }
    }
    var spiral = 0;
    order.forEach(function (j) {
      var id = ids[j];
      if (known[id]) { out[id] = { x: known[id].x, y: known[id].y }; return; }
      var near = null;
      for (var m = 0; m < adj[j].length && !near; m++) near = known[ids[adj[j][m]]] || null;
      var a = spiral * GOLDEN, r = spacing * Math.sqrt(spiral + 0.5);
      spiral += 1;
      out[id] = near ? { x: near.x + spacing * Math.cos(a), y: near.y + spacing * Math.sin(a) }
        : { x: r * Math.cos(a), y: r * Math.sin(a) };
    });
    return out;
  }

  function snapshot(nodes) {
    var out = {};
    nodes.forEach(function (d) { out[d.id] = { x: Math.round(d.x * 100) / 100, y: Math.round(d.y * 100) / 100 }; });
    return out;
  }

  // job: {ids, links: [[i, j, short]], known: {id: {x, y}}, length, ticks} -> {id: {x, y}}
  function run(job) {
    var d3 = root.d3, L = job.length;
    var start = startPositions(job.ids, job.links, job.known || {}, L / 2);
    var nodes = job.ids.map(function (id) {
      var p = start[id], d = { id: id, x: p.x, y: p.y };
      if (job.known && job.known[id]) { d.fx = p.x; d.fy = p.y; }
      return d;
    });
    var links = job.links.map(function (l) { return { source: l[0], target: l[1], short: l[2] }; });
    var sim = d3.forceSimulation(nodes).stop()
      .force("charge", d3.forceManyBody().strength(-2.2 * L).theta(THETA).distanceMax(12 * L))
      .force("link", d3.forceLink(links).distance(function (l) { return l.short ? L / 2 : L; }).strength(0.25))
      .force("x", d3.forceX(0).strength(0.03))
      .force("y", d3.forceY(0).strength(0.03))
      .alphaDecay(1 - Math.pow(0.002, 1 / job.ticks));
    var spread = Math.round(job.ticks * 0.75);
    sim.tick(spread);
    sim.force("collide", d3.forceCollide(L / 5).iterations(1)).tick(job.ticks - spread);  // then no overlaps
    return snapshot(nodes);
  }

  root.fmForce = { run: run, startPositions: startPositions };
})(typeof self !== "undefined" ? self : window);
