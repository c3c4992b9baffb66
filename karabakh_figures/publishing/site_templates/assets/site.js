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
// use, as scripts, so that it works from disk as well as served, and lists the sections that match, each with the
// words around the term, marked. Sections of pages that hold every term come first.
var SEARCH_RESULTS = 12;
var SNIPPET_BEFORE = 60, SNIPPET_AFTER = 110;
var searchIndex = null;
// A number's thousands separators, so that "115183" finds "115,183" (and "115,183" finds it too).
var DIGIT_SEPARATOR = /(\d)[,\u00a0\u202f\u2009](?=\d{3}(?!\d))/g;
var SEPARATOR_CLASS = "[,\u00a0\u202f\u2009]?";

// The words of a text, as the index and a query are split: MiniSearch's own split, numbers kept whole.
function searchWords(text) { return MiniSearch.getDefault("tokenize")(text.replace(DIGIT_SEPARATOR, "$1")); }

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
                                    tokenize: searchWords,
                                    searchOptions: {prefix: true, fuzzy: 0.1, boost: {page: 2, section: 1.5}}});
      searchIndex.addAll(window.KARABAKH_SEARCH);
      done(searchIndex);
    });
  });
}

// A pattern that finds any of `terms` in a text as it is written: a number with or without its separators.
function termsPattern(terms, flags) {
  var patterns = terms.filter(Boolean).map(function (term) {
    var escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return /^\d+$/.test(term) ? term.split("").join(SEPARATOR_CLASS) : escaped;
  });
  return patterns.length ? new RegExp(patterns.join("|"), flags) : null;
}

// The words around the first of `terms` in `text`, each term in it marked.
function snippet(text, terms) {
  var pattern = termsPattern(terms, "iu");
  var found = pattern ? pattern.exec(text) : null;
  var start = found ? Math.max(0, found.index - SNIPPET_BEFORE) : 0;
  var end = Math.min(text.length, (found ? found.index + found[0].length : 0) + SNIPPET_AFTER);
  var part = text.slice(start, end);
  var shown = document.createElement("span");
  shown.className = "snippet";
  shown.append(start > 0 ? "…" : "");
  var marking = termsPattern(terms, "giu"), last = 0, match;
  while (marking && (match = marking.exec(part)) !== null && match[0]) {
    var mark = document.createElement("mark");
    mark.textContent = match[0];
    shown.append(part.slice(last, match.index), mark);
    last = match.index + match[0].length;
  }
  shown.append(part.slice(last), end < text.length ? "…" : "");
  return shown;
}

// Sections holding every term first, then sections of pages that hold every term, then the rest, each by score.
function ranked(found, termCount) {
  var pageTerms = {};
  found.forEach(function (result) {
    var page = result.url.split("#")[0];
    pageTerms[page] = pageTerms[page] || {};
    result.queryTerms.forEach(function (term) { pageTerms[page][term] = true; });
  });
  function rank(result) {
    if (result.queryTerms.length >= termCount) { return 2; }
    return Object.keys(pageTerms[result.url.split("#")[0]]).length >= termCount ? 1 : 0;
  }
  return found.map(function (result, order) { return {result: result, rank: rank(result), order: order}; })
    .sort(function (a, b) { return b.rank - a.rank || a.order - b.order; })
    .map(function (ranking) { return ranking.result; });
}

// A result's address: its section, with the terms to mark there.
function landing(root, result) {
  var parts = result.url.split("#");
  return root + parts[0] + "?mark=" + encodeURIComponent(result.terms.join(" ")) + (parts[1] ? "#" + parts[1] : "");
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
    link.href = landing(root, result);
    link.textContent = result.page + (result.section ? " · " + result.section : "");
    item.append(link, snippet(window.KARABAKH_SEARCH[result.id].text, result.terms));
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
    withSearchIndex(root, function (index) {
      var terms = new Set(searchWords(query).map(function (term) { return term.toLowerCase(); })
                          .filter(Boolean));
      showResults(list, root, query, query ? ranked(index.search(query), terms.size) : []);
    });
  });
}

// A page opened from a search result (?mark=terms#section): the terms marked in that section, the first in view.
function markLanding() {
  var terms = new URLSearchParams(location.search).get("mark");
  var pattern = terms ? termsPattern(terms.split(" "), "giu") : null;
  if (!pattern) { return; }
  // An id may hold what looks like an escape (nbconvert writes "%E2%80%93" for a dash): the hash as written first.
  var hash = location.hash.slice(1);
  var start = (hash && (document.getElementById(hash) || document.getElementById(decodeURIComponent(hash)))) ||
              document.querySelector("main");
  var walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  var texts = [], node;
  walker.currentNode = start;
  // From the section's heading to the next one, or through the <section> opened (or the page, without one).
  while ((node = walker.nextNode()) !== null) {
    var element = node.parentElement;
    if (start.tagName === "H2" ? element.closest("h2") && element.closest("h2") !== start : !start.contains(node)) {
      break;
    }
    if (!element.closest(".source-code, script, style, nav, [hidden]")) { texts.push(node); }
  }
  var marks = [];
  texts.forEach(function (text) {
    var content = text.nodeValue, last = 0, match, pieces = [];
    pattern.lastIndex = 0;
    while ((match = pattern.exec(content)) !== null && match[0]) {
      var mark = document.createElement("mark");
      mark.className = "search-mark";
      mark.textContent = match[0];
      pieces.push(document.createTextNode(content.slice(last, match.index)), mark);
      marks.push(mark);
      last = match.index + match[0].length;
    }
    if (pieces.length) {
      pieces.push(document.createTextNode(content.slice(last)));
      text.replaceWith.apply(text, pieces);
    }
  });
  if (!marks.length) { return; }
  var show = function () { marks[0].scrollIntoView({block: "center"}); };
  show();
  window.addEventListener("load", show);
}

// On a phone the pages' links open from a menu button.
function addMenu(button) {
  var menu = document.getElementById(button.getAttribute("aria-controls"));
  button.addEventListener("click", function () {
    var open = menu.classList.toggle("open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
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
  document.querySelectorAll(".menu-button").forEach(addMenu);
  markLanding();
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
