// Offline search over search-index.js (loaded by a <script> tag: browsers refuse fetch
// from file://). Terms are split exactly as disclose's SearchTokenizer splits them:
// Chinese runs into character bigrams (one character alone stays itself), Latin letters
// and digits into lower-cased words. A record matches when it has every query term;
// title matches rank first, then newer records.
(function () {
  "use strict";
  var data = window.DISCLOSE_SEARCH;
  var form = document.getElementById("search-form");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!data || !form || !list) { return; }
  var root = form.getAttribute("data-root") || "";
  // The sections' names, from the page's own type filter (which the declarations fill).
  // Maps, never plain objects: a query or type named "constructor" or "__proto__" must
  // not find Object.prototype's members.
  var typeNames = new Map();
  var typeOptions = document.querySelectorAll("#search-type option");
  for (var t = 0; t < typeOptions.length; t++) {
    if (typeOptions[t].value) { typeNames.set(typeOptions[t].value, typeOptions[t].textContent); }
  }

  function isHan(c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x2FA1F) || c === 0x3007;
  }
  function wordChar(c) {
    if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) { c -= 0xFEE0; }
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)) { return String.fromCharCode(c).toLowerCase(); }
    if (c >= 0xC0 && c <= 0x24F && /\p{L}/u.test(String.fromCodePoint(c))) { return String.fromCodePoint(c).toLowerCase(); }
    return null;
  }
  function terms(text) {
    var out = [], han = [], word = "";
    function flushHan() {
      if (han.length === 1) { out.push(han[0]); }
      for (var i = 0; i + 1 < han.length; i++) { out.push(han[i] + han[i + 1]); }
      han = [];
    }
    function flushWord() { if (word) { out.push(word); } word = ""; }
    for (var ch of text) {
      var c = ch.codePointAt(0), w;
      if (isHan(c)) { flushWord(); han.push(ch); }
      else if ((w = wordChar(c)) !== null) { flushHan(); word += w; }
      else { flushHan(); flushWord(); }
    }
    flushHan(); flushWord();
    return out;
  }

  var decoded = new Map();
  function hasOwn(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function postings(term) {
    if (decoded.has(term)) { return decoded.get(term); }
    var result = new Map(), encoded = hasOwn(data.terms, term) ? data.terms[term] : undefined;
    if (encoded === undefined && term.length === 1) {
      // One character: every bigram that contains it.
      Object.keys(data.terms).forEach(function (key) {
        if (key.length === 2 && (key[0] === term || key[1] === term)) {
          postings(key).forEach(function (title, id) { result.set(id, result.get(id) === true || title); });
        }
      });
    } else if (typeof encoded === "string") {
      var id = -1;
      encoded.split(",").forEach(function (gap) {
        var title = gap.charAt(gap.length - 1) === "!";
        id += parseInt(title ? gap.slice(0, -1) : gap, 36);
        result.set(id, title);
      });
    }
    decoded.set(term, result);
    return result;
  }

  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }
  function highlight(text, words) {
    var html = escapeHTML(text);
    words.forEach(function (w) {
      var safe = escapeHTML(w).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      if (safe) { html = html.replace(new RegExp(safe, "gi"), function (m) { return "<mark>" + m + "</mark>"; }); }
    });
    return html;
  }
  function snippet(doc, words) {
    var fields = [doc[8], doc[9], doc[5], doc[6], doc[7]];
    for (var i = 0; i < fields.length; i++) {
      var text = fields[i], lower = text.toLowerCase();
      for (var j = 0; j < words.length; j++) {
        var at = lower.indexOf(words[j].toLowerCase());
        if (at >= 0) { return text.slice(Math.max(0, at - 40), at + 80); }
      }
    }
    return doc[8] || doc[9];
  }

  function search(query, type, year) {
    var queryTerms = terms(query);
    if (queryTerms.length === 0) { return []; }
    var unique = queryTerms.filter(function (t, i) { return queryTerms.indexOf(t) === i; });
    var lists = unique.map(postings).sort(function (a, b) { return a.size - b.size; });
    var hits = [];
    lists[0].forEach(function (title, id) {
      var inTitle = title;
      for (var k = 1; k < lists.length; k++) {
        if (!lists[k].has(id)) { return; }
        inTitle = inTitle && lists[k].get(id);
      }
      var doc = data.docs[id];
      if ((type && doc[2] !== type) || (year && doc[3] !== year)) { return; }
      hits.push({ id: id, title: inTitle });
    });
    // Title hits first; then newer first (smaller id is newer).
    hits.sort(function (a, b) { return (b.title - a.title) || (a.id - b.id); });
    return hits;
  }

  // The page's date_style (site.yaml): the index keeps ISO dates; 2012-05-08 is shown
  // as 2012年5月8日 when the site writes dates the Chinese way.
  var chineseDates = list.getAttribute("data-date-style") === "chinese";
  function dateText(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!chineseDates || !parts) { return iso; }
    return parts[1] + "年" + Number(parts[2]) + "月" + Number(parts[3]) + "日";
  }

  function render(query, type, year) {
    var started = performance.now();
    var hits = search(query, type, year);
    var words = query.split(/[\s\u3000,，。、；;:：]+/).filter(Boolean);
    var shown = hits.slice(0, 100);
    list.innerHTML = shown.map(function (hit) {
      var doc = data.docs[hit.id];
      return '<li><a href="' + escapeHTML(root + doc[0]) + '">' + highlight(doc[1], words) + "</a>" +
        // A fixed page (type "page") has no number or date, and names its kind itself.
        '<p class="meta">' + escapeHTML(doc[10] || typeNames.get(doc[2]) || doc[2]) +
        (doc[5] ? " · " + escapeHTML(doc[5]) : "") +
        (doc[4] ? ' · <time datetime="' + escapeHTML(doc[4]) + '">' + escapeHTML(dateText(doc[4])) + "</time>" : "") + "</p>" +
        '<p class="summary">' + highlight(snippet(doc, words), words) + "</p></li>";
    }).join("");
    var elapsed = Math.round(performance.now() - started);
    status.textContent = query ? "找到 " + hits.length + " 条结果" + (hits.length > shown.length ? "（显示前 " + shown.length + " 条）" : "") : "";
    status.setAttribute("data-elapsed-ms", String(elapsed));
  }

  var params = new URLSearchParams(window.location.search);
  var q = params.get("q") || "", t = params.get("type") || "", y = params.get("year") || "";
  form.elements.q.value = q;
  form.elements.type.value = t;
  var years = new Set();
  data.docs.forEach(function (doc) { if (doc[3]) { years.add(String(doc[3])); } });
  Array.from(years).sort().reverse().forEach(function (year) {
    var option = document.createElement("option");
    option.value = year;
    option.textContent = year + "年";
    form.elements.year.appendChild(option);
  });
  form.elements.year.value = y;
  window.discloseSearch = function (query, type, year) { return search(query, type || "", year || "").map(function (h) { return data.docs[h.id][0]; }); };
  if (q) { render(q, t, y); }
}());
