// Shared helpers. Every piece of data reaches the page through textContent or setAttribute;
// nothing here builds HTML from strings.
"use strict";
(function () {
  const QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation",
                      3: "verbal conflict", 4: "material conflict"};
  const QUAD_COLORS = {1: "#2b7bba", 2: "#1a9850", 3: "#f08c2e", 4: "#d7301f"};
  const FACTUALITY = ["asserted", "reported", "planned", "speculated", "hypothetical", "negated"];
  const SVG_NS = "http://www.w3.org/2000/svg";

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = String(v);
      else if (k === "class") node.setAttribute("class", v);
      else if (k.startsWith("on")) throw new Error("use addEventListener");
      else node.setAttribute(k, String(v));
    }
  }

  function append(node, children) {
    if (children === null || children === undefined) return;
    for (const c of Array.isArray(children) ? children : [children]) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === "string" || typeof c === "number"
        ? document.createTextNode(String(c)) : c);
    }
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  async function api(path, options) {
    const res = await fetch(path, Object.assign({headers: {"Accept": "application/json"}}, options || {}));
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok || !body || body.ok === false) {
      const msg = body && body.error ? body.error : ("HTTP " + res.status);
      const err = new Error(msg);
      err.status = res.status;
      throw err;
    }
    return body;
  }

  function showError(container, err) {
    clear(container);
    container.appendChild(el("div", {class: "error", role: "alert", text: String(err.message || err)}));
  }

  function badge(factuality) {
    const f = FACTUALITY.includes(factuality) ? factuality : "unknown";
    return el("span", {class: "badge " + f, title: "factuality: " + factuality, text: factuality || "?"});
  }

  function quadDot(q) {
    return el("span", {class: "quad q" + q, title: QUAD_NAMES[q] || ""});
  }

  function actorLabel(e, side) {
    const list = e[side] || [];
    if (list.length) return Array.from(new Set(list.map(a => a.name || a.code || a.text))).join(", ");
    return e[side + "_name"] || e[side + "_code"] || "—";
  }

  function markNav() {
    const here = location.pathname === "/" ? "/map" : location.pathname;
    for (const a of document.querySelectorAll("nav a")) {
      if (a.getAttribute("href") === here) a.classList.add("active");
    }
  }

  function params() { return new URLSearchParams(location.search); }

  function fmt(x, digits) {
    if (x === null || x === undefined || Number.isNaN(x)) return "—";
    return typeof x === "number" ? x.toFixed(digits === undefined ? 2 : digits) : String(x);
  }

  async function fillActors(select, selected, blank) {
    const data = await api("/api/actors?limit=500");
    clear(select);
    if (blank) select.appendChild(el("option", {value: "", text: blank}));
    for (const a of data.items) {
      const o = el("option", {value: a.code, text: a.code + " — " + a.name + " (" + a.events + ")"});
      if (a.code === selected) o.selected = true;
      select.appendChild(o);
    }
    return data.items;
  }

  document.addEventListener("DOMContentLoaded", markNav);
  window.geopol = {el, svg, clear, api, showError, badge, quadDot, actorLabel, params, fmt,
                   fillActors, QUAD_NAMES, QUAD_COLORS, FACTUALITY};
})();
