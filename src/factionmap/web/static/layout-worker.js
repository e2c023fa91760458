/* Lays out large maps off the main thread with fmForce (d3-force) while the page builds the drawing;
   the same job gives the same positions on every load. */
/* global importScripts, fmForce */
importScripts("/static/vendor/d3-dispatch.min.js", "/static/vendor/d3-quadtree.min.js", "/static/vendor/d3-timer.min.js",
  "/static/vendor/d3-force.min.js", "/static/force-layout.js");

self.onmessage = function (msg) {
  self.postMessage({ id: msg.data.id, positions: fmForce.run(msg.data) });
};
