/* Tiny DOM helpers for factionmap's pages. Text from documents is untrusted: it only ever goes into
   textContent or attribute values set through the DOM, never into innerHTML. */
(function () {
  "use strict";

  function safeHref(href) {
    // Only this app's own paths: "/entities/3", never "javascript:" or another host.
    return typeof href === "string" && /^\/(?!\/)/.test(href) ? href : "#";
  }

  function h(tag, attrs) {
    var el = document.createElement(tag);
    var key;
    attrs = attrs || {};
    for (key in attrs) {
      if (!Object.prototype.hasOwnProperty.call(attrs, key) || attrs[key] == null || attrs[key] === false) continue;
      if (key === "text") el.textContent = String(attrs[key]);
      else if (key === "href") el.setAttribute("href", safeHref(attrs[key]));
      else if (key === "class") el.className = attrs[key];
      else if (key.slice(0, 2) === "on") el.addEventListener(key.slice(2), attrs[key]);
      else el.setAttribute(key, String(attrs[key]));
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el, child) {
    if (child == null || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
    return el;
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          var detail = body && body.detail;
          throw new Error(typeof detail === "string" ? detail : r.status + " " + r.statusText);
        });
      }
      return r.json();
    });
  }

  function span(tie) {
    var s = tie.start && tie.start.iso, e = tie.end && tie.end.iso;
    if (s && e) return s + " – " + e;
    if (s) return "since " + s;
    if (e) return "until " + e;
    return "dates unknown";
  }

  // Loads a script of this site once; resolves when it has run (for libraries only some views need).
  var scripts = {};
  function script(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve, reject) {
        var el = document.createElement("script");
        el.src = src;
        el.onload = resolve;
        el.onerror = function () { delete scripts[src]; reject(new Error("could not load " + src)); };
        document.head.appendChild(el);
      });
    }
    return scripts[src];
  }

  window.fm = { h: h, append: append, clear: clear, getJSON: getJSON, safeHref: safeHref, span: span, script: script };
})();
