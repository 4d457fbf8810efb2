// Filters and sorts the disclosure catalog in place; the table works without it.
(function () {
  "use strict";
  var table = document.getElementById("catalog");
  var form = document.querySelector(".catalog-filter");
  if (!table || !form) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var query = document.getElementById("catalog-query");
  var type = document.getElementById("catalog-type");
  var status = form.querySelector(".catalog-status");
  form.hidden = false;

  // A date sorts by its ISO datetime, whatever date_style the page shows it in.
  function sortKey(cell) {
    var time = cell.querySelector("time");
    return time ? time.getAttribute("datetime") : cell.textContent;
  }

  function apply() {
    var q = query.value.trim().toLowerCase();
    var t = type.value;
    var shown = 0;
    rows.forEach(function (row) {
      var match = (!t || row.getAttribute("data-type") === t) &&
        (!q || row.textContent.toLowerCase().indexOf(q) !== -1);
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    status.textContent = "显示 " + shown + " / " + rows.length + " 条";
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  query.addEventListener("input", apply);
  type.addEventListener("change", apply);

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, column) {
    if (!cell.hasAttribute("data-sort")) { return; }
    cell.tabIndex = 0;
    var ascending = true;
    function sort() {
      rows.sort(function (a, b) {
        var x = sortKey(a.cells[column]), y = sortKey(b.cells[column]);
        return ascending ? x.localeCompare(y, "zh-CN") : y.localeCompare(x, "zh-CN");
      });
      rows.forEach(function (row) { body.appendChild(row); });
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
      cell.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      ascending = !ascending;
    }
    cell.addEventListener("click", sort);
    cell.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
    });
  });
  apply();
}());
