/* citegraph: the one resolver of what a user types -> a node, in the page.
 * The same rules as graph/lookup.py, read from the same data (graph/data/lookup.json, embedded
 * in the page as the "citegraph-lookup" JSON block); tests/test_explorer_browser.py runs one
 * table of inputs through both and checks that they agree. Keep the two in step. */
var CitegraphLookup = (function () {
  "use strict";

  function Lookup(rules, records) {
    // records: array of [id, kind, body, aliases[]]
    this.rules = rules;
    this.charRe = rules.characters.map(function (c) { return [new RegExp(c[0], "g"), c[1]]; });
    this.trimRe = new RegExp(rules.trim, "g");
    this.quals = rules.qualifiers.map(function (q) { return [new RegExp(q.pattern), q.what]; });
    this.compact = rules.compact.map(function (c) { return [new RegExp(c[0], "g"), c[1]]; });
    this.partRe = new RegExp(rules.part.pattern);
    this.sessionRe = new RegExp(rules.session_paren);
    this.kind = new Map(); this.body = new Map();
    this.exact = new Map(); this.tail = new Map(); this.base = new Map();
    var self = this;
    records.forEach(function (r) {
      var node = r[0];
      self.kind.set(node, r[1] || ""); self.body.set(node, r[2] || "");
      [node].concat(r[3] || []).forEach(function (name) {
        var k = self.key(name);
        if (!k) return;
        add(self.exact, k, node);
        var parts = k.split("/");
        for (var i = 1; i < parts.length; i++) {
          var t = parts.slice(i).join("/");
          if (t.indexOf("/") >= 0 || t.indexOf("(") >= 0) add(self.tail, t, node);
        }
        var m = self.sessionRe.exec(k);
        if (m && k.indexOf("/") >= 0) {
          var b = k.slice(0, m.index).split("/");
          for (var j = 0; j < b.length; j++) add(self.base, b.slice(j).join("/"), node);
        }
      });
    });
  }
  function add(table, key, node) {
    var nodes = table.get(key);
    if (!nodes) table.set(key, [node]);
    else if (nodes.indexOf(node) < 0) nodes.push(node);
  }
  var PLAIN = /^(?:[!-~]| (?! ))*$/;  // printable ASCII, single spaces: the character rules change nothing
  Lookup.prototype.clean = function (text) {
    var s = String(text);
    if (!PLAIN.test(s)) {
      s = s.normalize("NFKC");
      this.charRe.forEach(function (c) { s = s.replace(c[0], c[1]); });
    }
    return s.toUpperCase().replace(this.trimRe, "");
  };
  Lookup.prototype.key = function (text) { return this.clean(text).split(" ").join(""); };
  Lookup.prototype.parse = function (text) {
    var s = this.clean(text), whole = s.split(" ").join(""), what = {}, changed = true;
    while (changed) {
      changed = false;
      for (var i = 0; i < this.quals.length; i++) {
        var m = this.quals[i][0].exec(s);
        if (m && m.index + m[0].length < s.length) {
          s = s.slice(m.index + m[0].length);
          var said = this.quals[i][1];
          Object.keys(said).forEach(function (k) { if (!(k in what)) what[k] = said[k]; });
          changed = true;
          break;
        }
      }
    }
    this.compact.forEach(function (c) { s = s.replace(c[0], c[1]); });
    var keys = [s.split(" ").join("")];
    var p = this.partRe.exec(s);
    if (p) {
      var k2 = (p[1] + p[3]).split(" ").join("");
      if (keys.indexOf(k2) < 0) keys.push(k2);
    }
    return { text: text, whole: whole, keys: keys, kind: what.kind || "", body: what.body || "" };
  };
  // -> {node, rule, others} | {error, candidates}
  Lookup.prototype.find = function (text) {
    var q = this.parse(text);
    if (!q.whole) return { error: "no document " + pyRepr(text) + ": give a symbol such as 79/194", candidates: [] };
    var hits = this.exact.get(q.whole);
    if (hits && hits.length) return this.choose(q, hits, "exact");
    var tables = [["symbol", this.exact], ["tail", this.tail], ["base", this.base]];
    for (var i = 0; i < q.keys.length; i++) {
      for (var j = 0; j < tables.length; j++) {
        var self = this;
        hits = (tables[j][1].get(q.keys[i]) || []).filter(function (n) {
          return (!q.kind || self.kind.get(n) === q.kind) && (!q.body || self.body.get(n) === q.body);
        });
        if (hits.length) return this.choose(q, hits, tables[j][0]);
      }
    }
    return { error: "no document " + pyRepr(text) + " in the graph", candidates: [] };
  };
  Lookup.prototype.choose = function (q, hits, rule) {
    hits = Array.from(new Set(hits)).sort(natural);
    if (hits.length === 1) return { node: hits[0], rule: rule, others: [] };
    var self = this, prefer = this.rules.prefer_kind;
    var preferred = hits.filter(function (n) { return self.kind.get(n) === prefer; });
    if (preferred.length === 1) {
      return { node: preferred[0], rule: rule, others: hits.filter(function (n) { return n !== preferred[0]; }) };
    }
    var shown = hits.slice(0, 8).join(", ") + (hits.length > 8 ? " and " + (hits.length - 8) + " more" : "");
    return { error: pyRepr(q.text) + " is ambiguous: " + shown, candidates: hits };
  };

  // Python's natural key: parts of re.split(r"(\d+)", s); a digit run compares as a number
  function naturalKey(s) {
    return s.split(/(\d+)/).map(function (p) { return /^\d+$/.test(p) ? [0, parseInt(p, 10), ""] : [1, 0, p]; });
  }
  function natural(a, b) {
    var x = naturalKey(a), y = naturalKey(b);
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      for (var j = 0; j < 3; j++) {
        if (x[i][j] < y[i][j]) return -1;
        if (x[i][j] > y[i][j]) return 1;
      }
    }
    return x.length - y.length;
  }
  // repr() of a Python str, as the CLI's messages quote the input
  function pyRepr(s) {
    s = String(s);
    var q = s.indexOf("'") >= 0 && s.indexOf('"') < 0 ? '"' : "'";
    var body = s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
    if (q === "'") body = body.replace(/'/g, "\\'");
    body = body.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/gu, function (c) {
      if (c === " ") return c;
      var n = c.codePointAt(0), h = n.toString(16);
      return n < 0x100 ? "\\x" + ("0" + h).slice(-2) : n < 0x10000 ? "\\u" + ("000" + h).slice(-4)
        : "\\U" + ("0000000" + h).slice(-8);
    });
    return q + body + q;
  }
  return { Lookup: Lookup, natural: natural, pyRepr: pyRepr };
})();
