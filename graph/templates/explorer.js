/* citegraph explorer: the page's own script.
 * Every text that comes from a document is put on screen with textContent,
 * never as HTML. The data is read from the JSON block with JSON.parse. */
(function () {
  "use strict";
  var T0 = performance.now();
  var DATA = JSON.parse(document.getElementById("citegraph-data").textContent);
  var META = DATA.meta;
  var TIMES = { parsed: performance.now() };
  var SHAPE_GLYPH = { dot: "\u25CF", diamond: "\u25C6", square: "\u25A0", star: "\u2605",
    triangle: "\u25B2", triangleDown: "\u25BC", hexagon: "\u2B22" };
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(n) { return Number(n).toLocaleString("en"); }
  function plural(n, one, many) { return fmt(n) + " " + (n === 1 ? one : many); }

  // ------------------------------------------------------------------ indexes
  // the JSON leaves out empty fields and what can be rebuilt: put them back
  var COLOR = {}, SHAPE = {};
  META.bodies.forEach(function (b) { COLOR[b.name] = b.color; });
  META.kinds.forEach(function (k) { SHAPE[k.name] = k.shape; });
  var byId = new Map();
  DATA.nodes.forEach(function (n) {
    n.label = n.label || n.id; n.title = n.title || ""; n.date = n.date || ""; n.session = n.session || "";
    n.file = n.file || ""; n.in_corpus = !!n.in_corpus; n.cited = n.cited || 0; n.cites = n.cites || 0;
    if (n.year === undefined) n.year = null;
    if (n.url === undefined) n.url = "https://undocs.org/en/" + n.id;
    n.color = COLOR[n.body]; n.shape = SHAPE[n.kind];
    byId.set(n.id, n); n._lc = n.id.toLowerCase(); n._tl = n.title.toLowerCase();
  });
  var outAdj = new Map(), inAdj = new Map(), edgeById = new Map();
  DATA.nodes.forEach(function (n) { outAdj.set(n.id, []); inAdj.set(n.id, []); });
  DATA.edges.forEach(function (e, i) {
    e.id = "e" + i;
    e.count = e.count || 1; e.relations = e.relations || []; e.paragraphs = e.paragraphs || [];
    e.pinpoints = e.pinpoints || []; e.later = !!e.later;
    e.sentence = e.s === undefined ? "" : DATA.sentences[e.s];
    edgeById.set(e.id, e);
    outAdj.get(e.from).push(e);
    inAdj.get(e.to).push(e);
  });

  // ------------------------------------------------------------------ vis data
  function rgb(hex) { var v = parseInt(hex.slice(1), 16); return [v >> 16, (v >> 8) & 255, v & 255]; }
  function darken(hex) { var c = rgb(hex); return "rgb(" + c.map(function (x) { return Math.round(x * 0.6); }).join(",") + ")"; }
  function fade(hex) { var c = rgb(hex); return "rgb(" + c.map(function (x) { return Math.round(x + (255 - x) * 0.6); }).join(",") + ")"; }
  var large = !META.physics;
  var visNodes = new vis.DataSet(DATA.nodes.map(function (n) {
    var v = {
      id: n.id, label: n.label, shape: n.shape, size: n.size,
      color: { background: n.in_corpus ? n.color : fade(n.color), border: darken(n.color),
               highlight: { background: n.color, border: "#000" }, hover: { background: n.color, border: "#000" } },
      borderWidth: n.in_corpus ? 1.5 : 1,
      font: { size: 12, color: "#222" }
    };
    if (n.x !== undefined) { v.x = n.x; v.y = n.y; v.fixed = false; }
    return v;
  }));
  var visEdges = new vis.DataSet(DATA.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to,
             width: Math.min(7, 0.6 + 1.2 * Math.log2(1 + e.count)),
             color: e.later ? { color: "#d33", opacity: 0.8 } : { color: "#8a94a6", highlight: "#222", hover: "#222", opacity: large ? 0.35 : 0.7 },
             dashes: !!e.later };
  }));

  // ------------------------------------------------------------------ state
  var state;
  function freshState() {
    return { hiddenBodies: new Set(), hiddenKinds: new Set(),
             yearMin: META.years ? META.years[0] : null, yearMax: META.years ? META.years[1] : null,
             undated: true, inCorpus: false, focus: null, path: null };
  }
  state = freshState();
  var visible = new Set();

  function nodePasses(n) {
    if (state.hiddenBodies.has(n.body) || state.hiddenKinds.has(n.kind)) return false;
    if (state.inCorpus && !n.in_corpus) return false;
    if (n.year === null || n.year === undefined) { if (!state.undated) return false; }
    else {
      if (state.yearMin !== null && n.year < state.yearMin) return false;
      if (state.yearMax !== null && n.year > state.yearMax) return false;
    }
    if (state.focus && !state.focus.has(n.id)) return false;
    if (state.path && !state.path.has(n.id)) return false;
    return true;
  }
  function computeVisible() {
    visible = new Set();
    DATA.nodes.forEach(function (n) { if (nodePasses(n)) visible.add(n.id); });
  }
  computeVisible();
  var nodesView = new vis.DataView(visNodes, { filter: function (v) { return visible.has(v.id); } });
  var edgesView = new vis.DataView(visEdges, { filter: function (v) { return visible.has(v.from) && visible.has(v.to); } });

  var options = {
    autoResize: true,
    layout: { improvedLayout: !large && DATA.nodes.length <= 150, randomSeed: 7 },
    nodes: { scaling: { label: { drawThreshold: 7 } }, font: { size: 12 } },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, selectionWidth: 1.5, hoverWidth: 0.8,
             smooth: large ? false : { type: "continuous", roundness: 0.3 } },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
                   multiselect: false, navigationButtons: false, keyboard: false },
    physics: large ? false : { solver: "forceAtlas2Based", forceAtlas2Based: { gravitationalConstant: -60, springLength: 90 },
                               stabilization: { iterations: 300, fit: true } }
  };
  TIMES.datasets = performance.now();
  var container = $("graph");
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, options);
  TIMES.network = performance.now();
  if (!large) network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: false }); });

  // ------------------------------------------------------------------ counts
  function updateCounts() {
    var shownNodes = nodesView.length, shownEdges = edgesView.length;
    var text = "Showing " + plural(shownNodes, "document", "documents") + " of " + fmt(DATA.nodes.length) +
      " drawn, " + plural(shownEdges, "citation link", "citation links") + " of " + fmt(DATA.edges.length) + ".";
    if (state.focus) text += " Focus on " + state.focusLabel + ".";
    if (state.path) text += " Path shown.";
    $("counts").textContent = text;
  }
  function leftOutNote() {
    var lo = META.left_out, parts = [];
    if (lo.focus) parts.push("Drawn around " + lo.focus + " (depth " + lo.depth + "): " +
      plural(lo.outside_focus, "document", "documents") + " farther away left out.");
    if (lo.capped_nodes) parts.push("Left out " + plural(lo.capped_nodes, "less connected document", "less connected documents") +
      " (" + fmt(lo.capped_in_corpus) + " of them in the corpus; each has at most " + plural(lo.capped_max_degree, "citation link", "citation links") +
      ") to keep the page at " + fmt(lo.cap) + " nodes; use --max-nodes or --focus.");
    var lostEdges = META.graph_edges - META.drawn_edges;
    if (parts.length) parts.push(plural(lostEdges, "citation link", "citation links") + " not drawn. The whole graph: " +
      fmt(META.graph_nodes) + " documents, " + fmt(META.graph_edges) + " links.");
    if (!META.physics) parts.push("Layout computed in advance (physics off).");
    if (parts.length) { $("leftout").textContent = parts.join(" "); $("leftout").hidden = false; }
  }

  function refresh(fit) {
    computeVisible();
    // one redraw for the whole change, not one per DataView event (vis-network's own switch)
    network.body.emitter.emit("_blockRedraw");
    try { edgesView.refresh(); nodesView.refresh(); }
    finally { network.body.emitter.emit("_allowRedraw"); }
    updateCounts();
    if (fit) network.fit({ animation: false });
    network.redraw();
  }

  // ------------------------------------------------------------------ legend + filters
  function checkList(fieldset, items, key, glyph, legendBox, legendMax) {
    items.forEach(function (item, i) {
      var lab = el("label", "check");
      var box = el("input"); box.type = "checkbox"; box.checked = true; box.value = item.name;
      box.dataset.name = item.name;
      box.addEventListener("change", function () {
        if (box.checked) state[key].delete(item.name); else state[key].add(item.name);
        refresh(false);
      });
      lab.appendChild(box);
      lab.appendChild(glyph(item));
      lab.appendChild(el("span", null, item.name));
      lab.appendChild(el("span", "n", fmt(item.count)));
      fieldset.appendChild(lab);
      if (i >= legendMax) return;
      var row = el("div");
      row.appendChild(glyph(item));
      row.appendChild(el("span", null, item.name));
      legendBox.appendChild(row);
    });
    if (items.length > legendMax) legendBox.appendChild(el("div", "hint", "+ " + (items.length - legendMax) + " more in the filters"));
  }
  function swatch(item) { var s = el("span", "swatch"); s.style.background = item.color; return s; }
  function shapeGlyph(item) { return el("span", "shape", SHAPE_GLYPH[item.shape] || "\u25CF"); }
  checkList($("filter-body"), META.bodies, "hiddenBodies", swatch, $("legend-bodies"), 6);
  checkList($("filter-kind"), META.kinds, "hiddenKinds", shapeGlyph, $("legend-kinds"), 12);

  function setYearInputs() {
    $("year-min").value = state.yearMin === null ? "" : state.yearMin;
    $("year-max").value = state.yearMax === null ? "" : state.yearMax;
    if (META.years) { ["year-min", "year-max"].forEach(function (id) { $(id).min = META.years[0]; $(id).max = META.years[1]; }); }
  }
  setYearInputs();
  function readYear(id) { var v = parseInt($(id).value, 10); return isNaN(v) ? null : v; }
  $("year-min").addEventListener("change", function () { state.yearMin = readYear("year-min"); refresh(false); });
  $("year-max").addEventListener("change", function () { state.yearMax = readYear("year-max"); refresh(false); });
  $("undated").addEventListener("change", function () { state.undated = $("undated").checked; refresh(false); });
  $("in-corpus").addEventListener("change", function () { state.inCorpus = $("in-corpus").checked; refresh(false); });

  // ------------------------------------------------------------------ resolve / search
  function resolve(q) {
    q = (q || "").trim().toLowerCase();
    if (!q) return null;
    var exact = null, tail = [];
    DATA.nodes.forEach(function (n) {
      if (n._lc === q) exact = n;
      else if (n._lc.endsWith("/" + q)) tail.push(n);
    });
    if (exact) return exact;
    if (tail.length === 1) return tail[0];
    var hits = search(q);
    return hits.length === 1 ? hits[0] : null;
  }
  function search(q) {
    q = (q || "").trim().toLowerCase();
    if (!q) return [];
    var words = q.split(/\s+/).filter(Boolean);
    var scored = [];
    DATA.nodes.forEach(function (n) {
      var score = -1;
      if (n._lc === q) score = 0;
      else if (n._lc.endsWith("/" + q) || n._lc.endsWith(q)) score = 1;
      else if (n._lc.indexOf(q) >= 0) score = 2;
      else if (words.every(function (w) { return n._tl.indexOf(w) >= 0; })) score = 3;
      if (score >= 0) scored.push([score, -n.cited, n.id, n]);
    });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0); });
    return scored.map(function (s) { return s[3]; });
  }
  function nodeItem(n, extra) {
    var li = el("li");
    if (!visible.has(n.id)) li.classList.add("off");
    li.appendChild(el("span", "sym", n.id));
    if (extra) li.appendChild(el("span", "m", " " + extra));
    if (n.title) li.appendChild(el("div", "t", n.title));
    li.addEventListener("click", function () { goTo(n.id); });
    return li;
  }
  var searchTimer = null;
  function runSearch() {
    var hits = search($("search").value), list = $("search-results");
    list.replaceChildren();
    hits.slice(0, 40).forEach(function (n) { list.appendChild(nodeItem(n)); });
    $("search-count").textContent = $("search").value.trim() ? plural(hits.length, "match", "matches") +
      (hits.length > 40 ? " (first 40 listed)" : "") : "";
    return hits;
  }
  $("search").addEventListener("input", function () { clearTimeout(searchTimer); searchTimer = setTimeout(runSearch, 120); });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { clearTimeout(searchTimer); var hits = runSearch(); if (hits.length) goTo(hits[0].id); }
  });

  function goTo(id) {
    if (!visible.has(id)) { // shown by the search but hidden by filters: lift them
      state = freshState(); syncControls(); refresh(false);
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), large ? 0.8 : 1.0), animation: false });
    showNode(id);
  }

  // ------------------------------------------------------------------ details panel
  function row(dl, key, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", null, key));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    dl.appendChild(dd);
  }
  function undocsLink(n) {
    if (!n.url) return null;
    var a = el("a", null, "open on undocs.org");
    a.href = n.url; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }
  function citedLine(n) { return "cited " + plural(n.cited, "time", "times") + " / cites " + fmt(n.cites); }
  function showNode(id) {
    var n = byId.get(id), panel = $("panel");
    if (!n) return;
    panel.replaceChildren();
    panel.appendChild(el("h3", null, n.id));
    if (n.title) panel.appendChild(el("p", "title", n.title));
    var dl = el("dl");
    row(dl, "kind", n.kind);
    row(dl, "body", n.body);
    row(dl, "date", n.date || (n.year !== null ? String(n.year) : ""));
    if (n.session) row(dl, "session", n.session);
    row(dl, "in corpus", n.in_corpus ? "yes" + (n.file ? " (" + n.file + ")" : "") : "no (cited only)");
    row(dl, "citations", citedLine(n));
    row(dl, "link", undocsLink(n));
    panel.appendChild(dl);
    var b = el("button", null, "Focus on this document");
    b.type = "button";
    b.addEventListener("click", function () { $("focus-symbol").value = n.id; doFocus(); });
    panel.appendChild(b);
    linkList(panel, "Cites", n.cites, outAdj.get(id), "to");
    linkList(panel, "Cited by", n.cited, inAdj.get(id), "from");
    $("focus-symbol").value = n.id;
  }
  function linkList(panel, heading, total, edges, end) {
    if (!total) return;
    panel.appendChild(el("h4", null, heading + " (" + fmt(total) + (edges.length === total ? "" : ", " + fmt(edges.length) + " drawn on this page") + ")"));
    var ul = el("ul", "links");
    edges.slice().sort(function (a, b) { return b.count - a.count || (a[end] < b[end] ? -1 : 1); })
      .slice(0, 60).forEach(function (e) {
        var other = byId.get(e[end]);
        var extra = (e.relations.length ? e.relations.join(", ") : "") + (e.count > 1 ? " \u00d7" + e.count : "");
        ul.appendChild(nodeItem(other, extra));
      });
    panel.appendChild(ul);
    if (edges.length > 60) panel.appendChild(el("p", "hint", "and " + fmt(edges.length - 60) + " more"));
  }
  function showEdge(eid) {
    var e = edgeById.get(eid), panel = $("panel");
    if (!e) return;
    panel.replaceChildren();
    panel.appendChild(el("h3", null, e.from + " \u2192 " + e.to));
    var dl = el("dl");
    row(dl, "citations", fmt(e.count));
    row(dl, "relation", e.relations.join(", "));
    row(dl, "paragraphs", e.paragraphs.join(", "));
    row(dl, "pinpoint", e.pinpoints.join(", "));
    if (e.later) row(dl, "note", "cites a later document (a date or symbol may be misread)");
    panel.appendChild(dl);
    if (e.sentence) { panel.appendChild(el("h4", null, "First citing sentence")); panel.appendChild(el("blockquote", null, e.sentence)); }
    var ul = el("ul", "links");
    ul.appendChild(nodeItem(byId.get(e.from), "(citing)"));
    ul.appendChild(nodeItem(byId.get(e.to), "(cited)"));
    panel.appendChild(ul);
  }
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // ------------------------------------------------------------------ tooltips (plain text, own element)
  var tip = $("tooltip");
  function placeTip(p) {
    var r = container.getBoundingClientRect();
    var x = r.left + p.pointer.DOM.x + 14, y = r.top + p.pointer.DOM.y + 14;
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 4) x = Math.max(4, x - w - 28);
    if (y + h > window.innerHeight - 4) y = Math.max(4, y - h - 28);
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  network.on("hoverNode", function (p) {
    var n = byId.get(p.node);
    tip.replaceChildren();
    tip.appendChild(el("div", "sym", n.id));
    if (n.title) tip.appendChild(el("div", null, n.title));
    tip.appendChild(el("div", "m", [n.date || n.year || "", n.body, n.kind].filter(Boolean).join(" \u00b7 ")));
    tip.appendChild(el("div", "m", citedLine(n)));
    if (n.url) tip.appendChild(el("div", "m", n.url.replace(/^https?:\/\//, "")));
    placeTip(p);
  });
  network.on("hoverEdge", function (p) {
    var e = edgeById.get(p.edge);
    tip.replaceChildren();
    tip.appendChild(el("div", "sym", e.from + " \u2192 " + e.to));
    var bits = [];
    if (e.relations.length) bits.push(e.relations.join(", "));
    if (e.pinpoints.length) bits.push("pinpoint " + e.pinpoints.join(", "));
    if (e.paragraphs.length) bits.push("in " + e.paragraphs.join(", "));
    if (e.count > 1) bits.push(e.count + " citations");
    if (bits.length) tip.appendChild(el("div", "m", bits.join(" \u00b7 ")));
    if (e.sentence) tip.appendChild(el("div", "q", e.sentence));
    placeTip(p);
  });
  function hideTip() { tip.hidden = true; }
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  // ------------------------------------------------------------------ focus
  function ego(id, depth, dir) {
    var dist = new Map([[id, 0]]), queue = [id];
    while (queue.length) {
      var cur = queue.shift(), d = dist.get(cur);
      if (d >= depth) continue;
      var next = [];
      if (dir !== "in") outAdj.get(cur).forEach(function (e) { next.push(e.to); });
      if (dir !== "out") inAdj.get(cur).forEach(function (e) { next.push(e.from); });
      next.forEach(function (m) { if (!dist.has(m)) { dist.set(m, d + 1); queue.push(m); } });
    }
    return new Set(dist.keys());
  }
  function doFocus() {
    var n = resolve($("focus-symbol").value);
    if (!n) { $("counts").textContent = "No single document matches \u201c" + $("focus-symbol").value + "\u201d."; return; }
    var depth = parseInt($("focus-depth").value, 10), dir = $("focus-dir").value;
    state.path = null;
    state.focus = ego(n.id, depth, dir);
    state.focusLabel = n.id + " (depth " + depth + ", " + $("focus-dir").selectedOptions[0].textContent + ")";
    refresh(true);
    network.selectNodes(visible.has(n.id) ? [n.id] : []);
    showNode(n.id);
  }
  $("focus-go").addEventListener("click", doFocus);
  $("focus-symbol").addEventListener("keydown", function (ev) { if (ev.key === "Enter") doFocus(); });

  // ------------------------------------------------------------------ path
  function bfsPath(a, b, mode) {
    var prev = new Map([[a, null]]), queue = [a];
    while (queue.length) {
      var cur = queue.shift();
      if (cur === b) break;
      var next = [];
      if (mode !== "in") outAdj.get(cur).forEach(function (e) { next.push(e.to); });
      if (mode === "any") inAdj.get(cur).forEach(function (e) { next.push(e.from); });
      next.forEach(function (m) { if (!prev.has(m)) { prev.set(m, cur); queue.push(m); } });
    }
    if (!prev.has(b)) return null;
    var path = [], c = b;
    while (c !== null) { path.unshift(c); c = prev.get(c); }
    return path;
  }
  function doPath() {
    var a = resolve($("path-from").value), b = resolve($("path-to").value), out = $("path-result");
    out.replaceChildren();
    if (!a || !b) { out.textContent = "Give two symbols that each match one drawn document."; return; }
    var how = "citation path", p = bfsPath(a.id, b.id, "out");
    if (!p) { p = bfsPath(b.id, a.id, "out"); if (p) { how = "citation path (the other way)"; } }
    if (!p) { p = bfsPath(a.id, b.id, "any"); how = "link path ignoring direction"; }
    if (!p) { out.textContent = "No path between " + a.id + " and " + b.id + " among the drawn documents."; return; }
    state.focus = null;
    state.path = new Set(p);
    refresh(true);
    network.selectNodes(p);
    out.appendChild(el("span", null, how + ", " + plural(p.length - 1, "step", "steps") + ":"));
    var ol = el("ol");
    p.forEach(function (id) { ol.appendChild(nodeItem(byId.get(id))); });
    out.appendChild(ol);
  }
  $("path-go").addEventListener("click", doPath);
  $("path-to").addEventListener("keydown", function (ev) { if (ev.key === "Enter") doPath(); });

  // ------------------------------------------------------------------ reset
  function syncControls() {
    document.querySelectorAll("#filter-body input, #filter-kind input").forEach(function (b) { b.checked = true; });
    setYearInputs();
    $("undated").checked = true;
    $("in-corpus").checked = false;
  }
  function reset() {
    state = freshState();
    syncControls();
    $("search").value = ""; runSearch();
    ["focus-symbol", "path-from", "path-to"].forEach(function (id) { $(id).value = ""; });
    $("path-result").replaceChildren();
    $("panel").replaceChildren(el("p", "hint", "Click a document or a citation for its details."));
    network.unselectAll();
    refresh(true);
  }
  $("reset").addEventListener("click", reset);

  // ------------------------------------------------------------------ ready
  leftOutNote();
  updateCounts();
  window.citegraph = {
    network: network, nodes: visNodes, edges: visEdges, data: DATA,
    visibleIds: function () { return nodesView.getIds(); },
    shownEdges: function () { return edgesView.length; },
    search: search, goTo: goTo, ready: false, readyMs: null, t0: T0, times: TIMES
  };
  // graph.html#79/194 opens on that document
  function fromHash() {
    var n = resolve(decodeURIComponent(location.hash.slice(1)));
    if (n) goTo(n.id);
  }
  window.addEventListener("hashchange", fromHash);
  if (location.hash.length > 1) fromHash();
  network.once("afterDrawing", function () {
    window.citegraph.ready = true;
    window.citegraph.readyMs = performance.now();
    document.documentElement.dataset.ready = "1";
  });
})();
