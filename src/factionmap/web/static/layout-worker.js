/* Lays out large maps off the main thread: headless Cytoscape.js + fcose, positions posted back.
   The page builds its drawing at the same time, so layout and drawing overlap. */
/* global importScripts, cytoscape, cytoscapeFcose */
importScripts("/static/vendor/cytoscape.min.js", "/static/vendor/layout-base.js", "/static/vendor/cose-base.js",
  "/static/vendor/cytoscape-fcose.js");
cytoscape.use(cytoscapeFcose);

self.onmessage = function (msg) {
  var job = msg.data;
  var cy = cytoscape({
    headless: true, styleEnabled: true, elements: job.elements,
    style: [{ selector: "node", style: { width: job.nodeSize, height: job.nodeSize } }]
  });
  cy.layout(job.options).run();
  var positions = {};
  cy.nodes().forEach(function (n) { positions[n.id()] = n.position(); });
  self.postMessage({ id: job.id, positions: positions });
  cy.destroy();
};
