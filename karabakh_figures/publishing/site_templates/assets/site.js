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

// Search: the box loads MiniSearch and the pages' text (search-index.js, written when the site is built) on first
// use, as scripts, so that it works from disk as well as served, and lists the sections that match.
var SEARCH_RESULTS = 12;
var searchIndex = null;

function loadScript(source, done) {
  var script = document.createElement("script");
  script.src = source;
  script.onload = done;
  document.head.appendChild(script);
}

function withSearchIndex(root, done) {
  if (searchIndex) { done(searchIndex); return; }
  loadScript(root + "assets/vendor/minisearch-7.2.0.js", function () {
    loadScript(root + "search-index.js", function () {
      searchIndex = new MiniSearch({fields: ["page", "section", "text"], storeFields: ["url", "page", "section"],
                                    searchOptions: {prefix: true, fuzzy: 0.1, boost: {page: 2, section: 1.5}}});
      searchIndex.addAll(window.KARABAKH_SEARCH);
      done(searchIndex);
    });
  });
}

function showResults(list, root, query, found) {
  list.textContent = "";
  if (!query) { return; }
  var count = document.createElement("p");
  count.textContent = found.length ? found.length + " sections match; the first " +
    Math.min(found.length, SEARCH_RESULTS) + ":" : "Nothing matches “" + query + "”.";
  list.appendChild(count);
  var items = document.createElement("ul");
  found.slice(0, SEARCH_RESULTS).forEach(function (result) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = root + result.url;
    link.textContent = result.page + (result.section ? " · " + result.section : "");
    item.appendChild(link);
    items.appendChild(item);
  });
  list.appendChild(items);
}

function addSearch(form) {
  var box = form.querySelector("input[type=search]");
  var list = form.querySelector(".search-results");
  var root = form.getAttribute("data-root");
  box.addEventListener("input", function () {
    var query = box.value.trim();
    withSearchIndex(root, function (index) { showResults(list, root, query, query ? index.search(query) : []); });
  });
}

// The Sources page: show only the sources read in one way, or on pages that one kind of host runs.
function addSourceFilter(form) {
  var status = form.querySelector("#filter-status");
  var party = form.querySelector("#filter-party");
  var count = form.querySelector("#filter-count");
  var sources = Array.prototype.slice.call(document.querySelectorAll(".source-list > li"));
  function apply() {
    var shown = 0;
    sources.forEach(function (source) {
      var match = (!status.value || source.getAttribute("data-status") === status.value) &&
                  (!party.value || source.getAttribute("data-party") === party.value);
      source.hidden = !match;
      shown += match ? 1 : 0;
    });
    count.textContent = shown + " of " + sources.length + " sources";
  }
  status.addEventListener("change", apply);
  party.addEventListener("change", apply);
  apply();
}

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form.site-search").forEach(addSearch);
  document.querySelectorAll("form.source-filter").forEach(addSourceFilter);
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
