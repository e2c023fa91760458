/* Lays out large maps off the main thread: headless Cytoscape.js + fcose under a seeded Math.random,
   positions posted back. The page builds its drawing at the same time, so layout and drawing overlap. */
/* global importScripts, cytoscape, cytoscapeFcose, fmSeed */
importScripts("/static/vendor/cytoscape.min.js", "/static/vendor/layout-base.js", "/static/vendor/cose-base.js",
  "/static/vendor/cytoscape-fcose.js", "/static/seeded.js");
cytoscape.use(cytoscapeFcose);

self.onmessage = function (msg) {
  var job = msg.data;
  var cy = cytoscape({
    headless: true, styleEnabled: true, elements: job.elements,
    style: [{ selector: "node", style: { width: job.nodeSize, height: job.nodeSize } }]
  });
  if (job.preset) cy.nodes().positions(function (n) { return job.preset[n.id()] || { x: 0, y: 0 }; });
  var options = job.options;
  options.idealEdgeLength = function (e) { return e.data("short") ? job.edgeLength * 0.5 : job.edgeLength; };
  fmSeed.withSeed(job.seed, function () { cy.layout(options).run(); });
  var positions = {};
  cy.nodes().forEach(function (n) { positions[n.id()] = n.position(); });
  self.postMessage({ id: job.id, positions: positions });
  cy.destroy();
};
