/* Under the time slider: a histogram of dated ties per year and year ticks, as SVG drawn through the
   DOM (no inline styles: the page's CSP forbids them). */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function el(tag, attrs) {
    var e = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }

  function draw(svg, months, histogram) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var W = svg.clientWidth || 240, H = 48, BARS = 28;
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    if (!months.length) return;
    var slots = months.length + 1;  // the slider's last position is "all dates"
    var x = function (i) { return (i + 0.5) / slots * W; };
    var first = +months[0].slice(0, 4), last = +months[months.length - 1].slice(0, 4);
    var max = Math.max.apply(null, histogram.map(function (h) { return h.ties; }).concat([1]));
    histogram.forEach(function (h) {
      var i = months.indexOf(h.year + "-01");
      if (i < 0) i = h.year < first ? 0 : (h.year > last ? -1 : months.length - 1);
      if (i < 0) return;
      var span = Math.min(12, months.length - i), height = Math.max(1, h.ties / max * BARS);
      var bar = el("rect", { x: x(i) - W / slots / 2, y: BARS - height, width: Math.max(1, span * W / slots - 1),
        height: height, class: "hist-bar" });
      bar.appendChild(el("title", {})).textContent = h.year + ": " + h.ties + " dated ties begin";
      svg.appendChild(bar);
    });
    var years = last - first + 1, step = Math.max(1, Math.ceil(years / 8));
    for (var y = first; y <= last; y += 1) {
      var i = months.indexOf(y + "-01");
      if (i < 0) continue;
      var major = (y - first) % step === 0;
      svg.appendChild(el("line", { x1: x(i), x2: x(i), y1: BARS + 2, y2: BARS + (major ? 10 : 5), class: "tick" }));
      if (major) {
        var t = el("text", { x: x(i), y: H - 2, class: "tick-label", "text-anchor": "middle" });
        t.textContent = String(y);
        svg.appendChild(t);
      }
    }
  }

  window.fmTime = { draw: draw };
})();
