/* Sortable, filterable tables: click a header to sort (again to reverse); type to filter rows. */
(function () {
  "use strict";
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("th").forEach(function (th, col) {
      th.setAttribute("tabindex", "0");
      th.setAttribute("aria-sort", "none");
      var sort = function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1, num = th.getAttribute("data-sort") === "num";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
          if (num) return dir * ((parseFloat(x) || 0) - (parseFloat(y) || 0));
          if (!x) return 1;
          if (!y) return -1;
          return dir * x.localeCompare(y);
        });
        rows.forEach(function (r) { body.appendChild(r); });
        table.querySelectorAll("th").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
    });
  });
  var filter = document.getElementById("rel-filter") || document.getElementById("table-filter");
  if (filter) filter.addEventListener("input", function () {
    var q = filter.value.trim().toLowerCase();
    document.querySelectorAll("table.sortable tbody tr").forEach(function (r) {
      r.hidden = q !== "" && r.textContent.toLowerCase().indexOf(q) < 0;
    });
  });
})();
