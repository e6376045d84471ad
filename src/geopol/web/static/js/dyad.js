// Dyad view: cooperation and conflict between two actors over time, with the events beneath.
"use strict";
(function () {
  const g = window.geopol;
  const W = 900, H = 320, M = {l: 46, r: 16, t: 14, b: 40};

  function niceStep(raw) {
    const p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
    return 10 * p;
  }

  function drawChart(container, series, weighted) {
    g.clear(container);
    if (!series.length) {
      container.appendChild(g.el("p", {class: "muted", text: "No events between these actors."}));
      return;
    }
    const coop = series.map(r => (r.verbal_coop || 0) + (r.material_coop || 0));
    const conf = series.map(r => (r.verbal_conflict || 0) + (r.material_conflict || 0));
    const top = Math.max(1e-9, ...coop, ...conf);
    const step = weighted ? niceStep(top / 4) : Math.max(1, Math.ceil(top / 4));
    const ymax = step * Math.max(1, Math.ceil(top / step));
    const n = series.length;
    const x = i => M.l + (n === 1 ? (W - M.l - M.r) / 2 : i * (W - M.l - M.r) / (n - 1));
    const y = v => H - M.b - v / ymax * (H - M.t - M.b);
    const root = g.svg("svg", {viewBox: "0 0 " + W + " " + H, role: "img",
      "aria-label": "cooperation and conflict over time"});
    for (let v = 0; v <= ymax + 1e-9; v += step) {
      root.appendChild(g.svg("line", {class: "grid", x1: M.l, x2: W - M.r, y1: y(v), y2: y(v)}));
      root.appendChild(g.svg("text", {class: "tick", x: M.l - 6, y: y(v) + 4, "text-anchor": "end",
        text: weighted && step < 1 ? v.toFixed(2) : (Math.round(v * 100) / 100)}));
    }
    root.appendChild(g.svg("line", {class: "axis", x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b}));
    const every = Math.max(1, Math.ceil(n / 10));
    series.forEach((r, i) => {
      if (i % every) return;
      root.appendChild(g.svg("text", {class: "tick", x: x(i), y: H - M.b + 16, "text-anchor": "middle",
        text: String(r.period).slice(0, 10)}));
    });
    for (const [values, cls, label] of [[coop, "line-coop", "cooperation"], [conf, "line-conflict", "conflict"]]) {
      const d = values.map((v, i) => (i ? "L" : "M") + x(i).toFixed(1) + "," + y(v).toFixed(1)).join("");
      root.appendChild(g.svg("path", {class: cls, d: d}));
      values.forEach((v, i) => {
        const dot = g.svg("circle", {class: cls + " dot", cx: x(i), cy: y(v), r: 3});
        dot.appendChild(g.svg("title", {text: label + " " + String(series[i].period).slice(0, 10) + ": " + g.fmt(v, weighted ? 2 : 0)}));
        root.appendChild(dot);
      });
    }
    container.appendChild(root);
  }

  document.addEventListener("DOMContentLoaded", async () => {
    const status = document.getElementById("status");
    const selA = document.getElementById("a"), selB = document.getElementById("b");
    const p = g.params();
    let table = null;
    async function refresh() {
      const a = selA.value, b = selB.value;
      if (!a || !b) return;
      history.replaceState(null, "", "/dyad?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b));
      const q = new URLSearchParams({freq: document.getElementById("freq").value,
        weighted: document.getElementById("weighted").value});
      try {
        const data = await g.api("/api/dyads/" + encodeURIComponent(a) + "/" + encodeURIComponent(b) + "?" + q);
        drawChart(document.getElementById("chart"), data.series, data.weighted);
        g.clear(status);
      } catch (err) { g.showError(status, err); }
      const filters = new URLSearchParams({dyad: a + "," + b});
      if (!table) {
        table = new window.EventsTable(document.getElementById("events"), {filters: filters, limit: 15});
        table.load();
      } else table.setFilters(filters);
    }
    try {
      const actors = await g.fillActors(selA, p.get("a"));
      await g.fillActors(selB, p.get("b"));
      if (!p.get("a") || !p.get("b")) {
        const top = await g.api("/api/dyads?limit=1");
        if (top.items.length) { selA.value = top.items[0].a; selB.value = top.items[0].b; }
        else if (actors.length > 1) { selA.value = actors[0].code; selB.value = actors[1].code; }
      }
    } catch (err) { g.showError(status, err); return; }
    for (const id of ["a", "b", "freq", "weighted"]) document.getElementById(id).addEventListener("change", refresh);
    refresh();
  });
})();
