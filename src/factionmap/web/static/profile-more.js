/* A profile's "More ties" control: the next page of ties (the server's page, most cited first) read
   in the background and added under those shown, in the relationships table and the timeline. Without
   JavaScript the link opens that page. */
(function () {
  "use strict";
  function control() { return document.querySelector("#more-ties a.more"); }
  function more(event) {
    var link = event.target.closest("#more-ties a.more");
    if (!link) return;
    event.preventDefault();
    if (link.getAttribute("aria-busy") === "true") return;
    link.setAttribute("aria-busy", "true");
    fetch(link.href, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html");
        var rows = document.querySelector("#relationships tbody");
        next.querySelectorAll("#relationships tbody tr").forEach(function (tr) { rows.appendChild(document.adoptNode(tr)); });
        var timeline = document.querySelector("ol.timeline");
        if (timeline) next.querySelectorAll("ol.timeline > li").forEach(function (li) { timeline.appendChild(document.adoptNode(li)); });
        var shown = document.querySelector(".ties-shown"), nextShown = next.querySelector(".ties-shown");
        if (shown && nextShown) shown.textContent = shown.textContent.split("–")[0] + "–" + nextShown.textContent.split("–")[1];
        var here = document.getElementById("more-ties"), after = next.getElementById("more-ties");
        if (after) here.replaceWith(document.adoptNode(after)); else here.remove();
      })
      .catch(function (err) {
        link.removeAttribute("aria-busy");
        link.textContent = "More ties (could not load: " + err.message + "; try again)";
      });
  }
  if (control()) document.addEventListener("click", more);
})();
