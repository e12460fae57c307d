/* citegraph explorer: the page's own script (sigma.js + graphology, both vendored).
 * Every text that comes from a document is put on screen with textContent, never as HTML;
 * the data is read from JSON blocks with JSON.parse. The overview is drawn at positions
 * computed in Python; the focus and path views are laid out here, by time. */
(function () {
  "use strict";
  var T0 = performance.now();
  var $ = function (id) { return document.getElementById(id); };
  var DATA = JSON.parse($("citegraph-data").textContent);
  var META = DATA.meta, S = DATA.strings, ND = DATA.nodes, ED = DATA.edges;
  var TIMES = { parsed: performance.now() };
  var TEXTS = null;  // the citing sentences: parsed on first use
  function text(i) {
    if (i === undefined || i === null || i < 0) return "";
    if (!TEXTS) TEXTS = JSON.parse($("citegraph-text").textContent);
    return TEXTS[i] || "";
  }
  var VIEW_MAX = 300;       // nodes a focus view draws, nearest and most cited first
  var LARGE_EDGES = 5000;   // above this many drawn edges the overview is "large" (see below)
  var LIST_STEP = 200;      // items a "not drawn" list shows at a time
  var SHAPE_INDEX = { circle: 0, square: 1, diamond: 2, triangle: 3, triangleDown: 4, star: 5 };
  var SHAPE_GLYPH = { circle: "\u25CF", square: "\u25A0", diamond: "\u25C6", triangle: "\u25B2", triangleDown: "\u25BC", star: "\u2605" };
  var DIR_COLOUR = { out: "#1d4ed8", in: "#c2410c" };

  function el(tag, cls, txt) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (txt !== undefined && txt !== null) e.textContent = String(txt);
    return e;
  }
  function fmt(n) { return Number(n).toLocaleString("en"); }
  function plural(n, one, many) { return fmt(n) + " " + (n === 1 ? one : many); }
  function button(label, fn, cls) {
    var b = el("button", cls || null, label); b.type = "button";
    b.addEventListener("click", fn); return b;
  }

  // ------------------------------------------------------------------ nodes and edges (columns)
  var N = ND.id.length, E = ED.from.length;
  var ids = ND.id, index = new Map();
  for (var i = 0; i < N; i++) index.set(ids[i], i);
  var cited = new Int32Array(N), cites = new Int32Array(N);
  for (var e = 0; e < E; e++) { cites[ED.from[e]]++; cited[ED.to[e]]++; }
  function csr(key) {  // edges by node: start offsets and edge indexes
    var start = new Int32Array(N + 1), list = new Int32Array(E), col = ED[key];
    for (var e = 0; e < E; e++) start[col[e] + 1]++;
    for (var i = 0; i < N; i++) start[i + 1] += start[i];
    var fill = start.slice(0, N);
    for (e = 0; e < E; e++) list[fill[col[e]]++] = e;
    return { start: start, list: list };
  }
  var OUT = csr("from"), IN = csr("to");
  function outEdges(i) { return Array.prototype.slice.call(OUT.list, OUT.start[i], OUT.start[i + 1]); }
  function inEdges(i) { return Array.prototype.slice.call(IN.list, IN.start[i], IN.start[i + 1]); }
  // where a node's title came from (graph attribute title_source, output/README.md)
  var TITLE_SOURCE = { "printed": "as printed", "agenda item": "the agenda item it prints",
                       "inferred": "inferred from its words: the Council's agenda item, not printed in it",
                       "cited": "as the citing documents call it" };
  function sparse(col, i, dflt) { var v = col ? col[i] : undefined; return v === undefined ? dflt : v; }
  var bodyColour = META.bodies.map(function (b) { return b.color; });
  var kindShape = META.kinds.map(function (k) { return k.shape; });

  function node(i) {
    var id = ids[i], t = ND.t[i], when = S[ND.when[i]] || "";
    return {
      i: i, id: id, label: sparse(ND.label, i, id), title: ND.title[i], kind: META.kinds[ND.kind[i]].name,
      shape: kindShape[ND.kind[i]], body: META.bodies[ND.body[i]].name, color: bodyColour[ND.body[i]],
      date: ND.date[i], session: sparse(ND.session, i, ""), t: t, when: when,
      title_source: S[sparse(ND.tsrc, i, -1)] || "",
      year: (when === "date" || when === "year") ? Math.floor(t) : null,
      in_corpus: !!ND.corpus[i], file: sparse(ND.file, i, ""), page: sparse(ND.page, i, ""),
      url: sparse(ND.url, i, "https://undocs.org/en/" + id), aliases: sparse(ND.aliases, i, []),
      cited: cited[i], cites: cites[i], drawn: ND.x[i] !== null
    };
  }
  function edge(e) {
    return {
      e: e, from: ids[ED.from[e]], to: ids[ED.to[e]], fi: ED.from[e], ti: ED.to[e],
      count: sparse(ED.count, e, 1), relations: S[ED.rel[e]] ? S[ED.rel[e]].split(" | ") : [],
      places: S[ED.places[e]] ? S[ED.places[e]].split(" | ") : [],
      pinpoints: S[ED.pin[e]] ? S[ED.pin[e]].split(" | ") : [],
      sentence: text(ED.text[e]), mark_sentence: text(sparse(ED.mark, e, -1)),
      verbs: S[sparse(ED.verbs, e, -1)] ? S[sparse(ED.verbs, e, -1)].split(" | ") : [],
      later: !!sparse(ED.later, e, 0)
    };
  }
  function yearOf(i) { var w = S[ND.when[i]]; return (w === "date" || w === "year") ? Math.floor(ND.t[i]) : null; }

  // ------------------------------------------------------------------ the resolver (same rules as the CLI)
  var LOOKUP = null;
  function lookupIndex() {
    if (!LOOKUP) {
      var rules = JSON.parse($("citegraph-lookup").textContent), recs = new Array(N);
      // a node's aliases and, for a named instrument, its names ("Paris Agreement"): graph.lookup.index_of's records
      for (var i = 0; i < N; i++) recs[i] = [ids[i], META.kinds[ND.kind[i]].name, META.bodies[ND.body[i]].name,
                                             sparse(ND.aliases, i, []).concat(sparse(ND.names, i, []))];
      LOOKUP = new CitegraphLookup.Lookup(rules, recs);
    }
    return LOOKUP;
  }
  function resolve(text) {  // -> {node, rule, others} | {error, candidates}
    return lookupIndex().find(text);
  }

  // ------------------------------------------------------------------ search
  var lowIds = null, lowTitles = null;
  function searchIndex() {  // made once, when the page is idle after it is ready, or at the first search
    lookupIndex();
    if (!lowIds) {
      lowIds = ids.map(function (s) { return s.toLowerCase().split(" ").join(""); });
      lowTitles = ND.title.map(function (s) { return s.toLowerCase(); });
    }
  }
  function search(q) {
    q = (q || "").trim();
    if (!q) return [];
    searchIndex();
    var seen = new Set(), out = [];
    function push(i) { if (!seen.has(i)) { seen.add(i); out.push(i); } }
    var r = resolve(q);
    if (r.node !== undefined) { push(index.get(r.node)); r.others.forEach(function (n) { push(index.get(n)); }); }
    else r.candidates.forEach(function (n) { push(index.get(n)); });
    var lq = q.toLowerCase(), compact = lq.split(" ").join(""), words = lq.split(/\s+/).filter(Boolean);
    var symbolHits = [], titleHits = [];
    for (var i = 0; i < N; i++) {
      if (seen.has(i)) continue;
      var at = lowIds[i].indexOf(compact);
      if (at >= 0) symbolHits.push([at === 0 || lowIds[i].charAt(at - 1) === "/" ? 0 : 1, -cited[i], i]);
      else if (words.length && words.every(function (w) { return lowTitles[i].indexOf(w) >= 0; })) titleHits.push([2, -cited[i], i]);
    }
    var rank = function (a, b) { return a[0] - b[0] || a[1] - b[1] || (ids[a[2]] < ids[b[2]] ? -1 : 1); };
    symbolHits.sort(rank).forEach(function (h) { push(h[2]); });
    titleHits.sort(rank).forEach(function (h) { push(h[2]); });
    return out.map(node);
  }

  // ------------------------------------------------------------------ node shapes (one WebGL program, six shapes)
  // A node is a triangle of circumradius 2r around it; the fragment shader keeps the pixels
  // inside the shape's signed distance (after Inigo Quilez's 2D distance functions), and
  // draws a ring in the node's ring colour when it has one.
  var R = Sigma.rendering;
  var VERT = [
    "attribute vec4 a_id; attribute vec4 a_color; attribute vec4 a_ring; attribute vec2 a_position;",
    "attribute float a_size; attribute float a_shape; attribute float a_angle;",
    "uniform mat3 u_matrix; uniform float u_sizeRatio; uniform float u_correctionRatio;",
    "varying vec4 v_color; varying vec4 v_ring; varying vec2 v_diffVector; varying float v_radius; varying float v_shape;",
    "const float bias = 255.0 / 254.0;",
    "void main() {",
    "  float size = a_size * u_correctionRatio / u_sizeRatio * 4.0;",
    "  vec2 diffVector = size * vec2(cos(a_angle), sin(a_angle));",
    "  gl_Position = vec4((u_matrix * vec3(a_position + diffVector, 1)).xy, 0, 1);",
    "  v_diffVector = diffVector; v_radius = size / 2.0; v_shape = a_shape;",
    "  #ifdef PICKING_MODE", "  v_color = a_id;", "  #else", "  v_color = a_color;", "  #endif",
    "  v_color.a *= bias; v_ring = a_ring;",
    "}"].join("\n");
  var FRAG = [
    "precision highp float;",
    "varying vec4 v_color; varying vec4 v_ring; varying vec2 v_diffVector; varying float v_radius; varying float v_shape;",
    "uniform float u_correctionRatio;",
    "const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);",
    "float sdTriangle(vec2 p, float r) {",
    "  const float k = 1.7320508; p.x = abs(p.x) - r; p.y = p.y + r / k;",
    "  if (p.x + k * p.y > 0.0) p = vec2(p.x - k * p.y, -k * p.x - p.y) / 2.0;",
    "  p.x -= clamp(p.x, -2.0 * r, 0.0); return -length(p) * sign(p.y); }",
    "float sdStar(vec2 p, float r, float rf) {",
    "  const vec2 k1 = vec2(0.809016994375, -0.587785252292); const vec2 k2 = vec2(-0.809016994375, -0.587785252292);",
    "  p.x = abs(p.x); p -= 2.0 * max(dot(k1, p), 0.0) * k1; p -= 2.0 * max(dot(k2, p), 0.0) * k2;",
    "  p.x = abs(p.x); p.y -= r; vec2 ba = rf * vec2(-k1.y, k1.x) - vec2(0.0, 1.0);",
    "  float h = clamp(dot(p, ba) / dot(ba, ba), 0.0, r); return length(p - ba * h) * sign(p.y * ba.x - p.x * ba.y); }",
    "void main(void) {",
    "  vec2 p = v_diffVector; float r = v_radius; float d;",
    "  if (v_shape < 0.5) d = length(p) - r;",
    "  else if (v_shape < 1.5) d = max(abs(p.x), abs(p.y)) - r * 0.8;",
    "  else if (v_shape < 2.5) d = (abs(p.x) + abs(p.y) - r * 1.05) * 0.7071;",
    "  else if (v_shape < 3.5) d = sdTriangle(vec2(p.x, p.y + r * 0.2), r * 0.95);",
    "  else if (v_shape < 4.5) d = sdTriangle(vec2(p.x, -p.y + r * 0.2), r * 0.95);",
    "  else d = sdStar(p, r * 1.05, 0.45);",
    "  float border = u_correctionRatio * 2.0;",
    "  #ifdef PICKING_MODE",
    "  gl_FragColor = d > 0.0 ? transparent : v_color;",
    "  #else",
    "  vec4 c = v_color;",
    "  if (v_ring.a > 0.0 && d > -r * 0.3) c = v_ring;",
    "  float t = d > border ? 1.0 : (d > 0.0 ? d / border : 0.0);",
    "  gl_FragColor = mix(c, transparent, t);",
    "  #endif",
    "}"].join("\n");
  var FLOAT = WebGLRenderingContext.FLOAT, UBYTE = WebGLRenderingContext.UNSIGNED_BYTE;
  function ShapeProgram() { return Reflect.construct(R.NodeProgram, arguments, new.target || ShapeProgram); }
  Object.setPrototypeOf(ShapeProgram.prototype, R.NodeProgram.prototype);
  Object.setPrototypeOf(ShapeProgram, R.NodeProgram);
  ShapeProgram.prototype.getDefinition = function () {
    return {
      VERTICES: 3, VERTEX_SHADER_SOURCE: VERT, FRAGMENT_SHADER_SOURCE: FRAG, METHOD: WebGLRenderingContext.TRIANGLES,
      UNIFORMS: ["u_sizeRatio", "u_correctionRatio", "u_matrix"],
      ATTRIBUTES: [
        { name: "a_position", size: 2, type: FLOAT }, { name: "a_size", size: 1, type: FLOAT },
        { name: "a_shape", size: 1, type: FLOAT },
        { name: "a_color", size: 4, type: UBYTE, normalized: true },
        { name: "a_ring", size: 4, type: UBYTE, normalized: true },
        { name: "a_id", size: 4, type: UBYTE, normalized: true }],
      CONSTANT_ATTRIBUTES: [{ name: "a_angle", size: 1, type: FLOAT }],
      CONSTANT_DATA: [[0], [2 * Math.PI / 3], [4 * Math.PI / 3]]
    };
  };
  var floatColor = Sigma.utils.floatColor, NO_RING = floatColor("rgba(0,0,0,0)");
  ShapeProgram.prototype.processVisibleItem = function (nodeIndex, start, data) {
    var a = this.array;
    a[start++] = data.x; a[start++] = data.y; a[start++] = data.size; a[start++] = data.sh || 0;
    a[start++] = floatColor(data.color); a[start++] = data.ring ? floatColor(data.ring) : NO_RING;
    a[start++] = nodeIndex;
  };
  // Every WebGL program is drawn plainly, not instanced. sigma's programs draw one instance per
  // node or edge (drawArraysInstanced); a software WebGL (SwiftShader: Chromium on a machine without
  // a GPU) runs that about ten times slower than the same triangles drawn plainly: 10,000 nodes
  // cost ~370 ms a frame instanced and ~40 ms plainly on the machine of the README's benchmark.
  // plain(P) is P with its per-vertex constants (corner angles, the coefficients of a line's four
  // corners) written out for every item: the same shaders, the same pictures, VERTICES times the data.
  function plain(Base) {
    var d0 = Base.prototype.getDefinition.call({});
    if (!d0.CONSTANT_ATTRIBUTES || d0.METHOD !== WebGLRenderingContext.TRIANGLES) return Base;
    var n = R.getAttributesItemsCount(d0.ATTRIBUTES), c = R.getAttributesItemsCount(d0.CONSTANT_ATTRIBUTES);
    var V = d0.VERTICES, K = d0.CONSTANT_DATA, w = n + c;
    function Plain() { return Reflect.construct(Base, arguments, new.target || Plain); }
    Object.setPrototypeOf(Plain.prototype, Base.prototype);
    Object.setPrototypeOf(Plain, Base);
    Plain.prototype.getDefinition = function () {
      var d = Base.prototype.getDefinition.call(this), out = {};
      for (var k in d) if (k !== "CONSTANT_ATTRIBUTES" && k !== "CONSTANT_DATA") out[k] = d[k];
      out.ATTRIBUTES = d.ATTRIBUTES.concat(d.CONSTANT_ATTRIBUTES);
      return out;
    };
    Plain.prototype.processVisibleItem = function () {  // (index, start, ...): the base writes one item at start
      Base.prototype.processVisibleItem.apply(this, arguments);
      var a = this.array, start = arguments[1];
      for (var v = V - 1; v >= 0; v--) {
        var at = start + v * w, j;
        if (v) for (j = 0; j < n; j++) a[at + j] = a[start + j];
        for (j = 0; j < c; j++) a[at + n + j] = K[v][j];
      }
    };
    Plain.prototype.render = function (params) {  // without picking while the camera moves (restPicking)
      var r = this.renderer, pick = this.pickProgram;
      if (pick && r && (moving(r) || firstFrame)) {
        this.pickProgram = null; r.citegraphPickingStale = true;
        if (r.citegraphSettle) r.citegraphSettle();
      }
      try { Base.prototype.render.call(this, params); } finally { this.pickProgram = pick; }
    };
    return Plain;
  }
  // While the camera moves, the picture is drawn without the picking image (which tells which node
  // or line is under the mouse: nobody hovers one mid-pan); in software WebGL this halves the cost of
  // a frame in motion. The picking image is drawn again once the camera rests, and only then: a
  // camera that jumps (search, Reset, a view fitted) draws it in its one frame.
  // The overview's first frame is drawn without it too, so that the page is ready sooner (a software
  // WebGL compiles each program at its first draw); it follows as soon as the page is idle.
  var firstFrame = true;
  function moving(r) {
    var m = r.getMouseCaptor();
    return r.getCamera().isAnimated() || m.isMoving || m.draggedEvents || m.currentWheelDirection;
  }
  // A stale picking image is drawn once the renderer has rested 150 ms: after the camera's last
  // move, and after any frame drawn without it (a view replaced while the pointer or camera was
  // still moving), waiting again while it moves, so that hovering always works once it rests.
  function restPicking(sigma) {
    var timer = null;
    function settle() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (!sigma.citegraphPickingStale) return;
        if (moving(sigma)) { settle(); return; }
        sigma.citegraphPickingStale = false; sigma.scheduleRender();
      }, 150);
    }
    sigma.citegraphSettle = settle;
    sigma.getCamera().on("updated", settle);
  }
  ShapeProgram.prototype.setUniforms = function (params, ctx) {
    var gl = ctx.gl, u = ctx.uniformLocations;
    gl.uniform1f(u.u_correctionRatio, params.correctionRatio);
    gl.uniform1f(u.u_sizeRatio, params.sizeRatio);
    gl.uniformMatrix3fv(u.u_matrix, false, params.matrix);
  };

  // ------------------------------------------------------------------ colours
  function rgb(hex) { var v = parseInt(hex.slice(1), 16); return [v >> 16, (v >> 8) & 255, v & 255]; }
  function fade(hex, f) { var c = rgb(hex); return "rgb(" + c.map(function (x) { return Math.round(x + (255 - x) * f); }).join(",") + ")"; }
  var nodeColour = new Array(N);
  for (i = 0; i < N; i++) nodeColour[i] = ND.corpus[i] ? bodyColour[ND.body[i]] : fade(bodyColour[ND.body[i]], 0.55);
  function nodeSize(i, scale) { return Math.round((2.2 + 1.6 * Math.sqrt(cited[i])) * (scale || 1) * 10) / 10; }
  // a dense overview draws smaller nodes (a software renderer fills every pixel of them twice,
  // for the picture and for picking); zooming in enlarges them
  var drawnCount = 0;
  for (i = 0; i < N; i++) if (ND.x[i] !== null) drawnCount++;
  var OVERVIEW_SCALE = Math.max(0.4, Math.min(1, Math.sqrt(2500 / Math.max(drawnCount, 1))));
  function edgeSize(e) { return Math.min(4, 0.5 + 0.6 * Math.log2(1 + sparse(ED.count, e, 1))); }
  function shortLabel(s) { return s.length > 42 ? s.slice(0, 40) + "\u2026" : s; }

  // ------------------------------------------------------------------ the overview
  // A large overview (Gephi Lite's defaults at this size): one-pixel lines, edges hidden while the
  // camera moves, citations reached through their documents rather than by picking a line among
  // thousands; a small one draws arrows that can be hovered and clicked.
  var drawnEdges = 0;
  for (e = 0; e < E; e++) if (ND.x[ED.from[e]] !== null && ND.x[ED.to[e]] !== null) drawnEdges++;
  var LARGE = drawnEdges > LARGE_EDGES;
  // Each node and edge carries every display attribute sigma would otherwise add to its copy of it
  // (hidden, forceLabel, type, zIndex ...), all in one order: sigma then reads them rather than
  // growing each of 37,000 objects at the first refresh (a third of the shared corpus's set-up).
  var G = new graphology.DirectedGraph({ allowSelfLoops: false });
  for (i = 0; i < N; i++) {
    if (ND.x[i] === null) continue;
    G.addNode(ids[i], { x: ND.x[i], y: -ND.y[i], i: i, size: nodeSize(i, OVERVIEW_SCALE), color: nodeColour[i], sh: SHAPE_INDEX[kindShape[ND.kind[i]]],
                        label: shortLabel(sparse(ND.label, i, ids[i])), hidden: false, highlighted: false, forceLabel: false,
                        type: "shape", zIndex: 0 });
  }
  var EDGE_TYPE = LARGE ? "line" : "rect";
  for (e = 0; e < E; e++) {
    if (ND.x[ED.from[e]] === null || ND.x[ED.to[e]] === null) continue;
    G.addDirectedEdgeWithKey("e" + e, ids[ED.from[e]], ids[ED.to[e]], { e: e, size: edgeSize(e), color: ED.later && ED.later[e] ? "#e07070" : "#b4bccb",
                                                                       label: "", hidden: false, forceLabel: false, type: EDGE_TYPE, zIndex: 0 });
  }
  TIMES.graph = performance.now();

  var state;
  function freshState() {
    return { hiddenBodies: new Set(), hiddenKinds: new Set(), yearMin: META.years ? META.years[0] : null,
             yearMax: META.years ? META.years[1] : null, undated: true, inCorpus: false,
             selected: null, neighbours: null, labelled: new Set(), hits: null };
  }
  state = freshState();
  var YEAR = new Array(N);  // year of each document (null: undated), read by the year filter
  for (i = 0; i < N; i++) YEAR[i] = yearOf(i);
  var passes = new Uint8Array(N);
  function computePasses() {
    var hb = state.hiddenBodies, hk = state.hiddenKinds, shown = 0;
    var hbi = new Set(), hki = new Set();
    META.bodies.forEach(function (b, j) { if (hb.has(b.name)) hbi.add(j); });
    META.kinds.forEach(function (k, j) { if (hk.has(k.name)) hki.add(j); });
    for (var i = 0; i < N; i++) {
      var ok = ND.x[i] !== null && !hbi.has(ND.body[i]) && !hki.has(ND.kind[i]) && !(state.inCorpus && !ND.corpus[i]);
      if (ok) {
        var y = YEAR[i];
        if (y === null) ok = state.undated;
        else ok = (state.yearMin === null || y >= state.yearMin) && (state.yearMax === null || y <= state.yearMax);
      }
      passes[i] = ok ? 1 : 0;
      shown += passes[i];
    }
    return shown;
  }
  computePasses();

  function overviewNodeReducer(key, d) {
    var i = d.i;
    if (!passes[i]) return Object.assign({}, d, { hidden: true });
    if (state.selected !== null) {
      if (i === state.selected) return Object.assign({}, d, { ring: "#111111", forceLabel: true, zIndex: 2, highlighted: true });
      if (state.neighbours.has(i)) return Object.assign({}, d, { ring: state.neighbours.get(i), forceLabel: state.labelled.has(i), zIndex: 1 });
      if (!LARGE) return Object.assign({}, d, { color: "#e2e4e8", label: "", zIndex: 0 });
    }
    if (state.hits && state.hits.has(i)) return Object.assign({}, d, { ring: "#111111", forceLabel: true, zIndex: 1 });
    return d;
  }
  function overviewEdgeReducer(key, d) {
    var e = d.e;
    if (!passes[ED.from[e]] || !passes[ED.to[e]]) return Object.assign({}, d, { hidden: true });
    if (state.selected !== null) {
      if (ED.from[e] === state.selected) return Object.assign({}, d, { color: DIR_COLOUR.out, size: d.size + 0.6, zIndex: 1 });
      if (ED.to[e] === state.selected) return Object.assign({}, d, { color: DIR_COLOUR.in, size: d.size + 0.6, zIndex: 1 });
      if (!LARGE) return Object.assign({}, d, { hidden: true });
    }
    return d;
  }
  var COMMON = {
    nodeProgramClasses: { shape: plain(ShapeProgram) }, defaultNodeType: "shape",
    edgeProgramClasses: { line: R.EdgeLineProgram, rect: plain(R.EdgeRectangleProgram),
                          arrow: R.createEdgeCompoundProgram([plain(R.EdgeClampedProgram), plain(R.EdgeArrowHeadProgram)]) },
    enableEdgeEvents: true, labelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    labelSize: 12, labelWeight: "500", zIndex: true, minCameraRatio: 0.02, maxCameraRatio: 8,
    // a page shown in a frame that has no size yet (a notebook's output before it is laid out, a
    // hidden tab) draws at one pixel and takes its size at the window's next resize, not an error
    allowInvalidContainer: true
  };
  var overview = new Sigma(G, $("overview"), Object.assign({}, COMMON, {
    defaultEdgeType: EDGE_TYPE, enableEdgeEvents: !LARGE, zIndex: !LARGE,
    nodeReducer: overviewNodeReducer, edgeReducer: overviewEdgeReducer,
    labelDensity: 0.8, labelGridCellSize: 80, labelRenderedSizeThreshold: 6,
    hideEdgesOnMove: LARGE, hideLabelsOnMove: LARGE
  }));
  restPicking(overview);
  if (LARGE) selectionLinksAlone(overview, "line");
  TIMES.sigma = performance.now();
  // While a document is selected its links are drawn alone, coloured by direction (sigma's usual
  // highlight; a small overview hides the other links through its edge reducer). In a large
  // overview the other links stay as processed and the line program draws only the selection's
  // slice of its array, copied at each frame: selecting repaints a few hundred links, not all, and
  // a frame with a selection is cheap (in a software WebGL the 27,000 one-pixel lines of the shared
  // corpus cost 45 ms at the overview's full extent and about 100 ms zoomed in on a hit).
  function selectionLinksAlone(sigma, type) {
    var prog = sigma.edgePrograms[type], base = prog.render, slice = new Float32Array(0);
    prog.render = function (params) {
      if (state.selected === null) return base.call(this, params);
      var links = outEdges(state.selected).concat(inEdges(state.selected)), S = this.STRIDE, full = this.array, n = 0;
      if (slice.length < links.length * S) slice = new Float32Array(links.length * S);
      links.forEach(function (e) {
        var at = sigma.edgeProgramIndex["e" + e];
        if (at === undefined) return;  // an end not drawn in the overview
        slice.set(full.subarray(at * S, at * S + S), n * S); n++;
      });
      var count = this.verticesCount;
      this.array = slice.subarray(0, n * S); this.verticesCount = n * this.VERTICES;
      try { return base.call(this, params); } finally { this.array = full; this.verticesCount = count; }
    };
  }
  var current = { name: "overview", sigma: overview, ids: null };

  // Where a renderer draws a node. A full refresh scheduled for the next frame (repaint) leaves
  // sigma's display data unprocessed until that frame (positions not yet framed): process it now.
  function displayData(sigma, id) {
    if (sigma.needToProcess) { sigma.process(); sigma.needToProcess = false; }
    return sigma.getNodeDisplayData(id);
  }

  // ------------------------------------------------------------------ counts and what is left out
  function updateCounts() {
    var text = plural(N, "document", "documents") + ", " + plural(E, "citation link", "citation links") + ". ";
    if (current.name === "overview") {
      var shown = 0; for (var i = 0; i < N; i++) shown += passes[i];
      text += shown === N ? "The overview draws them all." :
        "The overview draws " + fmt(G.order) + (shown !== G.order ? " (" + fmt(shown) + " after the filters)" : "") + "; every document can be found and focused on.";
    } else text += current.title;
    $("counts").textContent = text;
  }
  function nodeList(container, list, label) {  // a list of node indexes, LIST_STEP at a time
    var ol = el("ol", "items"), shownN = 0;
    function more() {
      list.slice(shownN, shownN + LIST_STEP).forEach(function (i) { ol.appendChild(nodeItem(node(i), label ? label(i) : null)); });
      shownN = Math.min(list.length, shownN + LIST_STEP);
      moreBtn.hidden = shownN >= list.length;
      moreBtn.textContent = "show " + fmt(Math.min(LIST_STEP, list.length - shownN)) + " more of " + fmt(list.length - shownN);
    }
    var moreBtn = button("", more, "more");
    container.replaceChildren(ol, moreBtn);
    more();
  }
  function lazyDetails(details, body, fill) {
    var done = false;
    details.addEventListener("toggle", function () { if (details.open && !done) { done = true; fill(body); } });
  }
  function leftOutNote() {
    var lo = META.left_out;
    if (!lo.nodes.length) return;
    $("leftout-summary").textContent = plural(lo.nodes.length, "document", "documents") + " not drawn in the overview (" +
      fmt(lo.in_corpus) + " of them in the corpus; each has at most " + plural(lo.max_degree, "citation link", "citation links") +
      "): list them";
    $("leftout").hidden = false;
    lazyDetails($("leftout"), $("leftout-body"), function (body) {
      body.appendChild(el("p", "hint", "Each is in the page: search for it, focus on it or use it in a path. The overview keeps " +
        fmt(lo.cap) + " documents, corpus documents first, then the most connected."));
      var div = el("div"); body.appendChild(div);
      nodeList(div, lo.nodes.map(function (id) { return index.get(id); }));
    });
  }

  // ------------------------------------------------------------------ legend and filters
  function glyph(shape) { return el("span", "shape", SHAPE_GLYPH[shape] || "\u25CF"); }
  function swatch(colour) { var s = el("span", "swatch"); s.style.background = colour; return s; }
  META.shapes.forEach(function (s) {
    var row = el("div"); row.appendChild(glyph(s.shape)); row.appendChild(el("span", null, s.name)); $("legend-shapes").appendChild(row);
  });
  META.bodies.slice(0, 7).forEach(function (b) {
    var row = el("div"); row.appendChild(swatch(b.color)); row.appendChild(el("span", null, b.name)); $("legend-bodies").appendChild(row);
  });
  if (META.bodies.length > 7) $("legend-bodies").appendChild(el("div", "hint", "+ " + (META.bodies.length - 7) + " more bodies in the filters"));
  $("legend-note").textContent = "Colour: body (pale: only cited, not in the corpus). Size: times cited. Lines: citing \u2192 cited; red: cites a later document. " +
    "Selected: black ring; what it cites in blue, what cites it in orange.";
  function checkList(box, items, key, mark) {
    items.forEach(function (item) {
      var lab = el("label", "check"), input = el("input");
      input.type = "checkbox"; input.checked = true; input.dataset.name = item.name;
      input.addEventListener("change", function () {
        if (input.checked) state[key].delete(item.name); else state[key].add(item.name);
        refreshOverview();
      });
      lab.appendChild(input); lab.appendChild(mark(item)); lab.appendChild(el("span", null, item.name));
      lab.appendChild(el("span", "n", fmt(item.count)));
      box.appendChild(lab);
    });
  }
  checkList($("filter-body"), META.bodies, "hiddenBodies", function (b) { return swatch(b.color); });
  checkList($("filter-kind"), META.kinds, "hiddenKinds", function (k) { return glyph(k.shape); });
  $("body-n").textContent = "(" + META.bodies.length + ")";
  $("kind-n").textContent = "(" + META.kinds.length + ")";
  if (META.bodies.length <= 6) $("group-body").open = true;
  function setYearInputs() {
    $("year-min").value = state.yearMin === null ? "" : state.yearMin;
    $("year-max").value = state.yearMax === null ? "" : state.yearMax;
  }
  setYearInputs();
  function readYear(id) { var v = parseInt($(id).value, 10); return isNaN(v) ? null : v; }
  $("year-min").addEventListener("change", function () { state.yearMin = readYear("year-min"); refreshOverview(); });
  $("year-max").addEventListener("change", function () { state.yearMax = readYear("year-max"); refreshOverview(); });
  $("undated").addEventListener("change", function () { state.undated = $("undated").checked; refreshOverview(); });
  $("in-corpus").addEventListener("change", function () { state.inCorpus = $("in-corpus").checked; refreshOverview(); });
  // Repaint what changed: in a large overview a filter, a selection or a search repaints only the
  // documents it touches and their links (sigma's partial refresh), not all of them.
  // touched: documents to repaint; linksOf: documents whose links to repaint. A selection changes
  // its document's links (coloured by direction) and its neighbours' rings, not their other links;
  // a filter changes the documents it hides or shows and their links; a search hit only its ring.
  var touched = new Set(), linksOf = new Set();
  function touchAround(i) {
    touched.add(i); linksOf.add(i);
    outEdges(i).forEach(function (e) { touched.add(ED.to[e]); });
    inEdges(i).forEach(function (e) { touched.add(ED.from[e]); });
  }
  function touchChanged(before) {  // documents whose filter verdict changed, and their links
    for (var i = 0; i < N; i++) if (before[i] !== passes[i]) { touched.add(i); linksOf.add(i); }
  }
  // The frame itself is drawn at the next animation frame (schedule): an action that also moves the
  // camera (search, Reset) draws one frame, not one for the repaint and one for the camera; in a
  // software WebGL each frame of the shared corpus costs 70-140 ms (README, Speed).
  function repaint(all) {
    if (all || !LARGE || touched.size > G.order / 3) overview.refresh({ skipIndexation: true, schedule: true });
    else if (touched.size) {
      var nodes = [], edges = new Set();
      touched.forEach(function (i) { if (ND.x[i] !== null) nodes.push(ids[i]); });
      linksOf.forEach(function (i) {
        if (ND.x[i] === null) return;
        outEdges(i).concat(inEdges(i)).forEach(function (e) {
          if (ND.x[ED.from[e]] !== null && ND.x[ED.to[e]] !== null) edges.add("e" + e);
        });
      });
      overview.refresh({ partialGraph: { nodes: nodes, edges: Array.from(edges) }, skipIndexation: true, schedule: true });
    }
    touched = new Set(); linksOf = new Set();
  }
  function refreshOverview() {
    var before = passes.slice();
    computePasses();
    touchChanged(before);
    if (state.selected !== null && !passes[state.selected]) select(null, true);
    repaint();
    updateCounts();
  }

  // ------------------------------------------------------------------ selection in the overview
  // A selected document's neighbours are ringed in the colour of their direction; the labels of at most
  // NEIGHBOUR_LABELS of them are forced (what it cites first, then what cites it, most cited first), the
  // others drawn where sigma's label grid finds room: a hub's 800 citing documents forced at once made
  // one black blob of overlapping labels around it. The panel lists them all.
  var NEIGHBOUR_LABELS = 30;
  function inDegree(j) { return IN.start[j + 1] - IN.start[j]; }
  function select(i, later) {
    if (state.selected !== null) touchAround(state.selected);
    state.selected = i;
    state.neighbours = null;
    state.labelled = new Set();
    if (i !== null) {
      touchAround(i);
      state.neighbours = new Map();
      outEdges(i).forEach(function (e) { state.neighbours.set(ED.to[e], DIR_COLOUR.out); });
      inEdges(i).forEach(function (e) { if (!state.neighbours.has(ED.from[e])) state.neighbours.set(ED.from[e], DIR_COLOUR.in); });
      var order = Array.from(state.neighbours.keys()).sort(function (a, b) {
        var da = state.neighbours.get(a) === DIR_COLOUR.out ? 0 : 1, db = state.neighbours.get(b) === DIR_COLOUR.out ? 0 : 1;
        return da - db || inDegree(b) - inDegree(a) || a - b;
      });
      order.slice(0, NEIGHBOUR_LABELS).forEach(function (j) { state.labelled.add(j); });
    }
    if (!later) repaint();
  }

  // ------------------------------------------------------------------ views laid out by time (focus, lineage, path)
  var view = null, viewRenderer = null;  // the views share one renderer, its graph replaced
  // made once, when the page is idle after it is ready (its WebGL programs take a moment to compile)
  function makeViewRenderer() {
    if (viewRenderer) return viewRenderer;
    var sigma = viewRenderer = new Sigma(new graphology.DirectedGraph(), $("view"), Object.assign({}, COMMON, {
      defaultEdgeType: "arrow", autoRescale: false, labelDensity: 100, labelGridCellSize: 10, labelRenderedSizeThreshold: 0,
      stagePadding: 40, allowInvalidContainer: true
    }));
    bindSigma(sigma);
    restPicking(sigma);
    sigma.on("afterRender", drawAxis);
    if ($("view").hidden) warmUp(sigma);
    return sigma;
  }
  // A software WebGL compiles a program's drawing code when it first draws with it, which made the
  // first focus of a page wait ~0.4 s longer than the next ones. So the view renderer draws one
  // small view (two documents, a citation between them) once, unseen, when it is made.
  function warmUp(sigma) {
    var box = $("view"), W = new graphology.DirectedGraph();
    W.addNode("a", { x: 0, y: 0, size: 8, sh: 1, color: "#888888", label: "a", ring: "#111111" });
    W.addNode("b", { x: 100, y: 0, size: 8, sh: 5, color: "#888888", label: "b" });
    W.addDirectedEdgeWithKey("w", "a", "b", { size: 1.5, color: "#888888", type: "arrow" });
    box.style.visibility = "hidden"; box.hidden = false;
    try { sigma.resize(); sigma.setGraph(W); sigma.render(); }
    finally { sigma.setGraph(new graphology.DirectedGraph()); box.hidden = true; box.style.visibility = ""; }
  }
  var measure = document.createElement("canvas").getContext("2d");
  measure.font = "500 12px " + COMMON.labelFont;
  function timeOf(i) { return ND.t[i] === null ? null : ND.t[i]; }
  // Time scale of a view: each year present gets one column, a run of absent years at most one;
  // undated documents stand in a column of their own on the left.
  function timeScale(items, width) {
    var years = Array.from(new Set(items.map(function (it) { return timeOf(it.i); }).filter(function (t) { return t !== null; })
      .map(Math.floor))).sort(function (a, b) { return a - b; });
    var start = new Map(), units = 1.2, ticks = [];  // 1.2: the undated column
    years.forEach(function (y, k) {
      if (k && y - years[k - 1] > 1) units += Math.min(y - years[k - 1] - 1, 1) * 0.6;
      start.set(y, units); units += 1;
    });
    var unit = Math.max(26, Math.min(240, (width - 120) / Math.max(units, 1)));
    var step = unit >= 34 ? 1 : unit >= 17 ? 2 : 5;
    years.forEach(function (y, k) { if (k % step === 0) ticks.push({ x: start.get(y) * unit, label: String(y), gap: k > 0 && y - years[k - 1] > 1 }); });
    return { unit: unit, ticks: ticks, undatedX: 0,
             x: function (t) { return t === null ? 0 : (start.get(Math.floor(t)) + (t - Math.floor(t)) * 0.9) * unit; } };
  }
  // items: [{i, band (-1 above, 0 middle, 1 below), order, label, size}] -> it.x, it.y in pixels.
  // Lanes keep labels apart: a node takes the first lane of its band whose last label ends before it.
  function layoutByTime(items, width) {
    var scale = timeScale(items, width), ROW = 26, lanes = { "-1": [], "0": [], "1": [] };
    items.forEach(function (it) { it.x = scale.x(timeOf(it.i)); });
    items.sort(function (a, b) { return a.x - b.x || a.order - b.order; });
    items.forEach(function (it) {
      var w = measure.measureText(it.label).width + it.size + 12, band = lanes[String(it.band)], lane = 0;
      while (lane < band.length && band[lane] > it.x - it.size - 2) lane++;
      band[lane] = it.x + w;
      it.y = it.band === 0 ? (lane % 2 ? (lane + 1) / 2 : -lane / 2) * ROW : it.band * (lane + 1) * ROW + it.band * 10;
    });
    return scale;
  }
  function showView(title, items, edgeList, focusI, leftOut) {
    closeView(true);
    var width = $("stage").clientWidth || 900;
    items.forEach(function (it) { it.label = shortLabel(sparse(ND.label, it.i, ids[it.i])); it.size = Math.max(5, Math.min(16, nodeSize(it.i, 1.4))); });
    var scale = layoutByTime(items, width);
    var VG = new graphology.DirectedGraph();
    items.forEach(function (it) {
      VG.addNode(ids[it.i], { x: it.x, y: -it.y, i: it.i, size: it.size, sh: SHAPE_INDEX[kindShape[ND.kind[it.i]]],
        color: nodeColour[it.i], label: it.label, forceLabel: true, ring: it.ring || null, zIndex: it.i === focusI ? 2 : 1 });
    });
    edgeList.forEach(function (x) {
      if (VG.hasNode(ids[ED.from[x.e]]) && VG.hasNode(ids[ED.to[x.e]]) && !VG.hasEdge(ids[ED.from[x.e]], ids[ED.to[x.e]])) {
        VG.addDirectedEdgeWithKey("e" + x.e, ids[ED.from[x.e]], ids[ED.to[x.e]], { e: x.e, size: edgeSize(x.e) + 0.5, color: x.color || "#8a94a6", type: "arrow" });
      }
    });
    $("overview").hidden = true; $("view").hidden = false;
    var sigma = viewRenderer || makeViewRenderer();
    sigma.resize();  // its container was hidden
    sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    sigma.setGraph(VG);
    view = { sigma: sigma, graph: VG, scale: scale, focus: focusI };
    current = { name: "view", sigma: sigma, title: title, ids: items.map(function (it) { return ids[it.i]; }) };
    fitView(items, focusI);
    $("view-title").textContent = title;
    $("view-bar").hidden = false; $("axis").hidden = false; $("legend").open = false;
    var vl = $("view-left");
    if (leftOut && leftOut.length) {
      $("view-left-summary").textContent = plural(leftOut.length, "more document", "more documents") + " not drawn in this view: list them";
      vl.hidden = false; vl.open = false;
      var fresh = vl.cloneNode(true); vl.parentNode.replaceChild(fresh, vl);
      lazyDetails(fresh, fresh.querySelector("#view-left-body"), function (body) { nodeList(body, leftOut); });
    } else vl.hidden = true;
    updateCounts();
    drawAxis();
  }
  function fitView(items, focusI) {
    // graph units are pixels at ratio 1 (autoRescale off): fit the view, never zooming out so far that
    // labels (12 px at any zoom) would overlap; a taller view opens on its focus and pans
    var xs = items.map(function (it) { return it.x; }), ys = items.map(function (it) { return -it.y; });
    var minX = Math.min.apply(null, xs) - 20, maxX = Math.max.apply(null, xs) + 150;
    var minY = Math.min.apply(null, ys) - 20, maxY = Math.max.apply(null, ys) + 20;
    var s = view.sigma, d = s.getDimensions(), BAR = 50, AXIS = 24, W = d.width, H = d.height - BAR - AXIS;
    // at ratio 1 labels (12 px) never overlap, as the lanes were made for; a view larger than the
    // stage opens on its focus, as near the middle as the edges of the view allow, and pans
    var f = items.filter(function (it) { return it.i === focusI; })[0] || items[0];
    function centre(lo, hi, at, size) { return hi - lo <= size ? (lo + hi) / 2 : Math.min(Math.max(at, lo + size / 2), hi - size / 2); }
    var cx = centre(minX, maxX, f.x, W), cy = centre(minY, maxY, -f.y, H) + (BAR - AXIS) / 2;
    // autoRescale is off: this box, the size of the stage, is what the camera frames at ratio 1
    s.setCustomBBox({ x: [cx - W / 2, cx + W / 2], y: [cy - d.height / 2, cy + d.height / 2] });
    s.refresh();
  }
  function drawAxis() {
    if (!view) return;
    var axis = $("axis"), sc = view.scale, s = view.sigma;
    axis.replaceChildren();
    sc.ticks.forEach(function (t) {
      var p = s.graphToViewport({ x: t.x, y: 0 });
      var tick = el("span", "tick" + (t.gap ? " gap" : ""), t.label); tick.style.left = p.x + "px"; axis.appendChild(tick);
    });
    var u = s.graphToViewport({ x: sc.undatedX, y: 0 });
    var t = el("span", "tick undated", "undated"); t.style.left = u.x + "px"; axis.appendChild(t);
  }
  function closeView(keepPanel) {
    view = null;
    $("view").hidden = true; $("overview").hidden = false; $("view-bar").hidden = true; $("axis").hidden = true;
    current = { name: "overview", sigma: overview, ids: null };
    updateCounts();
  }
  $("back").addEventListener("click", function () { closeView(); });

  function egoOf(i, depth, dir) {  // -> Map node -> [distance, band]
    var dist = new Map([[i, [0, 0]]]), queue = [i];
    while (queue.length) {
      var cur = queue.shift(), d = dist.get(cur);
      if (d[0] >= depth) continue;
      var band = d[1];
      if (dir !== "in") outEdges(cur).forEach(function (e) { var m = ED.to[e]; if (!dist.has(m)) { dist.set(m, [d[0] + 1, band || -1]); queue.push(m); } });
      if (dir !== "out") inEdges(cur).forEach(function (e) { var m = ED.from[e]; if (!dist.has(m)) { dist.set(m, [d[0] + 1, band || 1]); queue.push(m); } });
    }
    return dist;
  }
  var DIR_WORDS = { both: "cites and cited by", out: "cites (lineage)", "in": "cited by" };
  function focus(id, depth, dir) {
    var i = index.get(id);
    if (i === undefined) return false;
    depth = depth || 1; dir = dir || "both";
    var dist = egoOf(i, depth, dir), all = Array.from(dist.keys());
    all.sort(function (a, b) { return dist.get(a)[0] - dist.get(b)[0] || cited[b] - cited[a] || (ids[a] < ids[b] ? -1 : 1); });
    var keep = all.slice(0, VIEW_MAX), leftOut = all.slice(VIEW_MAX), kept = new Set(keep);
    var items = keep.map(function (j, k) {
      var d = dist.get(j);
      return { i: j, band: j === i ? 0 : d[1], order: k, ring: j === i ? "#111111" : (d[0] === 1 ? (d[1] < 0 ? DIR_COLOUR.out : DIR_COLOUR["in"]) : null) };
    });
    var edgeList = [];
    keep.forEach(function (j) {
      outEdges(j).forEach(function (e) {
        if (kept.has(ED.to[e])) edgeList.push({ e: e, color: j === i ? DIR_COLOUR.out : ED.to[e] === i ? DIR_COLOUR["in"] : "#9aa3b2" });
      });
    });
    $("focus-symbol").value = id; $("focus-depth").value = String(depth); $("focus-dir").value = dir;
    showView("Focus on " + id + " (depth " + depth + ", " + DIR_WORDS[dir] + "): " + plural(keep.length, "document", "documents") +
      " by time; above: what it cites (blue), below: what cites it (orange).", items, edgeList, i, leftOut);
    showNode(i);
    return true;
  }
  function bfsPath(a, b, mode) {  // mode: "out" along citations, "any" ignoring direction
    var prev = new Int32Array(N).fill(-1), queue = [a], head = 0;
    prev[a] = a;
    while (head < queue.length) {
      var cur = queue[head++];
      if (cur === b) break;
      var next = outEdges(cur).map(function (e) { return ED.to[e]; });
      if (mode === "any") next = next.concat(inEdges(cur).map(function (e) { return ED.from[e]; }));
      for (var k = 0; k < next.length; k++) if (prev[next[k]] < 0) { prev[next[k]] = cur; queue.push(next[k]); }
    }
    if (prev[b] < 0) return null;
    var path = [b];
    while (path[0] !== a) path.unshift(prev[path[0]]);
    return path;
  }
  function edgeBetween(a, b) {
    var list = outEdges(a);
    for (var k = 0; k < list.length; k++) if (ED.to[list[k]] === b) return list[k];
    return -1;
  }
  function path(fromText, toText) {  // -> {ok, message}
    var out = $("path-result");
    out.replaceChildren();
    var ra = resolve(fromText), rb = resolve(toText);
    if (ra.error || rb.error) {
      [["from", ra], ["to", rb]].forEach(function (p) { if (p[1].error) out.appendChild(failure(p[0] + ": ", p[1], function (id) { $("path-" + p[0]).value = id; doPath(); })); });
      return { ok: false, message: out.textContent };
    }
    var a = index.get(ra.node), b = index.get(rb.node);
    var how = "citation path", p = bfsPath(a, b, "out");
    if (!p) { p = bfsPath(b, a, "out"); if (p) how = "citation path the other way (" + ids[b] + " cites \u2026 " + ids[a] + ")"; }
    if (!p) { p = bfsPath(a, b, "any"); how = "link path ignoring direction"; }
    if (!p) { out.textContent = "No path between " + ids[a] + " and " + ids[b] + " in the whole graph."; return { ok: false, message: out.textContent }; }
    var items = p.map(function (j, k) { return { i: j, band: 0, order: k, ring: k === 0 || k === p.length - 1 ? "#111111" : null }; });
    var edgeList = [];
    for (var k = 1; k < p.length; k++) {
      var e1 = edgeBetween(p[k - 1], p[k]), e2 = edgeBetween(p[k], p[k - 1]);
      if (e1 >= 0) edgeList.push({ e: e1, color: "#1d4ed8" }); else if (e2 >= 0) edgeList.push({ e: e2, color: "#c2410c" });
    }
    showView("Path " + ids[a] + " \u2192 " + ids[b] + ": " + how + ", " + plural(p.length - 1, "step", "steps") + ", laid out by time.", items, edgeList, -1, []);
    out.appendChild(el("span", null, how + ", " + plural(p.length - 1, "step", "steps") + ":"));
    var ol = el("ol", "items");
    p.forEach(function (j, k) {
      ol.appendChild(nodeItem(node(j)));
      if (k < p.length - 1) {
        var e1 = edgeBetween(p[k], p[k + 1]), e2 = edgeBetween(p[k + 1], p[k]), ee = e1 >= 0 ? e1 : e2;
        var li = el("li", "step", (e1 >= 0 ? "\u2193 cites" : "\u2191 cited by") + " \u2014 show the citation");
        li.addEventListener("click", function () { showEdge(ee); });
        ol.appendChild(li);
      }
    });
    out.appendChild(ol);
    return { ok: true, steps: p.length - 1, how: how, ids: p.map(function (j) { return ids[j]; }) };
  }
  function doPath() { return path($("path-from").value, $("path-to").value); }
  $("path-go").addEventListener("click", doPath);
  $("path-to").addEventListener("keydown", function (ev) { if (ev.key === "Enter") doPath(); });
  function failure(prefix, r, pick) {  // an error naming the input; candidates to click
    var box = el("div", "fail");
    box.appendChild(el("span", null, prefix + r.error + "."));
    if (r.candidates && r.candidates.length) {
      var ul = el("ul", "items");
      r.candidates.slice(0, 20).forEach(function (id) {
        var li = el("li"); li.appendChild(el("span", "sym", id));
        li.addEventListener("click", function () { pick(id); }); ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    return box;
  }
  function doFocus() {
    var r = resolve($("focus-symbol").value), out = $("focus-result");
    out.replaceChildren();
    if (r.error) { out.appendChild(failure("", r, function (id) { $("focus-symbol").value = id; doFocus(); })); return false; }
    if (r.others.length) out.textContent = r.node + " (also: " + r.others.join(", ") + ")";
    return focus(r.node, parseInt($("focus-depth").value, 10), $("focus-dir").value);
  }
  $("focus-go").addEventListener("click", doFocus);
  $("focus-symbol").addEventListener("keydown", function (ev) { if (ev.key === "Enter") doFocus(); });

  // ------------------------------------------------------------------ details panel
  function row(dl, key, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", null, key));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    dl.appendChild(dd);
  }
  function link(href, label) {
    var a = el("a", null, label); a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer"; return a;
  }
  function safePage(p) { return /^docs\/[A-Za-z0-9._-]+\.html$/.test(p) ? p : ""; }
  function citedLine(n) { return "cited by " + plural(n.cited, "document", "documents") + " / cites " + fmt(n.cites); }
  function nodeItem(n, extra) {
    var li = el("li");
    li.appendChild(el("span", "sym", n.id));
    if (extra) li.appendChild(el("span", "m", " " + extra));
    if (!n.drawn) li.appendChild(el("span", "off", " not drawn in the overview"));
    if (n.title) li.appendChild(el("div", "t", n.title));
    li.addEventListener("click", function () { goTo(n.id); });
    return li;
  }
  function whenText(n) {
    if (n.when === "date") return n.date;
    if (n.when === "year") return String(n.year);
    if (n.when === "session") return "session " + n.session + " (\u2248" + Math.round(n.t) + ")";
    return "";
  }
  function showNode(i) {
    var n = node(i), panel = $("panel");
    panel.replaceChildren();
    panel.appendChild(el("h3", null, n.id));
    if (n.title) panel.appendChild(el("p", "title", n.title));
    var dl = el("dl");
    if (n.title && TITLE_SOURCE[n.title_source]) row(dl, "title", TITLE_SOURCE[n.title_source]);
    row(dl, "kind", n.kind);
    row(dl, "body", n.body);
    row(dl, "date", whenText(n));
    row(dl, "in corpus", n.in_corpus ? "yes" + (n.file ? " (" + n.file + ")" : "") : "no (cited only)");
    row(dl, "citations", citedLine(n));
    if (n.aliases.length) row(dl, "also", n.aliases.join(", "));
    var links = el("span");
    var page = safePage(n.page);
    if (page) { links.appendChild(link(page, "read the text")); links.appendChild(document.createTextNode(" \u00b7 ")); }
    if (/^https?:\/\//.test(n.url)) links.appendChild(link(n.url, "open on undocs.org"));
    row(dl, "links", links);
    panel.appendChild(dl);
    var acts = el("div", "row");
    acts.appendChild(button(n.drawn ? "Focus on this document" : "Show its neighbourhood", function () {
      focus(n.id, parseInt($("focus-depth").value, 10) || 1, $("focus-dir").value);
    }));
    acts.appendChild(button("Path from here", function () { $("path-from").value = n.id; $("path-to").focus(); }));
    panel.appendChild(acts);
    if (!n.drawn) panel.appendChild(el("p", "hint", "Not drawn in the overview (it keeps the most connected documents); its neighbourhood shows it."));
    citationList(panel, "Cites", outEdges(i), "ti", "out");
    citationList(panel, "Cited by", inEdges(i), "fi", "in");
    $("focus-symbol").value = n.id;
  }
  function citationList(panel, heading, list, end, dir) {
    if (!list.length) return;
    panel.appendChild(el("h4", null, heading + " (" + fmt(list.length) + ")"));
    var edges = list.map(edgeLight).sort(function (a, b) { return b.count - a.count || (ids[a[end]] < ids[b[end]] ? -1 : 1); });
    var ul = el("ul", "items cites " + dir), shownN = 0;
    function more() {
      edges.slice(shownN, shownN + 60).forEach(function (x) {
        var other = ids[x[end]], li = el("li");
        li.dataset.edge = String(x.e);
        li.appendChild(el("span", "sym", other));
        var extra = [x.relations, x.places].filter(Boolean).join(" \u00b7 ") + (x.count > 1 ? " \u00d7" + x.count : "");
        if (extra) li.appendChild(el("span", "m", " " + extra));
        li.title = "Show the citation";
        li.addEventListener("click", function () { showEdge(x.e); });
        ul.appendChild(li);
      });
      shownN = Math.min(edges.length, shownN + 60);
      moreBtn.hidden = shownN >= edges.length;
      moreBtn.textContent = "show " + fmt(Math.min(60, edges.length - shownN)) + " more";
    }
    var moreBtn = button("", more, "more");
    panel.appendChild(ul); panel.appendChild(moreBtn);
    more();
  }
  function edgeLight(e) {  // what a list item needs, without the texts
    return { e: e, fi: ED.from[e], ti: ED.to[e], count: sparse(ED.count, e, 1), relations: (S[ED.rel[e]] || "").split(" | ").join(", "),
             places: (S[ED.places[e]] || "").split(" | ").slice(0, 3).map(placeShort).join(", ") };
  }
  var PLACE_WORDS = { pp: "preambular paragraph ", op: "operative paragraph ", p: "paragraph ", x: "text block " };
  function placeShort(p) { return p.replace(/ fn(\S+)/, " fn $1"); }
  function placeLong(p) {  // "pp10 fn8" -> "preambular paragraph 10, footnote 8"
    var m = /^(pp|op|p|x)(\d+\S*)(?: fn(\S+))?$/.exec(p);
    if (m) return PLACE_WORDS[m[1]] + m[2] + (m[3] ? ", footnote " + m[3] : "");
    m = /^(\S+) fn(\S+)$/.exec(p);
    if (m) return (m[1] === "header" ? "heading" : m[1]) + ", footnote " + m[2];
    return p === "header" ? "heading" : p;
  }
  function showEdge(e) {
    var x = edge(e), panel = $("panel");
    panel.replaceChildren();
    panel.appendChild(el("h3", "cite-head", x.from + " cites " + x.to));
    var dl = el("dl");
    row(dl, "relation", x.relations.join(", ") || "(none written)");
    row(dl, "as written", x.verbs.join(", "));
    row(dl, "where", x.places.map(placeLong).join("; "));
    row(dl, "pinpoint", x.pinpoints.join(", "));
    row(dl, "times", x.count > 1 ? fmt(x.count) + " citations" : "");
    if (x.later) row(dl, "note", "cites a later document (a date or symbol may be misread)");
    panel.appendChild(dl);
    var firstPlace = x.places[0] || "";
    if (x.mark_sentence) {
      var fn = (/ fn(\S+)$/.exec(firstPlace) || [])[1] || "";
      panel.appendChild(el("h4", null, "Citing paragraph (" + placeLong(firstPlace.split(" fn")[0]) + "), with the footnote mark"));
      panel.appendChild(el("blockquote", "citing", x.mark_sentence));
      var note = el("blockquote", "footnote");
      note.appendChild(el("span", "fnno", "Footnote " + fn + ": "));
      note.appendChild(document.createTextNode(x.sentence));
      panel.appendChild(note);
    } else if (x.sentence) {
      panel.appendChild(el("h4", null, "Citing paragraph" + (firstPlace ? " (" + placeLong(firstPlace) + ")" : "")));
      panel.appendChild(el("blockquote", "citing", x.sentence));
    }
    if (x.count > 1) panel.appendChild(el("p", "hint", "The first of " + fmt(x.count) + " citations is quoted."));
    var page = safePage(sparse(ND.page, x.fi, ""));
    if (page && firstPlace) panel.appendChild(link(page + "#" + encodeURIComponent(firstPlace.split(" ")[0]), "read it in context"));
    var ul = el("ul", "items");
    ul.appendChild(nodeItem(node(x.fi), "(citing)"));
    ul.appendChild(nodeItem(node(x.ti), "(cited)"));
    panel.appendChild(ul);
  }

  // ------------------------------------------------------------------ events of a renderer
  var tip = $("tooltip");
  function placeTip(ev) {
    var r = ev.sigma.getContainer().getBoundingClientRect();
    var x = r.left + ev.x + 14, y = r.top + ev.y + 14;
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 4) x = Math.max(4, x - w - 28);
    if (y + h > window.innerHeight - 4) y = Math.max(4, y - h - 28);
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function bindSigma(sigma) {
    sigma.on("clickNode", function (p) {
      var i = sigma.getGraph().getNodeAttribute(p.node, "i");
      if (sigma === overview) select(i);
      showNode(i);
    });
    sigma.on("clickEdge", function (p) { showEdge(sigma.getGraph().getEdgeAttribute(p.edge, "e")); });
    sigma.on("clickStage", function () { if (sigma === overview && state.selected !== null) select(null); });
    sigma.on("enterNode", function (p) {
      var n = node(sigma.getGraph().getNodeAttribute(p.node, "i"));
      tip.replaceChildren();
      tip.appendChild(el("div", "sym", n.id));
      if (n.title) tip.appendChild(el("div", null, n.title));
      tip.appendChild(el("div", "m", [whenText(n), n.body, n.kind].filter(Boolean).join(" \u00b7 ")));
      tip.appendChild(el("div", "m", citedLine(n)));
      placeTip({ sigma: sigma, x: p.event.x, y: p.event.y });
    });
    sigma.on("enterEdge", function (p) {
      var x = edge(sigma.getGraph().getEdgeAttribute(p.edge, "e"));
      tip.replaceChildren();
      tip.appendChild(el("div", "sym", x.from + " \u2192 " + x.to));
      var bits = [];
      if (x.relations.length) bits.push(x.relations.join(", "));
      if (x.pinpoints.length) bits.push("pinpoint " + x.pinpoints.join(", "));
      if (x.places.length) bits.push("in " + x.places.join(", "));
      if (x.count > 1) bits.push(x.count + " citations");
      if (bits.length) tip.appendChild(el("div", "m", bits.join(" \u00b7 ")));
      if (x.mark_sentence || x.sentence) tip.appendChild(el("div", "q", x.mark_sentence || x.sentence));
      placeTip({ sigma: sigma, x: p.event.x, y: p.event.y });
    });
    ["leaveNode", "leaveEdge", "downStage", "wheelStage"].forEach(function (ev) { sigma.on(ev, function () { tip.hidden = true; }); });
  }
  bindSigma(overview);

  // ------------------------------------------------------------------ search box, goTo, reset, #fragment
  var searchTimer = null;
  function runSearch(noRefresh) {
    var q = $("search").value, hits = search(q), list = $("search-results");
    list.replaceChildren();
    hits.slice(0, 50).forEach(function (n) {
      var li = nodeItem(n);
      if (!n.drawn) li.appendChild(button("show its neighbourhood", function (ev) { ev.stopPropagation(); focus(n.id, 1, "both"); }, "inline"));
      list.appendChild(li);
    });
    $("search-count").textContent = q.trim() ? (hits.length ? plural(hits.length, "match", "matches") + (hits.length > 50 ? " (first 50 listed)" : "") :
      "0 matches: " + resolve(q).error) : "";
    if (state.hits) state.hits.forEach(function (i) { touched.add(i); });
    state.hits = q.trim() ? new Set(hits.slice(0, 200).map(function (n) { return n.i; })) : null;
    if (state.hits) state.hits.forEach(function (i) { touched.add(i); });
    if (current.name === "overview" && !noRefresh) repaint();
    return hits;
  }
  $("search").addEventListener("input", function () { clearTimeout(searchTimer); searchTimer = setTimeout(runSearch, 150); });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      clearTimeout(searchTimer);
      var hits = runSearch(true);
      if (!hits.length || !goTo(hits[0].id)) repaint();
    }
  });
  function goTo(id) {
    var i = index.get(id);
    if (i === undefined) return false;
    if (current.name === "view" && view && view.graph.hasNode(id)) {
      var d = displayData(view.sigma, id);
      view.sigma.getCamera().animate({ x: d.x, y: d.y }, { duration: 200 });
      showNode(i);
      return true;
    }
    if (ND.x[i] === null) { closeView(); showNode(i); return true; }
    closeView();
    if (!passes[i]) { resetFilters(); }
    select(i);  // (repaints what the search touched too)
    var dd = displayData(overview, id);
    overview.getCamera().setState({ x: dd.x, y: dd.y, ratio: Math.min(overview.getCamera().ratio, 0.25) });
    showNode(i);
    return true;
  }
  function resetFilters() {
    var keep = { selected: state.selected, neighbours: state.neighbours, labelled: state.labelled, hits: state.hits };
    state = Object.assign(freshState(), keep);
    document.querySelectorAll("#filter-body input, #filter-kind input").forEach(function (b) { b.checked = true; });
    setYearInputs(); $("undated").checked = true; $("in-corpus").checked = false;
    var before = passes.slice();
    computePasses();
    touchChanged(before);
  }
  function reset() {
    closeView();
    if (state.selected !== null) touchAround(state.selected);
    if (state.hits) state.hits.forEach(function (i) { touched.add(i); });
    state = freshState();
    resetFilters();
    $("search").value = ""; $("search-results").replaceChildren(); $("search-count").textContent = "";
    ["focus-symbol", "path-from", "path-to"].forEach(function (id) { $(id).value = ""; });
    $("focus-depth").value = "1"; $("focus-dir").value = "both";
    $("path-result").replaceChildren(); $("focus-result").replaceChildren();
    $("panel").replaceChildren(el("p", "hint", "Click a document or a citation for its details."));
    tip.hidden = true;
    repaint();
    overview.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    updateCounts();
  }
  $("reset").addEventListener("click", reset);
  function fromHash() {
    var text = decodeURIComponent(location.hash.slice(1));
    if (!text) return;
    var r = resolve(text);
    if (r.error) { $("focus-result").replaceChildren(failure("#" + "fragment: ", r, function (id) { goTo(id); })); return; }
    if (ND.x[index.get(r.node)] === null) focus(r.node, 1, "both"); else goTo(r.node);
  }
  window.addEventListener("hashchange", fromHash);

  // ------------------------------------------------------------------ ready
  leftOutNote();
  updateCounts();
  window.citegraph = {
    ready: false, readyMs: null, t0: T0, times: TIMES, data: DATA,
    search: search, goTo: goTo, focus: focus, reset: reset,
    path: function (a, b) { $("path-from").value = a; $("path-to").value = b; return doPath(); },
    lookup: function (text) { var r = resolve(text); return r.error ? { id: null, error: r.error, candidates: r.candidates } : { id: r.node, others: r.others }; },
    view: function () { return current.name; },
    visibleIds: function () {
      if (current.name === "view") return current.ids.slice();
      var out = []; for (var i = 0; i < N; i++) if (passes[i]) out.push(ids[i]); return out;
    },
    drawnIds: function () { return G.nodes(); },
    renderer: function () { return current.sigma; },
    nodePoint: function (id) {  // where a node is drawn, in page coordinates
      var s = current.sigma, d = displayData(s, id);
      if (!d) return null;
      var p = s.framedGraphToViewport(d), r = s.getContainer().getBoundingClientRect();
      return [r.left + p.x, r.top + p.y];
    },
    edgePoint: function (from, to, at) {  // a point on the drawn line from -> to (at: 0..1 from the citing end)
      var s = current.sigma, a = displayData(s, from), b = displayData(s, to);
      if (!a || !b) return null;
      var pa = s.framedGraphToViewport(a), pb = s.framedGraphToViewport(b), r = s.getContainer().getBoundingClientRect(), t = at === undefined ? 0.5 : at;
      return [r.left + pa.x + (pb.x - pa.x) * t, r.top + pa.y + (pb.y - pa.y) * t];
    }
  };
  if (META.focus) focus(META.focus, META.depth || 1, "both");
  if (location.hash.length > 1) fromHash();
  function markReady() {
    if (window.citegraph.ready) return;
    setTimeout(function () {
      firstFrame = false;
      if (overview.citegraphPickingStale) { overview.citegraphPickingStale = false; overview.render(); }
      searchIndex(); if (!viewRenderer) makeViewRenderer();
    }, 50);
    window.citegraph.ready = true;
    window.citegraph.readyMs = performance.now();
    document.documentElement.dataset.ready = "1";
  }
  overview.once("afterRender", markReady);
  requestAnimationFrame(function () { requestAnimationFrame(markReady); });
})();
