/* A seeded Math.random for layouts: the same data gives the same positions on every load.
   Used by the page and by the layout worker (importScripts). */
(function (root) {
  "use strict";
  function mulberry32(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  // Run fn with Math.random seeded; the real one comes back afterwards, even on error.
  function withSeed(seed, fn) {
    var real = Math.random;
    Math.random = mulberry32(seed);
    try { return fn(); } finally { Math.random = real; }
  }
  function hash(text) {
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
    return h >>> 0;
  }
  root.fmSeed = { withSeed: withSeed, hash: hash, rng: mulberry32 };
})(typeof self !== "undefined" ? self : window);
