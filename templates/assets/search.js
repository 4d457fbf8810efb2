// Offline search over the sharded index under search-index/ (see disclose's
// SearchShards): meta.js is loaded by the page; the shards of a query's terms and of the
// documents it shows are loaded on demand by <script> elements (browsers refuse fetch
// from file://), so what a query loads does not grow with the site. Terms are split
// exactly as disclose's SearchTokenizer splits them: Chinese runs into character
// bigrams (one character alone stays itself), Latin letters and digits into lower-cased
// words. A record matches when it has every query term; title matches rank first, then
// newer records.
(function () {
  "use strict";
  var meta = window.DISCLOSE_SEARCH_META;
  var form = document.getElementById("search-form");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var unreadable = "无法读取搜索索引，请改用政府信息公开目录查找。";
  if (!form || !list) { return; }
  // A site's own search page still loading the whole index (search-index.js) instead
  // of search-index/meta.js: say so rather than find nothing.
  if (!meta) { if (status) { status.textContent = unreadable; } return; }
  var root = form.getAttribute("data-root") || "";
  // The sections' names, from the page's own type filter (which the declarations fill).
  // Maps, never plain objects: a query or type named "constructor" or "__proto__" must
  // not find Object.prototype's members.
  var typeNames = new Map();
  var typeOptions = document.querySelectorAll("#search-type option");
  for (var t = 0; t < typeOptions.length; t++) {
    if (typeOptions[t].value) { typeNames.set(typeOptions[t].value, typeOptions[t].textContent); }
  }

  // Each document's type and year, for the filters.
  var docType = [], docYear = [];
  (meta.filters ? meta.filters.split(",") : []).forEach(function (code) {
    var n = parseInt(code, 36);
    docType.push(meta.types[Math.floor(n / meta.years.length)]);
    docYear.push(meta.years[n % meta.years.length]);
  });

  // Shards: each script calls DISCLOSE_SEARCH_SHARD(name, data) when it runs.
  var shards = new Map(), loading = new Map();
  window.DISCLOSE_SEARCH_SHARD = function (name, data) { shards.set(name, data); };
  function load(name) {
    if (loading.has(name)) { return loading.get(name); }
    var promise = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = root + "search-index/" + name + ".js";
      script.onload = function () { shards.has(name) ? resolve(shards.get(name)) : reject(new Error(name)); };
      script.onerror = function () { reject(new Error(name)); };
      document.head.appendChild(script);
    });
    loading.set(name, promise);
    return promise;
  }
  var encoder = new TextEncoder();
  // FNV-1a of the term's UTF-8, as SearchShards.hash.
  function termShard(term) {
    var bytes = encoder.encode(term), hash = 0x811C9DC5;
    for (var i = 0; i < bytes.length; i++) { hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0; }
    return "t-" + (hash & (meta.termShards - 1));
  }
  function docShard(id) { return "d-" + Math.floor(id / meta.documentsPerShard); }
  function doc(id) { return shards.get(docShard(id))[id % meta.documentsPerShard]; }

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
  // Postings as two typed arrays, ids ascending: at 100,000 records a common term has
  // tens of thousands, and a Map of them cost more than loading its shard.
  function decode(encoded) {
    var count = 1, i;
    for (i = 0; i < encoded.length; i++) { if (encoded.charCodeAt(i) === 44) { count++; } }
    var ids = new Int32Array(count), titles = new Uint8Array(count);
    var id = -1, gap = 0, title = 0, k = 0;
    for (i = 0; i < encoded.length; i++) {
      var c = encoded.charCodeAt(i);
      if (c === 44) { id += gap; ids[k] = id; titles[k] = title; k++; gap = 0; title = 0; }
      else if (c === 33) { title = 1; }
      else { gap = gap * 36 + (c <= 57 ? c - 48 : c - 87); }
    }
    id += gap; ids[k] = id; titles[k] = title;
    return { ids: ids, titles: titles };
  }
  var none = { ids: new Int32Array(0), titles: new Uint8Array(0) };
  // A term's postings, from its shard (loaded): its own, or for one character that is no
  // term itself, the union of the two-character terms that contain it.
  function postings(term) {
    if (decoded.has(term)) { return decoded.get(term); }
    var shard = shards.get(termShard(term)), result = none;
    if (hasOwn(shard.t, term)) { result = decode(shard.t[term]); }
    else if (term.length === 1 && hasOwn(shard.u, term)) { result = decode(shard.u[term]); }
    decoded.set(term, result);
    return result;
  }

  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }
  // Every word's matches are found in the raw text first, overlapping ones merged, and
  // only then is each piece escaped: a word is never matched inside the markup or an
  // entity that escaping or an earlier word made ("mark", "amp", "lt").
  function highlight(text, words) {
    var ranges = [];
    words.forEach(function (w) {
      if (!w) { return; }
      var pattern = new RegExp(w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), m;
      while ((m = pattern.exec(text)) !== null) {
        if (!m[0].length) { pattern.lastIndex++; continue; }
        ranges.push([m.index, m.index + m[0].length]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var html = "", at = 0, i = 0;
    while (i < ranges.length) {
      var start = Math.max(ranges[i][0], at), end = ranges[i][1];
      for (i++; i < ranges.length && ranges[i][0] < end; i++) { end = Math.max(end, ranges[i][1]); }
      if (end <= start) { continue; }
      html += escapeHTML(text.slice(at, start)) + "<mark>" + escapeHTML(text.slice(start, end)) + "</mark>";
      at = end;
    }
    return html + escapeHTML(text.slice(at));
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

  // The shards a query's terms need.
  function loadTerms(query) {
    return Promise.all(Array.from(new Set(terms(query).map(termShard))).map(load));
  }
  function search(query, type, year) {
    var queryTerms = terms(query);
    if (queryTerms.length === 0) { return []; }
    var unique = queryTerms.filter(function (t, i) { return queryTerms.indexOf(t) === i; });
    var lists = unique.map(postings).sort(function (a, b) { return a.ids.length - b.ids.length; });
    // Every list is ascending: walk the shortest, and each other one along with it.
    var first = lists[0], at = lists.map(function () { return 0; });
    var titleHits = [], otherHits = [];
    for (var i = 0; i < first.ids.length; i++) {
      var id = first.ids[i], inTitle = first.titles[i] === 1, found = true;
      for (var k = 1; k < lists.length; k++) {
        var other = lists[k], j = at[k];
        while (j < other.ids.length && other.ids[j] < id) { j++; }
        at[k] = j;
        if (j === other.ids.length || other.ids[j] !== id) { found = false; break; }
        inTitle = inTitle && other.titles[j] === 1;
      }
      if (!found || (type && docType[id] !== type) || (year && docYear[id] !== year)) { continue; }
      (inTitle ? titleHits : otherHits).push({ id: id, title: inTitle });
    }
    // Title hits first; then newer first (smaller id is newer).
    return titleHits.concat(otherHits);
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
    return loadTerms(query).then(function () {
      var hits = search(query, type, year);
      var shown = hits.slice(0, 100);
      return Promise.all(Array.from(new Set(shown.map(function (hit) { return docShard(hit.id); }))).map(load)).then(function () {
        show(query, hits, shown, started);
      });
    }).catch(function () {
      status.textContent = unreadable;
    });
  }
  function show(query, hits, shown, started) {
    var words = query.split(/[\s\u3000,，。、；;:：]+/).filter(Boolean);
    list.innerHTML = shown.map(function (hit) {
      var d = doc(hit.id);
      return '<li><a href="' + escapeHTML(root + d[0]) + '">' + highlight(d[1], words) + "</a>" +
        // A fixed page (type "page") has no number or date, and names its kind itself.
        '<p class="meta">' + escapeHTML(d[10] || typeNames.get(d[2]) || d[2]) +
        (d[5] ? " · " + escapeHTML(d[5]) : "") +
        (d[4] ? ' · <time datetime="' + escapeHTML(d[4]) + '">' + escapeHTML(dateText(d[4])) + "</time>" : "") + "</p>" +
        '<p class="summary">' + highlight(snippet(d, words), words) + "</p></li>";
    }).join("");
    var elapsed = Math.round(performance.now() - started);
    status.textContent = query ? "找到 " + hits.length + " 条结果" + (hits.length > shown.length ? "（显示前 " + shown.length + " 条）" : "") : "";
    status.setAttribute("data-elapsed-ms", String(elapsed));
  }

  var params = new URLSearchParams(window.location.search);
  var q = params.get("q") || "", t = params.get("type") || "", y = params.get("year") || "";
  form.elements.q.value = q;
  form.elements.type.value = t;
  meta.years.filter(Boolean).slice().sort().reverse().forEach(function (year) {
    var option = document.createElement("option");
    option.value = year;
    option.textContent = year + "年";
    form.elements.year.appendChild(option);
  });
  form.elements.year.value = y;
  // The paths of a query's hits, best first (a promise: the shards load first).
  window.discloseSearch = function (query, type, year) {
    return loadTerms(query).then(function () {
      return search(query, type || "", year || "").map(function (h) { return h.id; });
    }).then(function (ids) {
      return Promise.all(Array.from(new Set(ids.map(docShard))).map(load)).then(function () {
        return ids.map(function (id) { return doc(id)[0]; });
      });
    });
  };
  // What the form does, for a benchmark: search and show (a promise).
  window.discloseSearchShow = render;
  if (q) { render(q, t, y); }
}());
