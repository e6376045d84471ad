// World map: Natural Earth countries (world-atlas) shaded by a measure, events as points sized by
// count and coloured by quad class. Everything is SVG built node by node.
"use strict";
(function () {
  const g = window.geopol;
  const W = 960, H = 500;
  let world = null, codes = null;

  function shade(t) {  // 0..1 -> light to dark blue-grey
    const a = [235, 239, 245], b = [58, 90, 150];
    const c = a.map((x, i) => Math.round(x + (b[i] - x) * t));
    return "rgb(" + c.join(",") + ")";
  }

  function diverging(v) {  // Goldstein -10..10: red to green
    const t = Math.max(-1, Math.min(1, v / 10));
    const mid = [240, 240, 240], neg = [215, 48, 31], pos = [26, 152, 80];
    const end = t < 0 ? neg : pos, k = Math.abs(t);
    return "rgb(" + mid.map((x, i) => Math.round(x + (end[i] - x) * k)).join(",") + ")";
  }

  async function load() {
    if (!world) {
      const [topo, countries] = await Promise.all([
        fetch("/static/vendor/countries-110m.json").then(r => r.json()),
        g.api("/api/countries"),
      ]);
      world = window.topojson.feature(topo, topo.objects.countries);
      codes = {};
      for (const c of countries.items) codes[c.numeric] = c;
    }
    const q = new URLSearchParams({measure: document.getElementById("measure").value});
    for (const id of ["since", "until", "factuality"]) {
      const v = document.getElementById(id).value;
      if (v) q.set(id, v);
    }
    return g.api("/api/map?" + q.toString());
  }

  function draw(data) {
    const container = document.getElementById("map");
    g.clear(container);
    const projection = window.d3.geoNaturalEarth1().fitSize([W, H], {type: "Sphere"});
    const path = window.d3.geoPath(projection);
    const root = g.svg("svg", {viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "world map"});
    const values = Object.values(data.countries);
    const max = Math.max(1e-9, ...values.map(Math.abs));
    const countriesLayer = g.svg("g", {class: "countries"});
    for (const f of world.features) {
      const c = codes[f.id];
      const iso3 = c ? c.iso3 : null;
      const v = iso3 && iso3 in data.countries ? data.countries[iso3] : null;
      let fill = "#f4f5f7";
      if (v !== null) fill = data.measure === "goldstein" ? diverging(v) : shade(Math.sqrt(Math.abs(v) / max));
      const p = g.svg("path", {class: "country", d: path(f) || "", fill: fill, "data-iso3": iso3 || ""});
      const name = c ? c.name : (f.properties && f.properties.name) || "";
      p.appendChild(g.svg("title", {text: name + (v !== null ? ": " + g.fmt(v, data.measure === "events" || data.measure === "material_conflict" ? 0 : 2) : "")}));
      countriesLayer.appendChild(p);
    }
    root.appendChild(countriesLayer);
    const pointsLayer = g.svg("g", {class: "points"});
    const points = data.points.slice().sort((a, b) => b.count - a.count);
    for (const pt of points) {
      const xy = projection([pt.lon, pt.lat]);
      if (!xy) continue;
      const circle = g.svg("circle", {class: "point", cx: xy[0].toFixed(1), cy: xy[1].toFixed(1),
        r: (3 + 2.5 * Math.sqrt(pt.count)).toFixed(1), fill: g.QUAD_COLORS[pt.quad] || "#777",
        "data-count": pt.count, "data-quad": pt.quad});
      circle.appendChild(g.svg("title", {text: (pt.name || "?") + " — " + pt.count + " events, mostly " + (g.QUAD_NAMES[pt.quad] || "?")}));
      circle.addEventListener("click", () => {
        location.href = "/events?country=" + encodeURIComponent(pt.country || "");
      });
      pointsLayer.appendChild(circle);
    }
    root.appendChild(pointsLayer);
    container.appendChild(root);
    const legend = document.getElementById("legend");
    g.clear(legend);
    for (const q of [1, 2, 3, 4]) {
      legend.appendChild(g.el("span", {}, [g.el("span", {class: "swatch sw-q" + q}), g.QUAD_NAMES[q]]));
    }
    legend.appendChild(g.el("span", {text: "point size = number of events; shading = " +
      document.getElementById("measure").selectedOptions[0].textContent}));
    const total = data.points.reduce((s, p) => s + p.count, 0);
    document.getElementById("summary").textContent = data.points.length + " places, " + total + " located events.";
  }

  async function refresh() {
    const status = document.getElementById("status");
    try { draw(await load()); g.clear(status); } catch (err) { g.showError(status, err); }
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const id of ["measure", "since", "until", "factuality"]) {
      document.getElementById(id).addEventListener("change", refresh);
    }
    refresh();
  });
})();
