/* The document viewer: a passage selected in the text becomes the citation of a tie added by hand.
   Each piece of the text carries its offset in the document (data-o), so the selection's offsets are
   the document's own, whatever the markup around it. */
(function () {
  "use strict";
  var text = document.getElementById("doc-text");
  var form = document.getElementById("add-tie-form");
  if (!text || !form) return;
  var startEl = document.getElementById("sel-start"), endEl = document.getElementById("sel-end");
  var quoteEl = document.getElementById("sel-quote"), submit = document.getElementById("add-tie-submit");

  function offsetOf(node, offset) {
    // The document offset of a point (a text node and an offset in it) inside #doc-text.
    var el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    while (el && el !== text && !el.hasAttribute("data-o")) el = el.parentElement;
    if (!el || el === text) return null;
    if (node.nodeType !== Node.TEXT_NODE) {
      // a point between children: count the text before it
      var before = 0;
      for (var i = 0; i < offset && i < node.childNodes.length; i++) before += node.childNodes[i].textContent.length;
      return +el.getAttribute("data-o") + before;
    }
    return +el.getAttribute("data-o") + offset;
  }

  function update() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    var range = sel.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
    var a = offsetOf(range.startContainer, range.startOffset), b = offsetOf(range.endContainer, range.endOffset);
    if (a === null || b === null || b <= a) return;
    startEl.value = String(a);
    endEl.value = String(b);
    quoteEl.textContent = sel.toString();
    quoteEl.className = "selected-quote";
    submit.disabled = false;
    text.setAttribute("data-selection", a + "-" + b);
  }

  document.addEventListener("selectionchange", update);
  text.addEventListener("mouseup", update);
  text.addEventListener("keyup", update);
})();
