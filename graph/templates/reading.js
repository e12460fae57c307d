/* citegraph reading pages: one script shared by every page in docs/.
   Shows a tooltip for each reference link from its data-tip attribute (JSON: symbol s, title t,
   date d, relation r, pinpoint p, named n). Text is set with textContent only: titles come from
   documents and are never parsed as HTML. */
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  if (!tip) return;
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function show(a) {
    var items;
    try { items = JSON.parse(a.getAttribute("data-tip") || "[]"); } catch (err) { return; }
    if (!items.length) return;
    tip.textContent = "";
    items.forEach(function (it) {
      var box = el("div", "t-item");
      box.appendChild(el("div", "t-sym", it.s || ""));
      if (it.t) box.appendChild(el("div", "t-title", it.t));
      var meta = [];
      if (it.d) meta.push(it.d);
      if (it.r) meta.push(it.r);
      if (it.p) meta.push(it.p);
      if (it.n) meta.push("cited by name");
      if (meta.length) box.appendChild(el("div", "t-meta", meta.join(" · ")));
      tip.appendChild(box);
    });
    var r = a.getBoundingClientRect();
    tip.hidden = false;
    var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(window.scrollX + 4, left) + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  function hide() { tip.hidden = true; }
  function refOf(e) {
    var t = e.target;
    return t && t.closest ? t.closest("a[data-tip]") : null;
  }
  document.addEventListener("mouseover", function (e) { var a = refOf(e); if (a) show(a); });
  document.addEventListener("mouseout", function (e) { var a = refOf(e); if (a) hide(); });
  document.addEventListener("focusin", function (e) { var a = refOf(e); if (a) show(a); else hide(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
