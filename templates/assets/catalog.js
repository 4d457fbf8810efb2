// Filters the catalog page's own items (a facet page's rows, at most 100, or the
// catalog home's topics, publishers, types and years) and sorts a facet page's table.
// It never walks more than one page holds; every item is reachable without it.
(function () {
  "use strict";
  var container = document.getElementById("catalog");
  var form = document.querySelector(".catalog-filter");
  if (!container || !form) { return; }
  var items = Array.prototype.slice.call(container.querySelectorAll("[data-filter-item]"));
  var query = document.getElementById("catalog-query");
  var status = form.querySelector(".catalog-status");
  form.hidden = false;

  // A date sorts by its ISO datetime, whatever date_style the page shows it in.
  function sortKey(cell) {
    var time = cell.querySelector("time");
    return time ? time.getAttribute("datetime") : cell.textContent;
  }

  function apply() {
    var q = query.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (item) {
      var match = !q || item.textContent.toLowerCase().indexOf(q) !== -1;
      item.hidden = !match;
      if (match) { shown += 1; }
    });
    status.textContent = "显示 " + shown + " / " + items.length + " 项";
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  query.addEventListener("input", apply);

  var table = container.tHead ? container : null;
  if (table) {
    var body = table.tBodies[0];
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, column) {
      if (!cell.hasAttribute("data-sort")) { return; }
      cell.tabIndex = 0;
      var ascending = true;
      function sort() {
        items.sort(function (a, b) {
          var x = sortKey(a.cells[column]), y = sortKey(b.cells[column]);
          return ascending ? x.localeCompare(y, "zh-CN") : y.localeCompare(x, "zh-CN");
        });
        items.forEach(function (row) { body.appendChild(row); });
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
        cell.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        ascending = !ascending;
      }
      cell.addEventListener("click", sort);
      cell.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
      });
    });
  }
  apply();
}());
