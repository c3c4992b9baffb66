// Code is hidden by default; one button per page shows or hides it. Without JavaScript, code stays visible.
// A long table gets a filter: a reader types a word and sees only the rows that contain it.
document.documentElement.classList.replace("no-js", "js");
var LONG_TABLE_ROWS = 15;

function addFilter(table, number) {
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var box = table.closest(".table-scroll") || table;
  var label = document.createElement("label");
  label.className = "table-filter";
  var input = document.createElement("input");
  input.type = "search";
  input.id = "table-filter-" + number;
  var count = document.createElement("span");
  count.setAttribute("aria-live", "polite");
  count.textContent = rows.length + " rows";
  label.append("Show only rows containing ", input, count);
  box.parentNode.insertBefore(label, box);
  input.addEventListener("input", function () {
    var wanted = input.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var match = !wanted || row.textContent.toLowerCase().indexOf(wanted) !== -1;
      row.hidden = !match;
      shown += match ? 1 : 0;
    });
    count.textContent = wanted ? shown + " of " + rows.length + " rows" : rows.length + " rows";
  });
}

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("table.report-table").forEach(function (table, number) {
    if (table.tBodies.length && table.tBodies[0].rows.length > LONG_TABLE_ROWS) { addFilter(table, number); }
  });
  var button = document.getElementById("toggle-code");
  if (!button) { return; }
  button.addEventListener("click", function () {
    var shown = document.body.classList.toggle("show-code");
    button.setAttribute("aria-pressed", shown ? "true" : "false");
    button.textContent = shown ? "Hide code" : "Show code";
  });
});
