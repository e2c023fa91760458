/* The review queue's keyboard: c confirms, r rejects, s (or j) skips, e opens the correction form,
   ? shows the keys. Each key presses the page's own button, so the forms (with their CSRF token) do
   the work and everything also works without the keyboard. */
(function () {
  "use strict";
  var current = document.getElementById("current-item");
  if (!current) return;
  var keys = {
    c: "#current-item button.confirm",
    r: "#current-item button.reject",
    s: "#current-item a.skip",
    j: "#current-item a.skip"
  };

  function typing(el) {
    return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
  }

  document.addEventListener("keydown", function (evt) {
    if (evt.ctrlKey || evt.metaKey || evt.altKey || typing(evt.target)) return;
    var key = evt.key;
    if (key === "e") {
      var details = current.querySelector("details.correct");
      if (details) { details.open = true; var first = details.querySelector("input[name=start]"); if (first) first.focus(); evt.preventDefault(); }
      return;
    }
    if (key === "?") {
      var help = document.getElementById("keys-help");
      if (help) help.hidden = !help.hidden;
      return;
    }
    var target = keys[key] && document.querySelector(keys[key]);
    if (!target) return;
    evt.preventDefault();
    current.setAttribute("data-state", "sending");
    target.click();
  });
  current.setAttribute("data-keys", "ready");
})();
